import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory, type RecordTimelines } from '../../scripts/lib/history/recordHistory.ts';
import { readHistoryRepo, type HistoryRepo } from '../support/historyRepo.ts';

let repo: HistoryRepo;
let timelines: RecordTimelines;
beforeAll(async () => {
  const read = await readHistoryRepo();
  repo = read.repo;
  timelines = recordHistory(read.history);
});
afterAll(() => repo.remove());

describe('recordHistory', () => {
  it('tells a provider’s story: added, accredited, documents, renamed, re-verified, renewed', () => {
    const events = timelines.get('P000001')!;
    expect(events.map((e) => [e.kind, e.key, e.commit, e.pullRequest])).toEqual([
      ['added', 'P000001', repo.commits[0], undefined],
      ['accredited', 'KM-000001', repo.commits[0], undefined],
      ['document-added', 'P000001', repo.commits[0], undefined],
      ['renamed', 'P000001', repo.commits[2], 4],
      ['document-re-verified', 'P000001/annual-accounts', repo.commits[3], 5],
      ['ended', 'KM-000001', repo.commits[4], 6],
      ['renewed', 'KM-000005', repo.commits[4], 6],
    ]);
    expect(events.map((e) => e.text)).toEqual([
      'Added to the register as Harbour Carers Trust.',
      'Accredited: certificate KM-000001 until 2028-01-31.',
      `${events[2]!.items!.length} documents added: ${events[2]!.items!.join(', ')}.`,
      'Renamed from Harbour Carers Trust to Harbour Carers Trust CIO.',
      'Document re-verified on 2026-03-01: Annual accounts.',
      'Award KM-000001 lapsed (was accredited).',
      'Kitemark renewed: certificate KM-000005 until 2029-03-09.',
    ]);
    expect(events[2]!.items).toContain('Annual accounts');
    expect(events[3]!.date).toBe('2026-02-20T09:00:00+00:00');
    expect(events[4]!.fields!.map((f) => f.field)).toEqual(['verified_on', 'sha256']);
  });

  it('records an application becoming an award', () => {
    expect(timelines.get('P000002')!.map((e) => [e.kind, e.text])).toEqual([
      ['added', 'Added to the register as Kestrel Advocacy Project.'],
      ['applied', 'Applied for the kitemark (KM-000002).'],
      ['document-added', expect.stringMatching(/^12 documents added: Kestrel annual-accounts, /)],
      ['accredited', 'Accredited: certificate KM-000002 until 2029-02-08.'],
    ]);
  });

  it('keeps providers apart and gives none to commissioners or codelists', () => {
    expect([...timelines.keys()].sort()).toEqual([
      'P000001',
      'P000002',
      'P000003',
      'P000004',
      'P000005',
    ]);
    expect(timelines.get('P000005')!.map((e) => e.kind)).toEqual(['added']);
  });
});
