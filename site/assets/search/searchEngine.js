// @ts-check
/**
 * Runs a text query against the sharded index: loads only the shards its terms need, asks
 * each shard's lunr.Index for the term's exact (stemmed), prefix and fuzzy matches with
 * field boosts, and keeps documents that match every term, scored by the sum. If no
 * document matches every term, documents matching any term are returned instead (and the
 * result says so). `fetchJson` and `lunr` are passed in, so Node tests drive it from files.
 */
import { shardFileName, shardForTerm, shardsForPrefix } from './terms.js';
import { queryTerms } from './queryTerms.js';

/** Terms shorter than this are matched exactly only: a one-letter prefix matches everything. */
export const MIN_PREFIX_LENGTH = 2;
/** Terms at least this long also match with one typo; from FUZZY_TWO_LENGTH, two. */
export const FUZZY_ONE_LENGTH = 4;
export const FUZZY_TWO_LENGTH = 8;
/** How much an exact, a prefix and a fuzzy match count, before field boosts. */
export const MATCH_BOOST = { exact: 10, prefix: 3, fuzzy: 1 };
/** At most this many words a mistyped term may have meant are looked up. */
export const MAX_CORRECTIONS = 12;
/**
 * Added to a document's score for each term it matches exactly (stemmed), or by prefix: so a
 * near miss of a short word ("safe" for "sale") never outranks an exact match, whatever the
 * word frequencies. Far above any lunr score.
 */
export const TIER_WEIGHT = 1_000_000;

/**
 * @typedef {import('./shardIndex.js').Shard} Shard
 * @typedef {{ key: string, name: string, boost: number, exact: boolean }} Field
 * @typedef {{ version: string, count: number, chunkSize: number, weightScale: number,
 *   fields: Field[], shards: string[], vocabularies?: string[],
 *   statuses: {code: string, title: string}[],
 *   regions: {code: string, title: string}[],
 *   las: {code: string, title: string, region: number}[],
 *   services: {code: string, title: string}[], groups: {code: string, title: string}[],
 *   today: string }} Manifest
 * @typedef {{ typed: string, meant: string, kind: 'typo' | 'prefix' }} Tolerance
 *   a term nothing matched as typed, and the word most of its results matched instead
 * @typedef {{ refs: Map<number, number>, terms: string[], matchedAll: boolean,
 *   tolerated: Tolerance[] }} SearchResult
 */

export class SearchEngine {
  /**
   * @param {{ lunr: any, fetchJson: (url: string) => Promise<any>, base: string,
   *   shardToIndex: (lunr: any, shard: Shard, fields: string[], scale: number) => any }} options
   *   base: the address of the search folder, ending in `/`
   */
  constructor(options) {
    this.lunr = options.lunr;
    this.fetchJson = options.fetchJson;
    this.base = options.base;
    this.shardToIndex = options.shardToIndex;
    /** @type {Promise<Manifest> | undefined} */
    this.manifestPromise = undefined;
    /** @type {Map<string, Promise<any>>} */
    this.indexes = new Map();
    /** @type {Set<string>} */
    this.keys = new Set();
    /** @type {Map<string, Promise<any>>} vocabulary token sets, by first letter */
    this.vocabularies = new Map();
  }

  /** @returns {Promise<Manifest>} */
  manifest() {
    if (!this.manifestPromise) {
      this.manifestPromise = this.fetchJson(`${this.base}manifest.json`).then(
        (/** @type {Manifest} */ m) => {
          this.keys = new Set(m.shards);
          return m;
        },
      );
    }
    return this.manifestPromise;
  }

  /** The address of a file of this build's index. @param {string} path */
  async url(path) {
    const m = await this.manifest();
    return `${this.base}${encodeURIComponent(m.version)}/${path}`;
  }

  /** @param {string} key */
  index(key) {
    let index = this.indexes.get(key);
    if (!index) {
      index = Promise.all([this.manifest(), this.url(`terms/${shardFileName(key)}.json`)]).then(
        async ([m, url]) =>
          this.shardToIndex(
            this.lunr,
            await this.fetchJson(url),
            m.fields.map((f) => f.key),
            m.weightScale,
          ),
      );
      this.indexes.set(key, index);
      // A failed download can be retried by the next query.
      index.catch(() => this.indexes.delete(key));
    }
    return index;
  }

  /**
   * The shards one term needs.
   * @param {{ text: string, identifier: boolean }} term
   */
  shardsFor(term) {
    const keys = new Set();
    const stem = this.lunr.stemmer(new this.lunr.Token(term.text)).toString();
    for (const t of [term.text, stem]) {
      const own = shardForTerm(t, this.keys);
      if (own !== undefined) keys.add(own);
    }
    if (term.text.length >= MIN_PREFIX_LENGTH) {
      for (const key of shardsForPrefix(term.text, this.keys)) keys.add(key);
    }
    return [...keys];
  }

  /**
   * @param {string} query
   * @param {{ exact?: boolean }} [options] exact: words as typed (stemmed), no prefix or typo
   * @returns {Promise<SearchResult>}
   */
  async search(query, options = {}) {
    const m = await this.manifest();
    const terms = queryTerms(this.lunr, query);
    /** @type {Tolerance[]} */
    const tolerated = [];
    const perTerm = await Promise.all(
      terms.map(async (term) => {
        /** @type {Map<number, number>} */
        const scores = new Map();
        /** @type {Map<number, number>} */
        const tiers = new Map();
        /** @type {Map<string, number>} the words matched, by total score */
        const words = new Map();
        const stem = this.lunr.stemmer(new this.lunr.Token(term.text)).toString();
        const indexes = await Promise.all(this.shardsFor(term).map((key) => this.index(key)));
        for (const index of indexes) {
          const results = index.query((/** @type {any} */ q) =>
            this.clauses(q, term, m.fields, options.exact === true),
          );
          for (const r of results) {
            const ref = Number(r.ref);
            const matched = Object.keys(r.matchData?.metadata ?? {});
            const tier = matched.some((t) => t === stem || t === term.text)
              ? 2
              : matched.some((t) => t.startsWith(term.text))
                ? 1
                : 0;
            scores.set(ref, (scores.get(ref) ?? 0) + r.score);
            tiers.set(ref, Math.max(tiers.get(ref) ?? 0, tier));
            for (const t of matched) words.set(t, (words.get(t) ?? 0) + r.score);
          }
        }
        if (scores.size === 0 && !options.exact) await this.correct(term, m, scores, words);
        for (const [ref, score] of scores)
          scores.set(ref, score + (tiers.get(ref) ?? 0) * TIER_WEIGHT);
        const exactly = [...tiers.values()].includes(2);
        if (!exactly && words.size > 0 && !term.identifier) {
          const [meant = ''] = [...words].sort((a, b) => b[1] - a[1])[0] ?? [];
          const prefix = [...tiers.values()].includes(1);
          tolerated.push({
            typed: term.text,
            meant: prefix ? term.text : meant,
            kind: prefix ? 'prefix' : 'typo',
          });
        }
        return scores;
      }),
    );
    return { ...combine(perTerm), terms: terms.map((t) => t.text), tolerated };
  }

  /**
   * A term that found nothing may be mistyped before the end of its shard's key: match it
   * against the vocabulary of its first letter with lunr's fuzzy matching, then look the
   * words it may have meant up in their own shards.
   * @param {{ text: string, identifier: boolean }} term
   * @param {Manifest} m
   * @param {Map<number, number>} scores filled in
   * @param {Map<string, number>} words filled in: the words matched, by total score
   */
  async correct(term, m, scores, words) {
    const distance = fuzzyDistance(term);
    const first = term.text.slice(0, 1);
    if (distance === 0 || !(m.vocabularies ?? []).includes(first)) return;
    const lunr = this.lunr;
    let vocabulary = this.vocabularies.get(first);
    if (!vocabulary) {
      vocabulary = this.url(`vocab/${shardFileName(first)}.json`)
        .then((url) => this.fetchJson(url))
        .then((words) => lunr.TokenSet.fromArray(words));
      this.vocabularies.set(first, vocabulary);
      vocabulary.catch(() => this.vocabularies.delete(first));
    }
    const candidates = (await vocabulary)
      .intersect(lunr.TokenSet.fromFuzzyString(term.text, distance))
      .toArray()
      .slice(0, MAX_CORRECTIONS);
    for (const word of candidates) {
      const key = shardForTerm(word, this.keys);
      if (key === undefined) continue;
      const index = await this.index(key);
      const results = index.query((/** @type {any} */ q) => {
        for (const field of m.fields) {
          if (field.exact) continue;
          q.term(word, {
            fields: [field.key],
            boost: field.boost * MATCH_BOOST.fuzzy,
            usePipeline: false,
          });
        }
      });
      for (const r of results) {
        const ref = Number(r.ref);
        scores.set(ref, (scores.get(ref) ?? 0) + r.score);
        words.set(word, (words.get(word) ?? 0) + r.score);
      }
    }
  }

  /**
   * One term's clauses: per field, exact (stemmed), prefix and fuzzy, boosted by field.
   * @param {any} q a lunr.Query
   * @param {{ text: string, identifier: boolean }} term
   * @param {Field[]} fields
   * @param {boolean} [exact] the exact clause only
   */
  clauses(q, term, fields, exact = false) {
    const lunr = this.lunr;
    const text = term.text;
    const fuzzy = fuzzyDistance(term);
    for (const field of fields) {
      const only = { fields: [field.key] };
      q.term(text, { ...only, boost: field.boost * MATCH_BOOST.exact, usePipeline: true });
      if (field.exact || exact) continue;
      if (text.length >= MIN_PREFIX_LENGTH) {
        q.term(text, {
          ...only,
          boost: field.boost * MATCH_BOOST.prefix,
          usePipeline: false,
          wildcard: lunr.Query.wildcard.TRAILING,
        });
      }
      if (fuzzy > 0) {
        q.term(text, {
          ...only,
          boost: field.boost * MATCH_BOOST.fuzzy,
          usePipeline: false,
          editDistance: fuzzy,
        });
      }
    }
  }
}

/**
 * How many typing mistakes a term may have: none for identifiers, numbers and short words.
 * @param {{ text: string, identifier: boolean }} term
 */
export function fuzzyDistance(term) {
  if (term.identifier || /\d/.test(term.text) || term.text.length < FUZZY_ONE_LENGTH) return 0;
  return term.text.length >= FUZZY_TWO_LENGTH ? 2 : 1;
}

/**
 * Documents matching every term, with the sum of their scores; if there are none, those
 * matching any term.
 * @param {Map<number, number>[]} perTerm
 * @returns {{ refs: Map<number, number>, matchedAll: boolean }}
 */
export function combine(perTerm) {
  if (perTerm.length === 0) return { refs: new Map(), matchedAll: true };
  const [first, ...rest] = [...perTerm].sort((a, b) => a.size - b.size);
  /** @type {Map<number, number>} */
  const all = new Map();
  for (const [ref, score] of /** @type {Map<number, number>} */ (first)) {
    let total = score;
    let inAll = true;
    for (const other of rest) {
      const s = other.get(ref);
      if (s === undefined) {
        inAll = false;
        break;
      }
      total += s;
    }
    if (inAll) all.set(ref, total);
  }
  if (all.size > 0 || perTerm.length === 1) return { refs: all, matchedAll: true };
  /** @type {Map<number, number>} */
  const any = new Map();
  for (const scores of perTerm) {
    for (const [ref, score] of scores) any.set(ref, (any.get(ref) ?? 0) + score);
  }
  return { refs: any, matchedAll: false };
}
