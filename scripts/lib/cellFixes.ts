/**
 * Mechanical repairs of single cells: each returns the corrected value, or undefined when the
 * value cannot be repaired without a person deciding. Validation uses them for its fix hints;
 * `kitemark fix` applies the same functions, so a hint and its fix never disagree.
 */
import { normalisePostcode, isPostcode } from './postcode.ts';

export function fixPostcode(value: string): string | undefined {
  const fixed = normalisePostcode(value);
  return fixed !== value && isPostcode(fixed) ? fixed : undefined;
}

/** Companies House numbers are 8 characters; spreadsheets drop leading zeros. */
export function fixCompanyNumber(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (/^[0-9]{1,7}$/.test(compact)) return compact.padStart(8, '0');
  const prefixed = /^([A-Z]{2})([0-9]{1,5})$/.exec(compact);
  if (prefixed) return prefixed[1]! + prefixed[2]!.padStart(6, '0');
  return compact !== value && /^(?:[0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(compact) ? compact : undefined;
}

export function fixCharityNumber(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  return compact !== value && /^[0-9]{6,7}$/.test(compact) ? compact : undefined;
}

export function fixOscrNumber(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact !== value && /^SC[0-9]{6}$/.test(compact) ? compact : undefined;
}

/**
 * Dates as people and exports write them (`16/11/2015`, `16/11/2015 - 00:00`, `2015-1-6`) to
 * ISO `2015-11-16`. Day-first, as in the UK; returns undefined for anything ambiguous or invalid.
 */
export function fixDate(value: string): string | undefined {
  const v = value
    .trim()
    .replace(/\s*-\s*\d{1,2}:\d{2}(:\d{2})?$/, '')
    .replace(/[T ]\d{1,2}:\d{2}(:\d{2})?.*$/, '');
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  const fixed = date.toISOString().slice(0, 10);
  return fixed === value ? undefined : fixed;
}

/** `www.example.org` → `https://www.example.org`. Never rewrites another scheme. */
export function fixLink(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return undefined;
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(value)) return `https://${value}`;
  return undefined;
}

export function fixEmail(value: string): string | undefined {
  const v = value.replace(/^mailto:/i, '').trim();
  return v !== value && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? v : undefined;
}

/** Sentinels that mean "nothing" in exports (`NA`, `N/A`, `null`, `-`). */
export function isEmptySentinel(value: string): boolean {
  return /^(?:n\/?a|null|none|nil|-+)$/i.test(value.trim());
}
