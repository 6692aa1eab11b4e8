// @ts-check
/**
 * Facet filtering and live counts over any set of documents. Within a facet, values are
 * alternatives (North East or North West); across facets, all must hold. Each facet's
 * counts say how many results there would be with that value ticked, given the query and
 * the other facets: so a count never reads 0 for a value that would add results. Pure.
 */
import { undoGaps } from './terms.js';
import { FACETS } from './urlState.js';

/**
 * @typedef {{ status: string, la: number[], services: number[][], groups: number[][] }} FacetsJson
 * @typedef {{ count: number, las: { region: number }[], statuses: unknown[], regions: unknown[],
 *   services: unknown[], groups: unknown[] }} FacetLists
 * @typedef {{ single: Int16Array } | { words: number, bits: Uint32Array }} Column
 */

export class FacetData {
  /**
   * @param {FacetsJson} json the index's facets.json
   * @param {FacetLists} lists the manifest
   */
  constructor(json, lists) {
    const n = lists.count;
    this.count = n;
    const status = new Int16Array(n);
    for (let i = 0; i < n; i++) status[i] = json.status.charCodeAt(i) - 48;
    const la = Int16Array.from(json.la);
    const region = new Int16Array(n);
    for (let i = 0; i < n; i++) region[i] = lists.las[/** @type {number} */ (la[i])]?.region ?? -1;
    /** @type {Record<string, Column>} */
    this.columns = {
      status: { single: status },
      region: { single: region },
      la: { single: la },
      service: multi(json.services, n),
      group: multi(json.groups, n),
    };
    /** @type {Record<string, number>} values in each facet's list */
    this.sizes = {
      status: lists.statuses.length,
      region: lists.regions.length,
      la: lists.las.length,
      service: lists.services.length,
      group: lists.groups.length,
    };
  }

  /**
   * @param {ArrayLike<number> | null} candidates document numbers, or null for every document
   * @param {Record<string, number[]>} selected chosen value numbers, by facet param
   * @returns {{ matches: number[], counts: Record<string, Int32Array> }}
   */
  filter(candidates, selected) {
    const facets = FACETS.map((f) => f.param);
    /** @type {Record<string, Int32Array>} */
    const counts = {};
    for (const f of facets) counts[f] = new Int32Array(this.sizes[f] ?? 0);
    const active = facets
      .filter((f) => (selected[f] ?? []).length > 0)
      .map((f) => ({ f, test: this.tester(f, /** @type {number[]} */ (selected[f])) }));
    /** @type {number[]} */
    const matches = [];
    const total = candidates ? candidates.length : this.count;
    for (let i = 0; i < total; i++) {
      const doc = candidates ? /** @type {number} */ (candidates[i]) : i;
      let fails = 0;
      let failed = '';
      for (const { f, test } of active) {
        if (!test(doc)) {
          fails++;
          failed = f;
          if (fails > 1) break;
        }
      }
      if (fails === 0) {
        matches.push(doc);
        for (const f of facets) this.add(/** @type {Int32Array} */ (counts[f]), f, doc);
      } else if (fails === 1) {
        this.add(/** @type {Int32Array} */ (counts[failed]), failed, doc);
      }
    }
    return { matches, counts };
  }

  /**
   * @param {string} facet
   * @param {number[]} values
   * @returns {(doc: number) => boolean}
   */
  tester(facet, values) {
    const column = /** @type {Column} */ (this.columns[facet]);
    if ('single' in column) {
      const wanted = new Uint8Array((this.sizes[facet] ?? 0) + 1);
      for (const v of values) wanted[v] = 1;
      const single = column.single;
      return (doc) => wanted[/** @type {number} */ (single[doc])] === 1;
    }
    const { words, bits } = column;
    const mask = new Uint32Array(words);
    for (const v of values) mask[v >>> 5] = (mask[v >>> 5] ?? 0) | (1 << (v & 31));
    return (doc) => {
      for (let w = 0; w < words; w++) {
        if (((bits[doc * words + w] ?? 0) & (mask[w] ?? 0)) !== 0) return true;
      }
      return false;
    };
  }

  /**
   * @param {Int32Array} counts
   * @param {string} facet
   * @param {number} doc
   */
  add(counts, facet, doc) {
    const column = /** @type {Column} */ (this.columns[facet]);
    if ('single' in column) {
      const v = /** @type {number} */ (column.single[doc]);
      if (v >= 0) counts[v] = /** @type {number} */ (counts[v]) + 1;
      return;
    }
    const { words, bits } = column;
    for (let w = 0; w < words; w++) {
      let word = /** @type {number} */ (bits[doc * words + w]);
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        const v = w * 32 + bit;
        counts[v] = /** @type {number} */ (counts[v]) + 1;
        word &= word - 1;
      }
    }
  }
}

/**
 * Per-document bit sets from per-value document lists.
 * @param {number[][]} lists gaps of document numbers, one list per value
 * @param {number} n
 * @returns {Column}
 */
function multi(lists, n) {
  const words = Math.max(1, Math.ceil(lists.length / 32));
  const bits = new Uint32Array(n * words);
  lists.forEach((gaps, value) => {
    for (const doc of undoGaps(gaps)) {
      const i = doc * words + (value >>> 5);
      bits[i] = /** @type {number} */ (bits[i]) | (1 << (value & 31));
    }
  });
  return { words, bits };
}
