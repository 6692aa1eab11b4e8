// @ts-check
/**
 * Reads a certificate number as people type it: `km123`, `KM 000123`, `km-000123`, or just
 * the digits, all mean KM-000123. Pure.
 */

/**
 * @param {string} typed
 * @returns {string | undefined} `KM-` and six digits, or undefined if it cannot be one
 */
export function normaliseCertificateNumber(typed) {
  const text = String(typed)
    .trim()
    .toUpperCase()
    .replace(/[\s\u2010-\u2015]+/g, '-');
  const m = /^(?:KM)?-*(\d{1,6})$/.exec(text.replace(/^KM-?/, 'KM'));
  if (!m) return undefined;
  return `KM-${/** @type {string} */ (m[1]).padStart(6, '0')}`;
}
