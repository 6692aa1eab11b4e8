/**
 * Builds the site's search index at build time, split so a browser downloads only what a
 * query needs.
 *
 * The postings of one lunr index over every provider (so idf and field lengths are global;
 * see lunrPostings.ts) are split into shards by term prefix: a shard holds, for each of its
 * terms, the documents and lunr's weight for the term in each field, so that the shard,
 * rebuilt in the browser as a lunr.Index (site/assets/search/shardIndex.js), scores a term
 * exactly as the whole index would.
 * A shard is split by one more character while it is over SHARD_TARGET_BYTES.
 *
 * Beside the shards: `facets.json` (every document's status, council, services and user
 * groups, for live facet counts over any result set), `docs/<n>.json` (what a result shows,
 * CHUNK_SIZE documents a file; `docs/all.json` for downloading large result sets) and
 * `manifest.json` (the codelists and the shard list). Documents are numbered in name order,
 * so sorting by name needs no names.
 */
import { createHash } from 'node:crypto';
import { SEARCH_FIELDS } from './searchDocuments.ts';
import { lunrPostings, type TermPostings } from './lunrPostings.ts';
import type { SearchInput, SearchLists } from './searchInput.ts';
import { WEIGHT_SCALE, shardFileName, toGaps } from '../../../../site/assets/search/terms.js';
import { groupBy } from '../../../lib/groupBy.ts';

export const CHUNK_SIZE = 32;
/** A shard is split by one more character while its postings exceed this many bytes of JSON. */
export const SHARD_TARGET_BYTES = 48_000;

export interface SearchIndexFile {
  /** Relative to the folder the manifest names (`search/<version>/`). */
  path: string;
  contents: string;
}

export interface SearchManifest extends SearchLists {
  format: 1;
  /** The folder under search/ holding this build's files; it changes whenever they do. */
  version: string;
  count: number;
  today: string;
  chunkSize: number;
  /** Weights are stored as integers: divide by this. */
  weightScale: number;
  fields: { key: string; name: string; boost: number; exact: boolean }[];
  /** Shard keys (term prefixes); a shard's file is `terms/<shardFileName(key)>.json`. */
  shards: string[];
  /** First letters with a vocabulary file, `vocab/<shardFileName(letter)>.json`. */
  vocabularies: string[];
}

export interface SearchIndex {
  files: SearchIndexFile[];
  manifest: SearchManifest;
}

interface SizedTerm {
  term: string;
  bytes: number;
  postings: TermPostings;
}

export function buildSearchIndex(
  input: SearchInput,
  options: { shardTargetBytes?: number } = {},
): SearchIndex {
  const postings = lunrPostings(
    input.documents,
    SEARCH_FIELDS.map((f) => f.key),
  );
  const sized: SizedTerm[] = postings.map((p) => {
    let bytes = p.term.length + 8;
    for (const list of p.fields.values()) bytes += list.refs.length * 8 + 4;
    return { term: p.term, bytes, postings: p };
  });
  const shards = assignShards(sized, options.shardTargetBytes);

  const files: SearchIndexFile[] = [];
  for (const [key, terms] of shards) {
    files.push({ path: `terms/${shardFileName(key)}.json`, contents: shardJson(terms) });
  }
  const vocabulary = vocabularies(postings);
  for (const [first, terms] of vocabulary) {
    files.push({ path: `vocab/${shardFileName(first)}.json`, contents: JSON.stringify(terms) });
  }
  files.push({ path: 'facets.json', contents: facetsJson(input) });
  for (let i = 0; i < input.rows.length; i += CHUNK_SIZE) {
    files.push({
      path: `docs/${i / CHUNK_SIZE}.json`,
      contents: JSON.stringify(input.rows.slice(i, i + CHUNK_SIZE)),
    });
  }
  files.push({ path: 'docs/all.json', contents: JSON.stringify(input.rows) });

  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.contents).update('\0');
  hash.update(JSON.stringify(input.lists));
  return {
    files,
    manifest: {
      format: 1,
      version: hash.digest('hex').slice(0, 12),
      count: input.rows.length,
      today: input.today,
      chunkSize: CHUNK_SIZE,
      weightScale: WEIGHT_SCALE,
      fields: SEARCH_FIELDS.map((f) => ({
        key: f.key,
        name: f.name,
        boost: f.boost,
        exact: f.exact === true,
      })),
      shards: [...shards.keys()].sort(),
      vocabularies: [...vocabulary.keys()].sort(),
      ...input.lists,
    },
  };
}

/**
 * The words of the index (not identifiers, not numbers) grouped by first letter, sorted: a
 * term typed with a mistake that finds nothing in its own shard is matched against these
 * (lunr's fuzzy matching), then the shards of the words it may have meant are loaded. A
 * shard alone cannot do this when the mistake comes before the end of its key ("demntia" is
 * in the shard "de…" but "dementia" has a shard of its own).
 */
export function vocabularies(postings: readonly TermPostings[]): Map<string, string[]> {
  const byFirst = new Map<string, string[]>();
  const identifierField = SEARCH_FIELDS.findIndex((f) => f.exact);
  for (const { term, fields } of postings) {
    if (/\d/.test(term) || term.length < 3) continue;
    if (fields.size === 1 && fields.has(identifierField)) continue;
    const first = term.slice(0, 1);
    const list = byFirst.get(first);
    if (list) list.push(term);
    else byFirst.set(first, [term]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return byFirst;
}

/**
 * Groups terms into shards keyed by prefix: one character first, and a group over the
 * target is split by one more character. A term lives in the shard with the longest key
 * that is a prefix of it (see shardForTerm in terms.js).
 */
export function assignShards<T extends { term: string; bytes: number }>(
  terms: readonly T[],
  target = SHARD_TARGET_BYTES,
): Map<string, T[]> {
  const shards = new Map<string, T[]>();
  const split = (key: string, group: T[]): void => {
    const bytes = group.reduce((sum, t) => sum + t.bytes, 0);
    const longer = group.filter((t) => t.term.length > key.length);
    if (bytes <= target || longer.length === 0) {
      shards.set(key, group);
      return;
    }
    const own = group.filter((t) => t.term.length === key.length);
    if (own.length > 0) shards.set(key, own);
    for (const [child, members] of groupBy(longer, (t) => t.term.slice(0, key.length + 1))) {
      split(child, members);
    }
  };
  for (const [first, group] of groupBy(terms, (t) => t.term.slice(0, 1))) {
    if (first !== '') split(first, group);
  }
  return shards;
}

/** `{"t":[terms],"p":[[field, [ref gaps], [weights], field, …] for each term]}` */
export function shardJson(terms: readonly { term: string; postings: TermPostings }[]): string {
  const sorted = [...terms].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const p = sorted.map(({ postings }) => {
    const row: (number | number[])[] = [];
    for (const [field, list] of [...postings.fields].sort((a, b) => a[0] - b[0])) {
      row.push(
        field,
        toGaps(list.refs),
        // lunr rounds weights to three decimals, so this is exact.
        list.weights.map((w) => Math.round(w * WEIGHT_SCALE)),
      );
    }
    return row;
  });
  return JSON.stringify({ t: sorted.map((t) => t.term), p });
}

/**
 * `{"status":"0031…","la":[…],"services":[[gaps]…],"groups":[[gaps]…]}`: one status digit
 * and one council number per document, and for each service and user group the documents
 * that have it.
 */
export function facetsJson(input: SearchInput): string {
  let status = '';
  const la: number[] = [];
  const services: number[][] = input.lists.services.map(() => []);
  const groups: number[][] = input.lists.groups.map(() => []);
  input.rows.forEach((row, ref) => {
    status += String(row[5]);
    la.push(row[4]);
    for (const s of row[8]) services[s]?.push(ref);
    for (const g of row[9]) groups[g]?.push(ref);
  });
  return JSON.stringify({
    status,
    la,
    services: services.map(toGaps),
    groups: groups.map(toGaps),
  });
}
