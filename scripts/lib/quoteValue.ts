/**
 * A cell's value as a message quotes it: at most about 100 characters, so a 3 MB cell gives a
 * message of a line, not 3 MB of JSON per issue. Cut between characters, never inside one.
 */
export const QUOTE_LIMIT = 100;

export function quoteValue(value: string, limit = QUOTE_LIMIT): string {
  if (value.length <= limit) return value;
  let end = limit;
  // Do not cut a surrogate pair in two.
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${value.slice(0, end)}… (${value.length.toLocaleString('en-GB')} characters in all)`;
}

/**
 * The hint for a value a mechanical fix corrects: the corrected value when it is short enough
 * to quote, else where to get it.
 */
export function writeItAs(fixed: string): string {
  return fixed.length <= QUOTE_LIMIT
    ? `write it as "${fixed}"`
    : 'Run `kitemark fix`, which corrects it.';
}
