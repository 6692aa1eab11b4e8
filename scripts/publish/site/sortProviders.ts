/**
 * The order providers are listed in everywhere (browse pages, search results sorted by
 * name, the search index's document numbers): by name as a reader expects, ignoring case
 * and accents, with numbers in numeric order, then by provider_id so ties are stable.
 */
import type { ProviderView } from '../../lib/buildRegister.ts';

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function compareProviderNames(
  a: Pick<ProviderView, 'name' | 'provider_id'>,
  b: Pick<ProviderView, 'name' | 'provider_id'>,
): number {
  return (
    collator.compare(a.name, b.name) ||
    (a.provider_id < b.provider_id ? -1 : a.provider_id > b.provider_id ? 1 : 0)
  );
}

export function sortByName<T extends Pick<ProviderView, 'name' | 'provider_id'>>(
  providers: readonly T[],
): T[] {
  return [...providers].sort(compareProviderNames);
}

/**
 * The A–Z heading a name is listed under: its first letter, ignoring a leading "The " and
 * accents; names that start with a digit or symbol go under "0–9".
 */
export function initialOf(name: string): string {
  const plain = name
    .trim()
    .replace(/^the\s+/i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const first = plain.charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '0-9';
}
