/** How dates and numbers read on the site: GOV.UK style, British English. */

export { formatDate } from '../../lib/formatDate.ts';

/** 50000 reads "50,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** `1234567` reads "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`;
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

/** `2026-01-02T10:00:00+01:00` → `2026-01-02`, the day in the UK. */
export function ukDay(date: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(date));
}
