/** How dates and numbers read on the site: GOV.UK style, British English. */

export { formatDate } from '../../lib/formatDate.ts';

/** 50000 reads "50,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** `plural(1, 'provider')` is "1 provider"; `plural(2, 'provider')` is "2 providers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
