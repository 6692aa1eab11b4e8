/** How dates and numbers read on the site: GOV.UK style, British English. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2029-03-16` reads "16 March 2029"; anything that is not an ISO date is returned unchanged. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** 50000 reads "50,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** `plural(1, 'provider')` is "1 provider"; `plural(2, 'provider')` is "2 providers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
