// @ts-check
/**
 * Pure functions shared by the build (scripts/publish/site/search/) and the browser (search.js), so
 * both agree on how terms map to index shards and how stored weights read back.
 * No DOM, no lunr: plain functions, tested in tests/unit/site/terms.test.ts.
 */

/**
 * The file-name-safe form of a shard key: letters and digits as they are, anything else as
 * `_` and four hex digits, so `km-` is `km_002d`.
 * @param {string} key
 * @returns {string}
 */
export function shardFileName(key) {
  let name = '';
  for (const ch of key) {
    name += /^[a-z0-9]$/.test(ch)
      ? ch
      : `_${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  }
  return name === '' ? '_' : name;
}

/**
 * The shard that holds an exact term: the longest shard key that is a prefix of it.
 * @param {string} term
 * @param {ReadonlySet<string>} keys
 * @returns {string | undefined}
 */
export function shardForTerm(term, keys) {
  for (let length = term.length; length >= 1; length--) {
    const key = term.slice(0, length);
    if (keys.has(key)) return key;
  }
  return undefined;
}

/**
 * Every shard that can hold a term starting with `prefix`: the shard of the prefix itself
 * and every longer key that starts with it (a short prefix may span several shards).
 * @param {string} prefix
 * @param {ReadonlySet<string>} keys
 * @returns {string[]}
 */
export function shardsForPrefix(prefix, keys) {
  const found = new Set();
  const own = shardForTerm(prefix, keys);
  if (own !== undefined) found.add(own);
  for (const key of keys) if (key.length > prefix.length && key.startsWith(prefix)) found.add(key);
  return [...found].sort();
}

/** Stored weights are integers: the normalised lunr weight times this. */
export const WEIGHT_SCALE = 1000;

/**
 * Doc refs in a posting list are stored as gaps from the previous ref (smaller, and they
 * compress well); this turns them back into refs.
 * @param {readonly number[]} gaps
 * @returns {number[]}
 */
export function undoGaps(gaps) {
  const refs = new Array(gaps.length);
  let ref = 0;
  for (let i = 0; i < gaps.length; i++) {
    ref += /** @type {number} */ (gaps[i]);
    refs[i] = ref;
  }
  return refs;
}

/**
 * @param {readonly number[]} refs ascending
 * @returns {number[]}
 */
export function toGaps(refs) {
  const gaps = new Array(refs.length);
  let previous = 0;
  for (let i = 0; i < refs.length; i++) {
    const ref = /** @type {number} */ (refs[i]);
    gaps[i] = ref - previous;
    previous = ref;
  }
  return gaps;
}
