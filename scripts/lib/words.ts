/**
 * Small helpers for writing English: counts of things, sentences with their capital and full
 * stop, values in quotes.
 */

/** `plural(1, 'provider')` is "1 provider"; `plural(1200, 'entry', 'entries')` is "1,200 entries". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "the register" → "The register": the rest of the text is left as it is. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ends a sentence with a full stop unless it already ends with one (or a question mark). */
export function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** A value as a message quotes it: in double quotes, cut short after 60 characters. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}
