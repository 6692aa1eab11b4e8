import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTime,
  compareVersions,
  findReleases,
  isSafeVersion,
  latestRelease,
  releaseDay,
  unreleasedVersion,
  utcSeconds,
  withWorkingVersion,
  type Release,
} from '../../scripts/lib/releases.ts';
import type { RegisterHistory } from '../../scripts/lib/history/historyTypes.ts';
import { readHistoryRepo, type HistoryRepo } from '../support/historyRepo.ts';

let repo: HistoryRepo;
let history: RegisterHistory;
beforeAll(async () => {
  ({ repo, history } = await readHistoryRepo());
});
afterAll(() => repo.remove());

describe('findReleases', () => {
  it('releases each version at the first commit that carries it', () => {
    expect(findReleases(history)).toEqual([
      {
        version: '1.0.0',
        commit: repo.commits[0],
        date: '2026-02-01T09:00:00Z',
        provisional: false,
      },
      {
        version: '1.1.0',
        commit: repo.commits[2],
        date: '2026-02-20T09:00:00Z',
        provisional: false,
        pullRequest: 4,
      },
      {
        version: '1.2.0',
        commit: repo.commits[4],
        date: '2026-03-10T09:00:00Z',
        provisional: false,
        pullRequest: 6,
      },
    ]);
  });

  it('never releases a version twice, even when it comes back', () => {
    const step = (version: string, commit: string) => ({
      commit: {
        commit,
        parents: [],
        date: '2026-01-01T00:00:00Z',
        author: '',
        subject: '',
        body: '',
      },
      diff: {
        formatVersion: 1 as const,
        base: {},
        head: { version },
        meta: [],
        changes: [],
        counts: {} as never,
      },
    });
    const releases = findReleases({
      steps: [step('1.0.0', 'a'), step('1.1.0', 'b'), step('1.0.0', 'c')],
    });
    expect(releases.map((r) => [r.version, r.commit])).toEqual([
      ['1.0.0', 'a'],
      ['1.1.0', 'b'],
    ]);
  });
});

describe('withWorkingVersion', () => {
  it('adds an unreleased working version as provisional, and nothing when it is released', () => {
    const releases = findReleases(history);
    const now = new Date('2026-04-01T12:34:56.789Z');
    expect(withWorkingVersion(releases, '1.2.0', now)).toEqual(releases);
    expect(withWorkingVersion(releases, '1.3.0', now).at(-1)).toEqual({
      version: '1.3.0',
      date: '2026-04-01T12:34:56Z',
      provisional: true,
    });
    expect(latestRelease(withWorkingVersion([], '1.0.0', now))?.provisional).toBe(true);
  });
});

describe('helpers', () => {
  it('judge a release on its day in the UK', () => {
    expect(releaseDay({ date: '2026-06-30T23:30:00Z' })).toBe('2026-07-01');
    expect(releaseDay({ date: '2026-12-31T23:30:00Z' })).toBe('2026-12-31');
    expect(utcSeconds('2026-02-01T10:00:00+01:00')).toBe('2026-02-01T09:00:00Z');
  });

  it('order versions as numbers and accept only MAJOR.MINOR.PATCH as folder names', () => {
    expect(['1.10.0', '1.2.0', '1.9.1', '0.1.0'].sort(compareVersions)).toEqual([
      '0.1.0',
      '1.2.0',
      '1.9.1',
      '1.10.0',
    ]);
    expect(isSafeVersion('1.2.3')).toBe(true);
    expect(isSafeVersion('../1.2.3')).toBe(false);
    expect(isSafeVersion('1.2')).toBe(false);
  });
});

describe('buildTime', () => {
  it('is SOURCE_DATE_EPOCH, else the commit’s time, else the start of the day: never the clock', () => {
    const today = '2026-12-04';
    expect(
      buildTime({
        sourceDateEpoch: '1767225600',
        commitDate: '2026-03-10T09:00:00Z',
        today,
      }).toISOString(),
    ).toBe('2026-01-01T00:00:00.000Z');
    expect(
      buildTime({
        sourceDateEpoch: '',
        commitDate: '2026-03-10T10:00:00+01:00',
        today,
      }).toISOString(),
    ).toBe('2026-03-10T09:00:00.000Z');
    expect(buildTime({ today }).toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(() => buildTime({ sourceDateEpoch: '2026-01-01', today })).toThrow(
      'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not "2026-01-01"',
    );
  });
});

describe('unreleasedVersion', () => {
  const released: Release = {
    version: '1.2.0',
    commit: 'a'.repeat(40),
    date: '2026-03-10T09:00:00Z',
    provisional: false,
  };
  it('is a pre-release of the next patch, counting commits since the newest version', () => {
    const commit = 'abcdef0123456789abcdef0123456789abcdef01';
    expect(unreleasedVersion(released, { commitsSince: 3, commit, workingVersion: '1.2.0' })).toBe(
      '1.2.1-dev.3+abcdef0',
    );
    expect(unreleasedVersion(released, { commitsSince: 0, workingVersion: '1.2.0' })).toBe(
      '1.2.1-dev.0',
    );
    // SemVer order: after 1.2.0, before any next release.
    expect(compareVersions('1.2.1', '1.2.0')).toBeGreaterThan(0);
  });

  it('is a pre-release of a provisional version, which the files will become', () => {
    const provisional: Release = {
      version: '1.3.0',
      date: '2026-04-01T00:00:00Z',
      provisional: true,
    };
    expect(
      unreleasedVersion(provisional, {
        commitsSince: 0,
        commit: 'f'.repeat(40),
        workingVersion: '1.3.0',
      }),
    ).toBe('1.3.0-dev+fffffff');
    expect(unreleasedVersion(undefined, { commitsSince: 0, workingVersion: '1.0.0' })).toBe(
      '1.0.0-dev',
    );
  });

  it('is valid SemVer 2.0', () => {
    const semver =
      /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
    for (const v of [
      unreleasedVersion(released, {
        commitsSince: 12,
        commit: '0'.repeat(40),
        workingVersion: '1.2.0',
      }),
      unreleasedVersion(undefined, { commitsSince: 0, workingVersion: '2.0.0' }),
    ])
      expect(v).toMatch(semver);
  });
});
