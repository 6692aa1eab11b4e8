import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRawLog } from '../../scripts/io/git/gitHistory.ts';
import { readRegisterHistory } from '../../scripts/io/git/readRegisterHistory.ts';
import { createHistoryRepo, type HistoryRepo } from '../support/historyRepo.ts';

let repo: HistoryRepo;
let cache: string;
beforeAll(() => {
  repo = createHistoryRepo();
  cache = mkdtempSync(join(tmpdir(), 'kitemark-cache-'));
});
afterAll(() => {
  repo.remove();
  rmSync(cache, { recursive: true, force: true });
});

describe('readRegisterHistory', () => {
  it('follows the main line: one step per commit that changed the register, merges included', async () => {
    const history = await readRegisterHistory({ dataDir: join(repo.dir, 'data'), cacheDir: '' });
    expect(history.note).toBeUndefined();
    expect(history.steps.map((s) => s.commit.commit)).toEqual(repo.commits);
    expect(history.steps.map((s) => s.commit.subject)).toEqual([
      'Start the register',
      'Merge pull request #3 from alice/accredit',
      'Rename Harbour Carers Trust (#4)',
      "Re-verify Harbour's accounts (#5)",
      "Renew Harbour's kitemark (#6)",
    ]);
    expect(history.steps.map((s) => s.pullRequest)).toEqual([undefined, 3, 4, 5, 6]);
    expect(history.steps[1]!.commit).toMatchObject({
      date: '2026-02-09T15:00:00+00:00',
      author: 'Ada Maintainer',
      parents: [repo.commits[0], expect.stringMatching(/^[0-9a-f]{40}$/)],
    });
  });

  it('gives each step the exact semantic diff against the main line before it', async () => {
    const { steps } = await readRegisterHistory({ dataDir: join(repo.dir, 'data'), cacheDir: '' });
    expect(steps[0]!.diff.counts.providers.added).toBe(5);
    expect(steps[0]!.diff.counts.accreditations.added).toBe(4);
    expect(steps[1]!.diff.changes).toEqual([
      {
        table: 'accreditations',
        key: 'KM-000002',
        kind: 'changed',
        label: 'KM-000002',
        providerId: 'P000002',
        providerName: 'Kestrel Advocacy Project',
        tags: ['status-changed'],
        status: { before: 'applied', after: 'accredited' },
        fields: [
          { field: 'status', before: 'applied', after: 'accredited' },
          { field: 'awarded_on', after: '2026-02-09' },
          { field: 'expires_on', after: '2029-02-08' },
          { field: 'assessor', after: 'Quality Assessment Partnership' },
        ],
        record: expect.objectContaining({ accreditation_id: 'KM-000002', status: 'accredited' }),
        lines: { base: 3, head: 3 },
      },
    ]);
    expect(steps[2]!.diff.changes.map((c) => [c.key, c.kind, c.tags])).toEqual([
      ['P000001', 'changed', ['renamed']],
    ]);
    expect(steps[2]!.diff.base.version).toBe('1.0.0');
    expect(steps[2]!.diff.head.version).toBe('1.1.0');
    expect(steps[3]!.diff.changes.map((c) => [c.key, c.tags])).toEqual([
      ['P000001/annual-accounts', ['re-verified']],
    ]);
    expect(steps[4]!.diff.changes.map((c) => [c.key, c.kind, c.tags, c.status])).toEqual([
      ['KM-000001', 'ended', ['status-changed'], { before: 'accredited', after: 'lapsed' }],
      ['KM-000005', 'added', ['renewal'], { after: 'accredited' }],
    ]);
  });

  it('replays only commits it has not seen, and gives the same steps from its cache', async () => {
    const cold = await readRegisterHistory({ dataDir: join(repo.dir, 'data'), cacheDir: cache });
    expect([cold.cached, cold.replayed]).toEqual([0, 5]);
    const warm = await readRegisterHistory({ dataDir: join(repo.dir, 'data'), cacheDir: cache });
    expect([warm.cached, warm.replayed]).toEqual([5, 0]);
    expect(JSON.parse(JSON.stringify(warm.steps))).toEqual(JSON.parse(JSON.stringify(cold.steps)));

    const more = new Map(repo.files).set(
      'providers.csv',
      repo.files.get('providers.csv')!.replace('Quiet Neighbours Group', 'Quiet Neighbours'),
    );
    const extra = repo.commit(
      'Shorten a name (#7)',
      new Map([...more].map(([p, t]) => [`data/${p}`, t])),
      '2026-03-20T09:00:00Z',
    );
    try {
      const next = await readRegisterHistory({ dataDir: join(repo.dir, 'data'), cacheDir: cache });
      expect([next.cached, next.replayed]).toEqual([5, 1]);
      expect(next.steps.at(-1)!.diff.changes.map((c) => [c.key, c.tags])).toEqual([
        ['P000005', ['renamed']],
      ]);
      const fresh = await readRegisterHistory({ dataDir: join(repo.dir, 'data'), cacheDir: '' });
      expect(JSON.parse(JSON.stringify(next.steps))).toEqual(
        JSON.parse(JSON.stringify(fresh.steps)),
      );
    } finally {
      repo.git('reset', '-q', '--hard', extra + '~1');
    }
  });

  it('works without git, and says why there is no history', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'kitemark-tarball-'));
    try {
      cpSync(join(repo.dir, 'data'), join(copy, 'data'), { recursive: true });
      const history = await readRegisterHistory({ dataDir: join(copy, 'data'), cacheDir: '' });
      expect(history.steps).toEqual([]);
      expect(history.note).toMatch(/no git history/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('says when a shallow clone holds only part of the history', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'kitemark-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone]);
      const history = await readRegisterHistory({ dataDir: join(clone, 'data'), cacheDir: '' });
      expect(history.note).toMatch(/shallow/);
      expect(history.steps.at(-1)!.commit.commit).toBe(repo.commits.at(-1));
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe('parseRawLog', () => {
  it('reads changed and deleted files under the data folder only, whatever the message says', () => {
    const sha = (c: string) => c.repeat(40);
    const output =
      `\x1e${sha('a')}\0${sha('b')}\x002026-01-01T00:00:00+00:00\0Ann\0Subject (#9)\0Body with\n:100644 100644 fake lines\0\0\n` +
      `:100644 100644 ${sha('1')} ${sha('2')} M\0data/providers.csv\0` +
      `:100644 000000 ${sha('3')} ${'0'.repeat(40)} D\0data/codelists/old.csv\0` +
      `:000000 100644 ${'0'.repeat(40)} ${sha('4')} A\0docs/readme.md\0`;
    expect(parseRawLog(output, 'data')).toEqual([
      {
        info: {
          commit: sha('a'),
          parents: [sha('b')],
          date: '2026-01-01T00:00:00+00:00',
          author: 'Ann',
          subject: 'Subject (#9)',
          body: 'Body with\n:100644 100644 fake lines',
        },
        changes: [
          { path: 'providers.csv', blob: sha('2') },
          { path: 'codelists/old.csv', blob: null },
        ],
      },
    ]);
  });
});
