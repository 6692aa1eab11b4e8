import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSnapshot as buildInto,
  type SnapshotSource,
} from '../../scripts/publish/open-data/buildSnapshot.ts';
import { memorySink } from '../../scripts/lib/downloads/buildDownloads.ts';
import { readSchemaFiles } from '../../scripts/publish/open-data/publishOpenData.ts';
import { findReleases, type Release } from '../../scripts/lib/releases.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { inData } from '../support/gitRepo.ts';
import { toSources } from '../support/register.ts';
import { readHistoryRepo, type HistoryRepo } from '../support/historyRepo.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

/** A snapshot built in memory: its description and its files. */
async function buildSnapshot(release: Release, url: string, from: SnapshotSource) {
  const sink = memorySink();
  const meta = await buildInto(release, url, from, sink);
  return { meta, files: sink.files };
}

let repo: HistoryRepo;
let releases: Release[];
let source: SnapshotSource;
beforeAll(async () => {
  const read = await readHistoryRepo();
  repo = read.repo;
  releases = findReleases(read.history);
  source = {
    repository: repo.dir,
    dataPath: 'data',
    working: { loaded: loadRegister(toSources(repo.files)), schemaFiles: await readSchemaFiles() },
  };
});
afterAll(() => repo.remove());

describe('buildSnapshot', () => {
  it('publishes the register as it was at the commit that released the version', async () => {
    const v110 = releases.find((r) => r.version === '1.1.0')!;
    const snapshot = await buildSnapshot(v110, 'https://example.org/data/v/1.1.0/', source);
    expect(snapshot.meta).toEqual({
      version: '1.1.0',
      commit: repo.commits[2],
      url: 'https://example.org/data/v/1.1.0/',
      kind: 'full',
    });
    expect(snapshot.files.has('kitemark-register-fixture.xlsx')).toBe(true);
    const providers = parse(decode(snapshot.files.get('providers.csv')), {
      columns: true,
    }) as Record<string, string>[];
    expect(providers.find((p) => p['provider_id'] === 'P000001')!['name']).toBe(
      'Harbour Carers Trust CIO',
    );
    // Not yet renewed at 1.1.0: KM-000005 came with 1.2.0.
    expect(decode(snapshot.files.get('accreditations.csv'))).not.toContain('KM-000005');
    const pkg = JSON.parse(decode(snapshot.files.get('datapackage.json'))) as Record<
      string,
      unknown
    >;
    expect(pkg).toMatchObject({
      version: '1.1.0',
      created: '2026-02-20T09:00:00Z',
      id: 'https://example.org/data/v/1.1.0/',
    });
    const statuses = parse(decode(snapshot.files.get('providers-with-status.csv')), {
      columns: true,
    }) as Record<string, string>[];
    expect(new Set(statuses.map((s) => s['status_on']))).toEqual(new Set(['2026-02-20']));
  });

  it('gives the same bytes whenever it is rebuilt, so cited hashes stay true', async () => {
    const v100 = releases[0]!;
    const first = await buildSnapshot(v100, 'https://example.org/data/v/1.0.0/', source);
    const again = await buildSnapshot(v100, 'https://example.org/data/v/1.0.0/', {
      ...source,
      working: { ...source.working, loaded: loadRegister(toSources(new Map())) },
    });
    expect([...again.files.keys()]).toEqual([...first.files.keys()]);
    for (const [path, bytes] of first.files)
      expect(sha(again.files.get(path)!), path).toBe(sha(bytes));
  });

  it('publishes a version it cannot read as valid as its original files, hashed', async () => {
    const broken = new Map(repo.files)
      .set('providers.csv', `${repo.files.get('providers.csv')!}P000009,"unclosed\n`)
      .set('register.json', repo.files.get('register.json')!.replace('"1.2.0"', '"1.3.0"'));
    const commit = repo.commit('Break the register', inData(broken), '2026-04-01T09:00:00Z');
    try {
      const release: Release = {
        version: '1.3.0',
        commit,
        date: '2026-04-01T09:00:00Z',
        provisional: false,
      };
      const snapshot = await buildSnapshot(release, 'https://example.org/data/v/1.3.0/', source);
      expect(snapshot.meta.kind).toBe('raw');
      expect(snapshot.meta.reason).toMatch(/csv\/unclosed-quote/);
      expect(decode(snapshot.files.get('providers.csv'))).toBe(broken.get('providers.csv'));
      expect(snapshot.files.has('kitemark-register-fixture.xlsx')).toBe(false);
      const pkg = JSON.parse(decode(snapshot.files.get('datapackage.json'))) as {
        version: string;
        resources: { path: string; bytes: number; hash: string }[];
      };
      expect(pkg.version).toBe('1.3.0');
      for (const r of pkg.resources) {
        expect(r.hash, r.path).toBe(`sha256:${sha(snapshot.files.get(r.path)!)}`);
        expect(r.bytes).toBe(snapshot.files.get(r.path)!.length);
      }
      expect(decode(snapshot.files.get('README.md'))).toContain('no derived downloads');
    } finally {
      repo.git('reset', '-q', '--hard', `${commit}~1`);
    }
  });

  it('builds a provisional release from the working tree', async () => {
    const release: Release = { version: '1.2.0', date: '2026-04-02T00:00:00Z', provisional: true };
    const snapshot = await buildSnapshot(release, 'https://example.org/data/v/1.2.0/', source);
    expect(snapshot.meta.kind).toBe('full');
    expect(decode(snapshot.files.get('accreditations.csv'))).toContain('KM-000005');
  });
});
