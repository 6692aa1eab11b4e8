import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANGES_CSV_COLUMNS,
  buildChangeLog,
  formatChangesCsv,
  formatChangesJson,
  type ChangeLog,
} from '../../scripts/lib/history/buildChangeLog.ts';
import { readHistoryRepo, type HistoryRepo } from '../support/historyRepo.ts';

let repo: HistoryRepo;
let log: ChangeLog;
beforeAll(async () => {
  const read = await readHistoryRepo();
  repo = read.repo;
  log = buildChangeLog(read.history, { repositoryUrl: 'https://github.com/example/register/' });
});
afterAll(() => repo.remove());

describe('buildChangeLog', () => {
  it('has one entry per register change, newest first, with commit, pull request and version', () => {
    expect(
      log.entries.map((e) => ({
        commit: e.commit,
        pullRequest: e.pullRequest,
        summary: e.summary,
        version: e.version,
      })),
    ).toEqual([
      {
        commit: repo.commits[4],
        pullRequest: 6,
        summary: '1 accreditation added, 1 accreditation ended, register.json changed.',
        version: { before: '1.1.0', after: '1.2.0' },
      },
      {
        commit: repo.commits[3],
        pullRequest: 5,
        summary: '1 document changed.',
        version: undefined,
      },
      {
        commit: repo.commits[2],
        pullRequest: 4,
        summary: '1 provider changed, register.json changed.',
        version: { before: '1.0.0', after: '1.1.0' },
      },
      {
        commit: repo.commits[1],
        pullRequest: 3,
        summary: '1 accreditation changed.',
        version: undefined,
      },
      {
        commit: repo.commits[0],
        pullRequest: undefined,
        summary: expect.stringMatching(
          /^5 providers added, 4 accreditations added, \d+ documents added, 2 commissioners added, \d+ codelist entries added, 4 contract template versions added, register.json changed\.$/,
        ),
        version: { after: '1.0.0' },
      },
    ]);
    expect(log.entries[0]).toMatchObject({
      short: repo.commits[4]!.slice(0, 7),
      date: '2026-03-10T09:00:00+00:00',
      author: 'Ada Maintainer',
      subject: "Renew Harbour's kitemark (#6)",
      commitUrl: `https://github.com/example/register/commit/${repo.commits[4]}`,
      pullRequestUrl: 'https://github.com/example/register/pull/6',
      registerVersion: '1.2.0',
    });
  });

  it('words each entry from the diff, transitions included', () => {
    const merge = log.entries[3]!;
    expect(merge.sections.map((s) => s.id)).toEqual(['accreditations/status']);
    const renewal = log.entries[0]!;
    expect(renewal.sections.map((s) => s.id)).toEqual(['register', 'accreditations/status']);
  });

  it('publishes the log as JSON, without the records themselves', () => {
    const json = JSON.parse(formatChangesJson(log, { name: 'reg', title: 'Reg' })) as {
      formatVersion: number;
      entries: { commit: string; changes: Record<string, unknown>[] }[];
    };
    expect(json.formatVersion).toBe(1);
    expect(json.entries.map((e) => e.commit)).toEqual([...repo.commits].reverse());
    expect(json.entries[3]!.changes).toEqual([
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
      },
    ]);
  });

  it('publishes the log as CSV, a row per record changed', () => {
    const rows = parse(formatChangesCsv(log), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CHANGES_CSV_COLUMNS]);
    expect(rows.slice(0, 2)).toEqual([
      {
        date: '2026-03-10T09:00:00+00:00',
        commit: repo.commits[4],
        pull_request: '6',
        register_version: '1.2.0',
        table: 'accreditations',
        key: 'KM-000001',
        kind: 'ended',
        label: 'KM-000001',
        provider_id: 'P000001',
        tags: 'status-changed',
        status_before: 'accredited',
        status_after: 'lapsed',
        fields_changed: 'status',
      },
      expect.objectContaining({
        key: 'KM-000005',
        kind: 'added',
        tags: 'renewal',
        status_after: 'accredited',
      }),
    ]);
  });

  it('is empty, with the note, when there is no history', () => {
    expect(buildChangeLog({ steps: [], note: 'No git.' })).toEqual({
      entries: [],
      note: 'No git.',
    });
  });
});
