/**
 * Releases end to end, against the local GitHub server: the deploy workflow's release step
 * (main-releases.ts publish) publishes 1.0.0 and 1.1.0 as GitHub Releases with their archives;
 * a later build fetches them (main-releases.ts fetch) and, even with different code writing the
 * downloads, publishes both byte for byte; a build that would change a published version fails.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildReleaseArchive } from '../../scripts/publish/open-data/buildReleaseArchive.ts';
import type { WriteDownloads } from '../../scripts/publish/open-data/buildSnapshot.ts';
import { prepareReleases } from '../../scripts/publish/open-data/prepareReleases.ts';
import { ReleaseStore } from '../../scripts/io/releaseStore.ts';
import {
  publishDownloads,
  publishVersions,
} from '../../scripts/publish/open-data/publishOpenData.ts';
import { createOctokit } from '../../scripts/github/createOctokit.ts';
import { main } from '../../scripts/github/main-releases.ts';
import { publishReleases } from '../../scripts/github/releaseAssets.ts';
import { unzipFiles } from '../../scripts/lib/contracts/zipFiles.ts';
import { writeDownloads } from '../../scripts/lib/downloads/buildDownloads.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { ReleaseError } from '../../scripts/lib/releaseLedger.ts';
import { findReleases } from '../../scripts/lib/releases.ts';
import { loadSiteData } from '../../scripts/build/loadSiteData.ts';
import type { PublishContext } from '../../scripts/publish/kit/publisher.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fakeGitHub.ts';
import { recordingToolkit } from '../helpers/toolkit.ts';
import { createHistoryRepo, type HistoryRepo } from '../support/historyRepo.ts';
import { readRegisterHistory } from '../../scripts/io/git/readRegisterHistory.ts';

const SITE = 'https://example.org/register/';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `kitemark-${name}-`));
  dirs.push(dir);
  return dir;
};
const dirs: string[] = [];
const saved = { releases: process.env['KITEMARK_RELEASES'], cache: process.env['KITEMARK_CACHE'] };

/** Code that writes the downloads differently: another `created` in every file. */
const changedWriter: WriteDownloads = (options, sink) =>
  writeDownloads({ ...options, created: '2030-01-01T00:00:00Z' }, sink);

let gh: FakeGitHub;
let repo: HistoryRepo;
let head: string;
/** The releases folder of the release job that published 1.0.0 and 1.1.0. */
let released: string;

const env = (releases: string): NodeJS.ProcessEnv => ({
  GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
  GITHUB_API_URL: gh.url,
  GITHUB_TOKEN: 'test-token',
  KITEMARK_RELEASES: releases,
  KITEMARK_DATA: join(repo.dir, 'data'),
  KITEMARK_SITE_URL: SITE,
  KITEMARK_BASE_PATH: '/register/',
});
const client = { pacing: false, retryAfterUnitMs: 1 };

async function run(command: 'fetch' | 'publish', releases: string): Promise<void> {
  const toolkit = recordingToolkit();
  const code = await main(command, env(releases), toolkit, client);
  expect(toolkit.failures).toEqual([]);
  expect(code).toBe(0);
}

/** The open-data versions publisher, as a build runs it, with the releases folder given. */
async function build(releases: string, write?: WriteDownloads): Promise<string> {
  process.env['KITEMARK_RELEASES'] = releases;
  const out = temp('site');
  const data = await loadSiteData({
    dataDir: join(repo.dir, 'data'),
    today: '2026-04-01',
    siteUrl: SITE,
    basePath: '/register/',
  });
  const context: PublishContext = { ...data, outDir: out, dataDir: join(repo.dir, 'data') };
  await publishDownloads(context, write ? { write } : {});
  await publishVersions(context, write ? { write } : {});
  return out;
}

const asset = (version: string) => {
  const release = [...gh.releases.values()].find((r) => r.tag_name === `data-v${version}`);
  return release?.assets.find((a) => a.name === `kitemark-register-${version}.zip`);
};

async function entries(zip: Uint8Array): Promise<Map<string, string>> {
  const files = await unzipFiles(zip, inflateRawSync);
  return new Map(files.map((f) => [f.path, sha(f.data)]));
}

beforeAll(async () => {
  process.env['KITEMARK_CACHE'] = '';
  gh = await startFakeGitHub();
  repo = createHistoryRepo();
  head = repo.git('rev-parse', 'HEAD');
  // GitHub holds the same commits as the local clone.
  for (const commit of repo.git('rev-list', '--all').split('\n'))
    gh.commitFiles(new Map(), { sha: commit });
  // Main as it was when 1.1.0 was the newest version: the release job publishes both.
  repo.git('checkout', '-q', '--detach', repo.commits[3]!);
  released = temp('released');
  await run('publish', released);
}, 120_000);

afterEach(() => expect(gh.violations).toEqual([]));

afterAll(async () => {
  await gh.close();
  repo.remove();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  for (const [key, value] of [
    ['KITEMARK_RELEASES', saved.releases],
    ['KITEMARK_CACHE', saved.cache],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('data releases', () => {
  it('publishes each released version as a GitHub Release with its archive', () => {
    const releases = [...gh.releases.values()].sort((a, b) => a.id - b.id);
    expect(releases.map((r) => [r.tag_name, r.target_commitish, r.draft])).toEqual([
      ['data-v1.0.0', repo.commits[0], false],
      ['data-v1.1.0', repo.commits[2], false],
    ]);
    for (const version of ['1.0.0', '1.1.0']) {
      const bytes = readFileSync(join(released, `kitemark-register-${version}.zip`));
      expect(asset(version)!.data.equals(bytes), version).toBe(true);
      const release = releases.find((r) => r.tag_name === `data-v${version}`)!;
      expect(release.body).toContain(sha(bytes));
      expect(release.body).toContain(`${SITE}data/v/${version}/`);
    }
  });

  it('a later build takes the published archives byte for byte, whatever writes the downloads', async () => {
    const fetched = temp('fetched');
    await run('fetch', fetched);
    const out = await build(fetched, changedWriter);
    // The new writer is in use: the current files carry its `created`...
    expect(JSON.parse(readFileSync(join(out, 'data/datapackage.json'), 'utf8')).created).toBe(
      '2030-01-01T00:00:00Z',
    );
    const index = JSON.parse(readFileSync(join(out, 'data/v/index.json'), 'utf8')) as {
      versions: { version: string; archive: { path: string; hash: string } }[];
    };
    for (const version of ['1.0.0', '1.1.0']) {
      const published = asset(version)!;
      const archive = readFileSync(join(fetched, `kitemark-register-${version}.zip`));
      // ...but each published version is the archive as published, every file in it too.
      expect(sha(archive)).toBe(sha(published.data));
      expect(await entries(archive)).toEqual(await entries(published.data));
      const inArchive = await unzipFiles(published.data, inflateRawSync);
      const datapackage = inArchive.find((e) => e.path.endsWith('/datapackage.json'))!;
      expect(
        readFileSync(join(out, `data/v/${version}/datapackage.json`)).equals(datapackage.data),
      ).toBe(true);
      expect(index.versions.find((v) => v.version === version)!.archive).toEqual({
        path: `${gh.url}/${gh.owner}/${gh.repo}/releases/download/data-v${version}/kitemark-register-${version}.zip`,
        bytes: published.data.length,
        hash: `sha256:${sha(published.data)}`,
        release: `data-v${version}`,
      });
      // The site links to the GitHub Release rather than holding another copy.
      expect(existsSync(join(out, `data/v/${version}/kitemark-register-${version}.zip`))).toBe(
        false,
      );
      expect(readFileSync(join(out, `data/v/${version}/index.html`), 'utf8')).toContain(
        `releases/download/data-v${version}/kitemark-register-${version}.zip`,
      );
    }
  });

  it('rebuilds a missing published archive only when it comes out the same', async () => {
    const fetched = temp('restore');
    await run('fetch', fetched);
    rmSync(join(fetched, 'kitemark-register-1.0.0.zip'));
    await build(fetched);
    expect(
      readFileSync(join(fetched, 'kitemark-register-1.0.0.zip')).equals(asset('1.0.0')!.data),
    ).toBe(true);
  });

  it('fails a build that would change a published version’s bytes, naming the files', async () => {
    const fetched = temp('forced');
    await run('fetch', fetched);
    rmSync(join(fetched, 'kitemark-register-1.0.0.zip'));
    const failure = await build(fetched, changedWriter).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ReleaseError);
    expect((failure as ReleaseError).code).toBe('release/published-bytes-changed');
    expect((failure as ReleaseError).file).toBe('kitemark-register-1.0.0.zip');
    expect((failure as ReleaseError).message).toMatch(
      /version 1\.0\.0 was published .*datapackage\.json \(changed\).*Put the published kitemark-register-1\.0\.0\.zip in/,
    );
    // Nothing of the other bytes is kept for a later build to pick up.
    expect(readdirSync(fetched).filter((f) => f.includes('1.0.0'))).toEqual([]);
  });

  it('fails a build whose releases folder holds other bytes than were published', async () => {
    const fetched = temp('tampered');
    await run('fetch', fetched);
    const file = join(fetched, 'kitemark-register-1.1.0.zip');
    const history = await readRegisterHistory({ dataDir: join(repo.dir, 'data'), cacheDir: '' });
    const release = findReleases(history).find((r) => r.version === '1.1.0')!;
    await buildReleaseArchive(
      { release, url: `${SITE}data/v/1.1.0/`, file },
      { repository: repo.dir, dataPath: 'data', working: noWorkingTree() },
      changedWriter,
    );
    await expect(build(fetched)).rejects.toMatchObject({
      code: 'release/archive-changed',
      file,
      message: expect.stringMatching(
        /is not the archive published as version 1\.1\.0.*README\.md \(changed\)/,
      ),
    });
  });

  it('never replaces a published asset with other bytes', async () => {
    const other = temp('other');
    const history = await readRegisterHistory({ dataDir: join(repo.dir, 'data'), cacheDir: '' });
    const [prepared] = await prepareReleases(
      findReleases(history).filter((r) => r.version === '1.0.0'),
      {
        store: new ReleaseStore(other),
        urlOf: (r) => `${SITE}data/v/${r.version}/`,
        source: { repository: repo.dir, dataPath: 'data', working: noWorkingTree() },
        write: changedWriter,
      },
    );
    const before = asset('1.0.0')!.data;
    await expect(
      publishReleases(octokit(), { owner: gh.owner, repo: gh.repo }, [prepared!], {
        pageUrl: (v) => `${SITE}data/v/${v}/`,
        citation: () => 'cite',
        log: recordingToolkit(),
      }),
    ).rejects.toMatchObject({ code: 'release/published-bytes-changed' });
    expect(asset('1.0.0')!.data.equals(before)).toBe(true);
  });

  it('releases a new version later without touching the published ones', async () => {
    const before = new Map(['1.0.0', '1.1.0'].map((v) => [v, asset(v)!]));
    repo.git('checkout', '-q', '--detach', head);
    try {
      await run('publish', released);
      expect([...gh.releases.values()].map((r) => r.tag_name).sort()).toEqual([
        'data-v1.0.0',
        'data-v1.1.0',
        'data-v1.2.0',
      ]);
      for (const [version, was] of before) expect(asset(version)).toBe(was);
      const ledger = JSON.parse(readFileSync(join(released, 'published.json'), 'utf8')) as {
        releases: { version: string; asset: { sha256: string } }[];
      };
      expect(ledger.releases.map((r) => r.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
      expect(ledger.releases[2]!.asset.sha256).toBe(sha(asset('1.2.0')!.data));
    } finally {
      repo.git('checkout', '-q', '--detach', repo.commits[3]!);
    }
  });

  it('refuses a published release without its archive', async () => {
    gh.releases.set(99, {
      ...[...gh.releases.values()][0]!,
      id: 99,
      tag_name: 'data-v0.9.0',
      assets: [],
    });
    try {
      const toolkit = recordingToolkit();
      expect(await main('fetch', env(temp('missing')), toolkit, client)).toBe(1);
      expect(toolkit.failures[0]).toMatch(
        /the GitHub Release data-v0\.9\.0 has no asset kitemark-register-0\.9\.0\.zip.*\[release\/asset-missing\]/,
      );
    } finally {
      gh.releases.delete(99);
    }
  });
});

function noWorkingTree() {
  return {
    loaded: loadRegister({ keys: () => [][Symbol.iterator](), get: () => undefined }),
    schemaFiles: new Map<string, Uint8Array>(),
  };
}

function octokit() {
  return createOctokit({
    token: 'test-token',
    baseUrl: gh.url,
    log: recordingToolkit(),
    pacing: false,
    retryAfterUnitMs: 1,
  });
}
