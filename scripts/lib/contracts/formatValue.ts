/**
 * How parameter values read inside a contract: money as `£125,000` (pence only when there are
 * some), whole numbers with thousands separators, dates as `1 April 2026` (formatDate.ts).
 * Written by hand rather than with Intl so that the build and every browser print exactly the same words.
 * Pure; bundled into the browser for the fill-in form.
 */

/** `1234567` → `1,234,567`. Digits only; the sign is the caller's. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `-1234` → `-1,234`. */
export function formatInteger(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + group(String(Math.abs(Math.trunc(value))));
}

/**
 * `125000` → `£125,000`; `1250.5` → `£1,250.50`. Pence are shown only when there are some, as
 * the GOV.UK style guide asks. Works in whole pence so 0.1 + 0.2 never shows.
 */
export function formatMoney(value: number): string {
  const pence = Math.round(Math.abs(value) * 100);
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  const sign = value < 0 && pence > 0 ? '-' : '';
  return `${sign}£${group(String(pounds))}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

export { formatDate } from '../formatDate.ts';
