/** Place names as they are matched, the same at build time and in the browser. Pure. */

/**
 * How a place name is matched: case, punctuation and "and"/"&" do not matter, nor a
 * leading "the" or "city of": "Brighton & Hove" is "brighton and hove".
 */
export function placeKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(the|city of) /, '');
}
