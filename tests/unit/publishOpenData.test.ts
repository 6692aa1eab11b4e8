import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA_PUBLISHERS } from '../../scripts/publish/open-data/publishOpenData.ts';
import { loadSiteData } from '../../scripts/build/loadSiteData.ts';
import type { PublishContext } from '../../scripts/publish/kit/publisher.ts';
import { createHistoryRepo, type HistoryRepo } from '../support/historyRepo.ts';

const SITE = 'https://example.org/register/';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let repo: HistoryRepo;
let out: string;
let archive: string;
const saved = {
  snapshots: process.env['KITEMARK_SNAPSHOTS'],
  cache: process.env['KITEMARK_CACHE'],
};

async function publish(dataDir: string, outDir: string): Promise<void> {
  const data = await loadSiteData({
    dataDir,
    today: '2026-04-01',
    siteUrl: SITE,
    basePath: '/register/',
  });
  const context: PublishContext = { ...data, outDir, dataDir };
  for (const p of OPEN_DATA_PUBLISHERS) await p.publish(context);
}
const read = (path: string) => readFileSync(join(out, path));
const text = (path: string) => read(path).toString('utf8');

beforeAll(async () => {
  repo = createHistoryRepo();
  out = mkdtempSync(join(tmpdir(), 'kitemark-site-'));
  archive = mkdtempSync(join(tmpdir(), 'kitemark-archive-'));
  process.env['KITEMARK_SNAPSHOTS'] = archive;
  process.env['KITEMARK_CACHE'] = '';
  await publish(join(repo.dir, 'data'), out);
}, 120_000);
afterAll(() => {
  repo.remove();
  rmSync(out, { recursive: true, force: true });
  rmSync(archive, { recursive: true, force: true });
  for (const [key, env] of [
    ['KITEMARK_SNAPSHOTS', saved.snapshots],
    ['KITEMARK_CACHE', saved.cache],
  ] as const) {
    if (env === undefined) delete process.env[key];
    else process.env[key] = env;
  }
});

describe('the open-data publishers', () => {
  it('publish the downloads, dictionary, templates and schemas', () => {
    for (const path of [
      'data/index.html',
      'data/datapackage.json',
      'data/SHA256SUMS',
      'data/providers.csv',
      'data/providers-with-status.csv',
      'data/kitemark-register-fixture.xlsx',
      'data/dictionary/index.html',
      'data/data-dictionary.csv',
      'data/data-dictionary.json',
      'data/templates/providers.csv',
      'data/templates/kitemark-application-template.xlsx',
      'schema/providers.schema.json',
    ]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
    expect(text('data/index.html')).toContain('href="/register/data/providers.csv"');
    expect(text('data/index.html')).toContain('version 1.2.0');
  });

  it('publish every version once, unchanged, with latest a copy of the newest', () => {
    expect(readdirSync(join(out, 'data/v')).sort()).toEqual([
      '1.0.0',
      '1.1.0',
      '1.2.0',
      'index.json',
    ]);
    for (const version of ['1.0.0', '1.1.0', '1.2.0']) {
      const folder = `data/v/${version}/`;
      const sums = text(`${folder}SHA256SUMS`).trim().split('\n');
      for (const line of sums) {
        const [hash, path] = line.split('  ') as [string, string];
        expect(sha(read(`${folder}${path}`)), `${folder}${path}`).toBe(hash);
      }
      expect(JSON.parse(text(`${folder}datapackage.json`))).toMatchObject({
        version,
        id: `${SITE}${folder}`,
      });
      expect(text(`${folder}index.html`)).toContain(`Version ${version}`);
    }
    for (const file of readdirSync(join(out, 'data/v/1.2.0'), {
      recursive: true,
      encoding: 'utf8',
    })) {
      if (file.endsWith('.html') || !file.includes('.')) continue;
      expect(sha(read(`data/latest/${file}`)), file).toBe(sha(read(`data/v/1.2.0/${file}`)));
    }
    const index = JSON.parse(text('data/v/index.json')) as {
      latest: string;
      versions: { version: string; commit: string; datapackage: { hash: string } }[];
    };
    expect(index.latest).toBe('1.2.0');
    expect(index.versions.map((v) => [v.version, v.commit])).toEqual([
      ['1.2.0', repo.commits[4]],
      ['1.1.0', repo.commits[2]],
      ['1.0.0', repo.commits[0]],
    ]);
    expect(index.versions[0]!.datapackage.hash).toBe(
      `sha256:${sha(read('data/v/1.2.0/datapackage.json'))}`,
    );
    expect(text('data/versions/index.html')).toContain(sha(read('data/v/1.1.0/datapackage.json')));
  });

  it('keep a published version byte for byte, from the archive, on the next build', async () => {
    const again = mkdtempSync(join(tmpdir(), 'kitemark-site-again-'));
    try {
      await publish(join(repo.dir, 'data'), again);
      for (const file of [
        'datapackage.json',
        'kitemark-register-fixture.xlsx',
        'providers-with-status.csv',
      ]) {
        expect(sha(readFileSync(join(again, 'data/v/1.0.0', file))), file).toBe(
          sha(read(`data/v/1.0.0/${file}`)),
        );
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('publish the change log, its feed, JSON and CSV, and a page per change', () => {
    const index = text('data/changes/index.html');
    expect(index).toContain('href="/register/data/changes.atom"');
    for (const commit of repo.commits) {
      expect(index).toContain(`/register/data/changes/${commit}/`);
      expect(existsSync(join(out, `data/changes/${commit}/index.html`))).toBe(true);
    }
    expect(index).not.toContain(repo.readme);
    expect(text(`data/changes/${repo.commits[1]}/index.html`)).toContain(
      '<code>applied</code> → <code>accredited</code>',
    );
    const feed = text('data/changes.atom');
    expect(feed).toContain(`<id>${SITE}data/changes/${repo.commits[4]}/</id>`);
    expect(JSON.parse(text('data/changes.json')).entries).toHaveLength(5);
    expect(text('data/changes.csv').split('\n')[0]).toBe(
      'date,commit,pull_request,register_version,table,key,kind,label,provider_id,tags,status_before,status_after,fields_changed',
    );
  });

  it('publish each provider’s history', () => {
    const page = text('providers/P000001/history/index.html');
    expect(page).toContain('History of Harbour Carers Trust CIO');
    expect(page).toContain('Renamed from Harbour Carers Trust to Harbour Carers Trust CIO.');
    expect(page).toContain('Kitemark renewed: certificate KM-000005 until 2029-03-09.');
    expect(page).toContain(`/register/data/changes/${repo.commits[4]}/`);
    expect(existsSync(join(out, 'providers/P000005/history/index.html'))).toBe(true);
  });

  it('build without git: no change log, one provisional version, and pages that say so', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'kitemark-nogit-'));
    const site = mkdtempSync(join(tmpdir(), 'kitemark-nogit-site-'));
    try {
      cpSync(join(repo.dir, 'data'), join(copy, 'data'), { recursive: true });
      await publish(join(copy, 'data'), site);
      expect(readdirSync(join(site, 'data/v')).sort()).toEqual(['1.2.0', 'index.json']);
      const index = JSON.parse(readFileSync(join(site, 'data/v/index.json'), 'utf8')) as {
        versions: { provisional: boolean }[];
      };
      expect(index.versions[0]!.provisional).toBe(true);
      expect(readFileSync(join(site, 'data/changes/index.html'), 'utf8')).toContain(
        'no git history',
      );
      expect(readFileSync(join(site, 'providers/P000001/history/index.html'), 'utf8')).toContain(
        'no git history',
      );
      expect(existsSync(join(site, 'data/changes.atom'))).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('publish a DCAT catalogue, schema.org markup, the SQLite database and schemas at their own addresses', () => {
    const catalogue = JSON.parse(text('data/catalog.jsonld')) as {
      '@type': string;
      'dcat:dataset': { 'dcat:distribution': { '@id': string }[] }[];
    };
    expect(catalogue['@type']).toBe('dcat:Catalog');
    const ids = catalogue['dcat:dataset'][0]!['dcat:distribution'].map((d) => d['@id']);
    expect(ids).toContain(`${SITE}data/kitemark-register-fixture.sqlite`);
    expect(existsSync(join(out, 'data/kitemark-register-fixture.sqlite'))).toBe(true);
    const page = text('data/index.html');
    const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page);
    expect(ld, 'schema.org JSON-LD in the page').not.toBeNull();
    expect(JSON.parse(ld![1]!)).toMatchObject({ '@type': 'Dataset', url: `${SITE}data/` });
    expect(page).toContain('href="/register/data/catalog.jsonld"');
    expect(page).toContain('pd.read_csv(');
    expect(page).toContain('col_types = cols(');
    const schema = JSON.parse(text('schema/providers.schema.json')) as { $id: string };
    expect(schema.$id).toBe(`${SITE}schema/providers.schema.json`);
    expect(text('data/datapackage.json')).not.toContain('kitemark-register.example');
  });
});
