/**
 * The domain a provider's website or email address belongs to, to notice a correction that
 * moves a provider's contact details to another organisation's domain (a takeover of the
 * entry, or of the people who write to it).
 */

/** `https://www.harbour.example/about` → `harbour.example`; `Hi@Harbour.example` → `harbour.example`. */
export function contactDomain(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const at = text.lastIndexOf('@');
  let host: string;
  if (at >= 0 && !text.includes('/')) host = text.slice(at + 1);
  else {
    try {
      host = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.toLowerCase().replace(/\.$/, '');
  return host.startsWith('www.') ? host.slice(4) : host;
}

export interface DomainChange {
  field: 'website' | 'email';
  before: string | undefined;
  after: string | undefined;
}

/** The contact fields whose domain a change of `before` into `after` moves. */
export function contactDomainChanges(
  before: Readonly<Record<string, string | undefined>>,
  after: Readonly<Record<string, string | undefined>>,
): DomainChange[] {
  const out: DomainChange[] = [];
  for (const field of ['website', 'email'] as const) {
    if (!(field in after)) continue;
    const was = contactDomain(before[field] ?? '');
    const now = contactDomain(after[field] ?? '');
    if (was !== now && now !== undefined) out.push({ field, before: was, after: now });
  }
  return out;
}
