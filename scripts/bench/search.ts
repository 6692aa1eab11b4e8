/**
 * Search at scale (`npm run bench search`), in headless Chromium against a generated
 * register of 50,000 providers served gzip-compressed as a static host serves it:
 * - bytes downloaded (compressed, as served) before the first results of a one-word query
 *   appear, from a cold cache: the page, its scripts and styles, and the index files;
 * - query time once the index files are loaded: median and 95th percentile over a mix of
 *   one- and two-word queries, typos and prefixes, for the lunr query alone and with facet
 *   counts and sorting as the page does them.
 * Budgets: at most 300 KB before first results; median query under 50 ms. Pagefind, for
 * comparison, downloads 394–530 KB before its first result at 50,000 pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { BENCH_DIR, ROOT, measure, median } from './measure.ts';
import { generated } from './validate.ts';
import { createStaticServer } from '../cli/staticServer.ts';

const PROVIDERS = 50_000;
const ONE_WORD = [
  'dementia',
  'carers',
  'hosp',
  'demntia',
  'leeds',
  'befriending',
  'support',
  'advocacy',
  'counselling',
  'london',
];
const QUERIES = [
  ...ONE_WORD,
  'older people',
  'mental health',
  'carers support leeds',
  'befreinding',
  'counseling',
  'advoc',
  'hospice care',
  'dementia manchester',
  'young carers',
  'transport',
  'cic',
  'trust',
  'social prescribing',
  'respite',
  'bristol',
  'home care',
  'meals',
  'physical activity',
  'wellbeing',
  'family',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export default async function searchBenchmark(): Promise<string> {
  const data = generated(PROVIDERS);
  // Built afresh every time: the index is what this code builds now.
  const site = join(BENCH_DIR, `search-site-${PROVIDERS}`);
  measure(
    join(ROOT, 'scripts/cli/kitemark.js'),
    ['build', '--site-only', '--data', data, '--out', site],
    {
      KITEMARK_TODAY: '2026-11-26',
    },
  );
  const manifest = JSON.parse(readFileSync(join(site, 'search/manifest.json'), 'utf8'));
  const server = createStaticServer({ root: site });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const lines = [
    '## Search (`npm run bench search`)',
    '',
    `A generated register of ${PROVIDERS.toLocaleString('en-GB')} providers (${manifest.shards.length.toLocaleString('en-GB')} index shards), served gzip-compressed on 127.0.0.1 by \`scripts/cli/staticServer.ts\`, in headless Chromium with a cold cache for each query. "Before first results" counts every byte received (compressed, as served, headers excluded) from opening \`/providers/?q=<word>\` until the first results are on the page: the page, stylesheet, scripts, lunr, and the index files; "index files" is the part under \`/search/\`. Pagefind, the best static-search peer, downloads 394–530 KB before its first result at 50,000 pages.`,
    '',
    '| query | results | before first results | of which index files | files | time to first results |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  const totals: number[] = [];
  try {
    for (const word of ONE_WORD) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let done = false;
      let total = 0;
      let index = 0;
      let files = 0;
      page.on('requestfinished', async (request) => {
        if (done) return;
        const sizes = await request.sizes();
        if (done) return;
        total += sizes.responseBodySize;
        files++;
        if (new URL(request.url()).pathname.startsWith('/search/')) index += sizes.responseBodySize;
      });
      const started = Date.now();
      await page.goto(`${origin}/providers/?q=${encodeURIComponent(word)}`);
      await page.waitForFunction(
        () => document.getElementById('search-app')?.dataset['state'] === 'done',
        undefined,
        { timeout: 60_000 },
      );
      const elapsed = Date.now() - started;
      done = true;
      const found = (await page.textContent('#result-count'))?.match(/^[\d,]+/)?.[0] ?? '?';
      totals.push(total);
      lines.push(
        `| ${word} | ${found} | ${(total / 1024).toFixed(0)} KB | ${(index / 1024).toFixed(0)} KB | ${files} | ${elapsed} ms |`,
      );
      await context.close();
    }
    lines.push(
      '',
      `Largest: ${(Math.max(...totals) / 1024).toFixed(0)} KB; median ${(median(totals) / 1024).toFixed(0)} KB (budget 300 KB).`,
      '',
    );

    // Query time once loaded: every query runs once to fetch its shards, then is timed.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/providers/?q=care`);
    await page.waitForFunction(
      () => document.getElementById('search-app')?.dataset['state'] === 'done',
    );
    const timings = await page.evaluate(async (queries) => {
      const engine = (
        window as unknown as {
          kitemarkSearch: { search(q: string): Promise<{ refs: Map<number, number> }> };
        }
      ).kitemarkSearch;
      // A module of the site under test, loaded by the page (its address, not a file here).
      const facetsModule = '/assets/search/facets.js';
      const { FacetData } = await import(/* @vite-ignore */ facetsModule);
      const manifest = await (await fetch('/search/manifest.json')).json();
      const facets = new FacetData(
        await (await fetch(`/search/${manifest.version}/facets.json`)).json(),
        manifest,
      );
      for (const q of queries) await engine.search(q);
      const query: number[] = [];
      const withFacets: number[] = [];
      const results: number[] = [];
      for (const q of queries) {
        const t0 = performance.now();
        const found = await engine.search(q);
        const t1 = performance.now();
        const refs = [...found.refs.keys()];
        const { matches } = facets.filter(refs, {});
        matches.sort(
          (a: number, b: number) => (found.refs.get(b) ?? 0) - (found.refs.get(a) ?? 0) || a - b,
        );
        const t2 = performance.now();
        query.push(t1 - t0);
        withFacets.push(t2 - t0);
        results.push(refs.length);
      }
      return { query, withFacets, results };
    }, QUERIES);
    await context.close();
    lines.push(
      `Query time once loaded, over ${QUERIES.length} queries (one and two words, typos such as "demntia" and "befreinding", prefixes such as "hosp" and "advoc"; ${Math.min(...timings.results)} to ${Math.max(...timings.results).toLocaleString('en-GB')} results):`,
      '',
      '| | median | 95th percentile | slowest |',
      '|---|---:|---:|---:|',
      `| lunr query over the shards | ${median(timings.query).toFixed(1)} ms | ${percentile(timings.query, 95).toFixed(1)} ms | ${Math.max(...timings.query).toFixed(1)} ms |`,
      `| with facet counts and sorting | ${median(timings.withFacets).toFixed(1)} ms | ${percentile(timings.withFacets, 95).toFixed(1)} ms | ${Math.max(...timings.withFacets).toFixed(1)} ms |`,
    );
  } finally {
    await browser.close();
    server.close();
  }
  return lines.join('\n');
}
