// @ts-check
/**
 * Rebuilds one shard of the search index (see scripts/publish/site/search/buildSearchIndex.ts) as a
 * lunr.Index, as lunr.Index.load would from a serialised index: inverted index, field
 * vectors and token set. The weights are lunr's own, computed over the whole register, and
 * lunr divides a score by the query vector's length only, so for a term held in one shard
 * the shard scores each document exactly as the whole index would. Pure; `lunr` is passed in.
 */
import { undoGaps } from './terms.js';

const NO_METADATA = Object.freeze(Object.create(null));

/**
 * @typedef {{ t: string[], p: (number | number[])[][] }} Shard
 */

/**
 * @param {any} lunr the lunr library
 * @param {Shard} shard
 * @param {readonly string[]} fields field keys, in index order
 * @param {number} weightScale
 */
export function shardToIndex(lunr, shard, fields, weightScale) {
  const invertedIndex = Object.create(null);
  /** @type {Map<string, number[]>} */
  const elements = new Map();
  shard.t.forEach((term, termIndex) => {
    const posting = Object.create(null);
    posting._index = termIndex;
    for (const field of fields) posting[field] = Object.create(null);
    const row = shard.p[termIndex] ?? [];
    for (let k = 0; k + 2 < row.length; k += 3) {
      const field = fields[/** @type {number} */ (row[k])];
      if (field === undefined) continue;
      const refs = undoGaps(/** @type {number[]} */ (row[k + 1]));
      const weights = /** @type {number[]} */ (row[k + 2]);
      const fieldPosting = posting[field];
      for (let j = 0; j < refs.length; j++) {
        const ref = String(refs[j]);
        fieldPosting[ref] = NO_METADATA;
        const key = `${field}/${ref}`;
        let list = elements.get(key);
        if (!list) elements.set(key, (list = []));
        list.push(termIndex, /** @type {number} */ (weights[j]) / weightScale);
      }
    }
    invertedIndex[term] = posting;
  });
  const fieldVectors = Object.create(null);
  for (const [key, list] of elements) fieldVectors[key] = new lunr.Vector(list);
  return new lunr.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: lunr.TokenSet.fromArray(shard.t),
    fields: [...fields],
    pipeline: lunr.Pipeline.load(['stemmer']),
  });
}
