// @ts-check
/**
 * CSV for "download these results": RFC 4180 quoting, CRLF line ends and a byte-order mark
 * so spreadsheet programs read UTF-8. A cell that a spreadsheet would run as a formula
 * (starting with =, +, -, an at sign, a tab or carriage return, a colon, or their full-width forms,
 * even after spaces) gets a leading apostrophe, so a provider's name can never become a
 * formula on a commissioner's computer. Pure.
 */

const FORMULA_START = /^[\s]*[=+\-@:\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFF1A]/;

/** @param {unknown} value */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @param {readonly string[]} header
 * @param {readonly (readonly unknown[])[]} rows
 */
export function toCsv(header, rows) {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
