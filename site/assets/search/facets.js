// @ts-check
/**
 * Facet filtering and live counts over any set of documents. Within a facet, values are
 * alternatives (North East or North West); across facets, all must hold. Each facet's
 * counts say how many results there would be with that value ticked, given the query and
 * the other facets: so a count never reads 0 for a value that would add results.
 *
 * A provider is accredited for a service only if its kitemark covers it: with "accredited"
 * ticked, an accredited provider matches a service by its kitemark's scope, not by what it
 * offers; and the "accredited" count beside a ticked service counts scope likewise, so it
 * says how many results ticking it would give. Pure.
 */
import { undoGaps } from './terms.js';
import { FACETS } from './urlState.js';

/**
 * @typedef {{ status: string, la: number[], services: number[][], scope?: number[][],
 *   groups: number[][] }} FacetsJson
 * @typedef {{ count: number, las: { region: number }[], statuses: { code?: string }[],
 *   regions: unknown[], services: unknown[], groups: unknown[] }} FacetLists
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
    /** The status number of "accredited", or -1 if the lists have none. */
    this.accredited = lists.statuses.findIndex((s) => s.code === 'accredited');
    const service = multi(json.services, n);
    /** @type {Record<string, Column>} */
    this.columns = {
      status: { single: status },
      region: { single: region },
      la: { single: la },
      service,
      // What an accredited provider is accredited for; for everyone else, what they offer.
      scopedService: json.scope
        ? scoped(service, multi(json.scope, n), status, this.accredited)
        : service,
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
    const services = selected['service'] ?? [];
    const scopedMode = this.accredited >= 0 && (selected['status'] ?? []).includes(this.accredited);
    const serviceKey = scopedMode ? 'scopedService' : 'service';
    const active = facets
      .filter((f) => (selected[f] ?? []).length > 0)
      .map((f) => ({
        f,
        test: this.tester(
          f,
          /** @type {number[]} */ (selected[f]),
          f === 'service' ? serviceKey : f,
        ),
      }));
    // Counting "accredited" while it is not ticked: would the provider still match the
    // service if it were? (Scope is a subset of services, so only a match can change.)
    const coveredTest =
      !scopedMode && services.length > 0 && this.accredited >= 0
        ? this.tester('service', services, 'scopedService')
        : undefined;
    const status = /** @type {{ single: Int16Array }} */ (this.columns['status']).single;
    /** @param {number} doc */
    const countsStatus = (doc) =>
      !coveredTest || status[doc] !== this.accredited || coveredTest(doc);
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
        for (const f of facets) {
          if (f === 'status' && !countsStatus(doc)) continue;
          this.add(/** @type {Int32Array} */ (counts[f]), f, doc, f === 'service' ? serviceKey : f);
        }
      } else if (fails === 1) {
        if (failed === 'status' && !countsStatus(doc)) continue;
        const key = failed === 'service' ? serviceKey : failed;
        this.add(/** @type {Int32Array} */ (counts[failed]), failed, doc, key);
      }
    }
    return { matches, counts };
  }

  /**
   * @param {string} facet
   * @param {number[]} values
   * @param {string} [key] the column to test, if not the facet's own
   * @returns {(doc: number) => boolean}
   */
  tester(facet, values, key = facet) {
    const column = /** @type {Column} */ (this.columns[key]);
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
   * @param {string} _facet
   * @param {number} doc
   * @param {string} key the column to count
   */
  add(counts, _facet, doc, key) {
    const column = /** @type {Column} */ (this.columns[key]);
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
 * @returns {{ words: number, bits: Uint32Array }}
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

/**
 * Scope bits for accredited documents, service bits for every other.
 * @param {{ words: number, bits: Uint32Array }} services
 * @param {{ words: number, bits: Uint32Array }} scope
 * @param {Int16Array} status
 * @param {number} accredited
 * @returns {Column}
 */
function scoped(services, scope, status, accredited) {
  const { words } = services;
  const bits = Uint32Array.from(services.bits);
  for (let doc = 0; doc < status.length; doc++) {
    if (status[doc] !== accredited) continue;
    for (let w = 0; w < words; w++) bits[doc * words + w] = scope.bits[doc * words + w] ?? 0;
  }
  return { words, bits };
}
