// @ts-check
/**
 * `2029-03-16` as "16 March 2029": scripts/lib/formatDate.ts for the unbundled browser
 * scripts (a test keeps the two in step). Anything that is not an ISO date is returned
 * unchanged. Pure.
 */

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

/** @param {string} iso */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}
