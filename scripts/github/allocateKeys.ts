/**
 * Record keys are ours, opaque, stable and never reused. A new key is one more than the
 * highest ever used: in the register now, anywhere in its git history (a removed record's key
 * stays spent), and in any open pull request that has already reserved one.
 */

export type KeyKind = 'provider' | 'accreditation';

const PATTERNS: Record<KeyKind, { prefix: string; regex: RegExp }> = {
  provider: { prefix: 'P', regex: /\bP([0-9]{6})\b/g },
  accreditation: { prefix: 'KM-', regex: /\bKM-([0-9]{6})\b/g },
};

/** Every key of either kind mentioned anywhere in `text` (a CSV, a git log, a PR body). */
export function keysIn(text: string): Set<string> {
  const keys = new Set<string>();
  for (const { prefix, regex } of Object.values(PATTERNS)) {
    for (const m of text.matchAll(regex)) keys.add(`${prefix}${m[1]}`);
  }
  return keys;
}

/** The next free key of a kind: the highest used plus one, six digits. */
export function nextKey(kind: KeyKind, used: Iterable<string>): string {
  const { prefix } = PATTERNS[kind];
  let max = 0;
  for (const key of used) {
    if (!key.startsWith(prefix)) continue;
    const n = Number(key.slice(prefix.length));
    if (/^[0-9]{6}$/.test(key.slice(prefix.length)) && n > max) max = n;
  }
  if (max >= 999_999) throw new Error(`no ${kind} keys are left: ${prefix}999999 is taken`);
  return `${prefix}${String(max + 1).padStart(6, '0')}`;
}
