import { closest, distance } from 'fastest-levenshtein';

/**
 * The fix hint for a value that is not one of `codes`: the same code in other case, else the
 * nearest code by edit distance when it is near enough to be a typo, else a short list.
 */
export function suggestCode(value: string, codes: readonly string[], listName: string): string {
  const lower = value.toLowerCase().replace(/[\s_]+/g, '-');
  const exact = codes.find((c) => c.toLowerCase() === lower);
  if (exact) return `write it as "${exact}"`;
  // Edit distance costs length × length for each code: a value far longer than every code is
  // no typo of one, and a 3 MB cell must not be compared with 300 codes.
  const longest = codes.reduce((n, c) => Math.max(n, c.length), 0);
  if (codes.length > 0 && lower.length <= 2 * longest + 4) {
    const near = closest(lower, codes as string[]);
    if (distance(lower, near.toLowerCase()) <= Math.max(2, Math.floor(near.length / 3))) {
      return `did you mean "${near}"?`;
    }
  }
  if (codes.length <= 12) return `use one of: ${codes.map((c) => `"${c}"`).join(', ')}`;
  return `use a code from data/codelists/${listName}.csv`;
}

/** Case-insensitive exact match, for the mechanical "codelist case" fix. */
export function codeInOtherCase(value: string, codes: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  for (const c of codes) if (c.toLowerCase() === lower) return c;
  return undefined;
}
