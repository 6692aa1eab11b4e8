// The sharded index end to end: built by buildSearchIndex, rebuilt per shard in lunr by
// shardIndex.js, queried by SearchEngine (from files, as a browser would fetch them). The
// shards must score documents exactly as one lunr index over everything would.
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../scripts/publish/site/search/buildSearchIndex.ts';
import { searchInput } from '../../../scripts/publish/site/search/searchInput.ts';
import { SEARCH_FIELDS } from '../../../scripts/publish/site/search/searchDocuments.ts';
import { shardToIndex } from '../../../site/assets/search/shardIndex.js';
import { SearchEngine, combine } from '../../../site/assets/search/searchEngine.js';
import { shardFileName } from '../../../site/assets/search/terms.js';
import { siteFixture } from '../../support/siteRegister.ts';

const { register } = siteFixture();
const input = searchInput(register);

function engineFor(target = 400) {
  const { files, manifest } = buildSearchIndex(input, { shardTargetBytes: target });
  const byPath = new Map(files.map((f) => [`/search/${manifest.version}/${f.path}`, f.contents]));
  byPath.set('/search/manifest.json', JSON.stringify(manifest));
  const fetched: string[] = [];
  const engine = new SearchEngine({
    lunr,
    base: '/search/',
    shardToIndex,
    fetchJson: async (url: string) => {
      fetched.push(url);
      const text = byPath.get(url);
      if (text === undefined) throw new Error(`404 ${url}`);
      return JSON.parse(text);
    },
  });
  return { engine, manifest, fetched, files };
}

describe('sharded search', () => {
  it('splits the index into many shards and loads only those a query needs', async () => {
    const { engine, manifest, fetched } = engineFor();
    expect(manifest.shards.length).toBeGreaterThan(10);
    await engine.search('advocacy');
    const shardFiles = fetched.filter((u) => u.includes('/terms/'));
    expect(shardFiles.length).toBeGreaterThan(0);
    expect(shardFiles.length).toBeLessThan(4);
  });

  it('scores exactly as one lunr index over every document', async () => {
    const { engine } = engineFor();
    await engine.manifest();
    const full = lunr(function () {
      this.ref('r');
      for (const f of SEARCH_FIELDS) this.field(f.key);
      input.documents.forEach((d, r) => this.add({ ...d, r: String(r) }));
    });
    for (const word of ['carers', 'advocacy', 'friends', 'dorset']) {
      const expected = full.query((q) => {
        for (const f of SEARCH_FIELDS) q.term(word, { fields: [f.key], boost: f.boost * 10 });
      });
      const shardIndexes = await Promise.all(
        engine.shardsFor({ text: word, identifier: false }).map((k) => engine.index(k)),
      );
      const got = new Map<string, number>();
      for (const index of shardIndexes) {
        for (const r of index.query((q: lunr.Query) => {
          for (const f of SEARCH_FIELDS) q.term(word, { fields: [f.key], boost: f.boost * 10 });
        })) {
          got.set(r.ref, (got.get(r.ref) ?? 0) + r.score);
        }
      }
      expect(expected.length).toBeGreaterThan(0);
      expect(got.size).toBe(expected.length);
      for (const r of expected) expect(got.get(r.ref)).toBeCloseTo(r.score, 10);
    }
  });

  it('finds prefixes and typos', async () => {
    const { engine } = engineFor();
    const names = async (q: string) =>
      [...(await engine.search(q)).refs.keys()].map((ref) => input.rows[ref]![1]);
    expect((await names('advoc'))[0]).toBe('Kestrel Advocacy Project');
    expect(await names('advocasy')).toEqual(['Kestrel Advocacy Project']);
    expect(await names('harbour')).toEqual(['Harbour Carers Trust']);
    expect(await names('harbuor')).toEqual(['Harbour Carers Trust']);
    expect(await names('zzzz')).toEqual([]);
  });

  it('corrects a mistake made before the end of a shard’s key, from the vocabulary', async () => {
    // One shard per word: "advocasy" shares no shard with "advocacy".
    const { engine, manifest, fetched } = engineFor(1);
    expect(manifest.shards).toContain('advocaci');
    const names = async (q: string) =>
      [...(await engine.search(q)).refs.keys()].map((ref) => input.rows[ref]![1]);
    expect(await names('advocasy')).toEqual(['Kestrel Advocacy Project']);
    expect(await names('harbuor')).toEqual(['Harbour Carers Trust']);
    expect(fetched.some((u) => u.includes('/vocab/'))).toBe(true);
    expect(await names('qqqqqq')).toEqual([]);
  });

  it('finds a provider by postcode, district, identifier and certificate number', async () => {
    const { engine } = engineFor();
    const first = async (q: string) => [...(await engine.search(q)).refs.keys()][0];
    expect(await first('DT1 1AB')).toBe(0);
    expect(await first('dt1')).toBe(0);
    expect(await first('1123456')).toBe(0);
    expect(await first('KM-000002')).toBe(1);
    expect(await first('km000002')).toBe(1);
  });

  it('requires every word, and falls back to any word when none has all', async () => {
    const { engine } = engineFor();
    const both = await engine.search('carers dorset');
    expect([...both.refs.keys()]).toEqual([0]);
    expect(both.matchedAll).toBe(true);
    const either = await engine.search('advocacy dorset');
    expect(either.matchedAll).toBe(false);
    expect([...either.refs.keys()].sort()).toEqual([0, 1]);
  });

  it('ignores stop words, and searches markup as text', async () => {
    const { engine } = engineFor();
    const the = await engine.search('the');
    expect([the.refs.size, the.terms]).toEqual([0, []]);
    expect([...(await engine.search('the harbour')).refs.keys()]).toEqual([0]);
    expect([...(await engine.search('<script>')).refs.keys()]).toEqual([2]);
  });

  it('gives every shard a file-safe name', () => {
    const { manifest, files } = engineFor();
    for (const key of manifest.shards) {
      expect(files.some((f) => f.path === `terms/${shardFileName(key)}.json`)).toBe(true);
    }
  });
});

describe('combine', () => {
  it('keeps documents in every term, summing scores', () => {
    const result = combine([
      new Map([
        [1, 1],
        [2, 1],
      ]),
      new Map([[2, 3]]),
    ]);
    expect([...result.refs]).toEqual([[2, 4]]);
    expect(combine([]).refs.size).toBe(0);
  });
});
