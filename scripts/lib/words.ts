/** Small helpers for writing English: counts of things, and sentences that start in capitals. */

/** `plural(1, 'provider')` is "1 provider"; `plural(1200, 'entry', 'entries')` is "1,200 entries". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "the register" → "The register": the rest of the text is left as it is. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
