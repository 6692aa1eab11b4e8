/**
 * Money in cost statements is held in whole pence. These read the pounds people type (`86,400`,
 * `£1,250.5`, `3400.25`) exactly, and write pence back as pounds for CSV cells and for reading.
 * Pure; bundled into the browser.
 */
import { formatMoney } from '../contracts/formatValue.ts';

/** The largest amount taken: £1 billion, well inside exact integer arithmetic. */
export const MAX_PENCE = 100_000_000_000;

/** `"£86,400"` → 8640000; `"1250.5"` → 125050; undefined for anything else (or below zero). */
export function parsePounds(text: string): number | undefined {
  const t = text.trim().replace(/^£\s*/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t)) return undefined;
  const [pounds, pence = ''] = t.replace(/,/g, '').split('.');
  const value = Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
  return value <= MAX_PENCE ? value : undefined;
}

/** 8640000 → `86400.00`: the canonical form in a CSV cell. */
export function penceToPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const p = Math.abs(pence);
  return `${sign}${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;
}

/** 8640000 → `£86,400`; 340025 → `£3,400.25` (the GOV.UK style: pence only when there are some). */
export function formatPence(pence: number): string {
  return formatMoney(pence / 100);
}
