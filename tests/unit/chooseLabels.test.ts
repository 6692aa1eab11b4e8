import { describe, expect, it } from 'vitest';
import { changesAccreditationStatus, chooseLabels } from '../../scripts/github/chooseLabels.ts';
import type { ReviewReport } from '../../scripts/github/reviewReport.ts';
import { emptyCounts, type Change } from '../../scripts/lib/diffRegisters.ts';

function report(changes: Partial<Change>[], errors = 0, meta = false): ReviewReport {
  const full = changes.map(
    (c) =>
      ({
        table: 'providers',
        key: 'K',
        kind: 'changed',
        label: '',
        tags: [],
        fields: [],
        record: {},
        ...c,
      }) as Change,
  );
  const counts = emptyCounts();
  for (const c of full) counts[c.table][c.kind]++;
  return {
    kind: 'kitemark-review-report',
    version: 1,
    pullRequest: 1,
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    diff: {
      formatVersion: 1,
      base: {},
      head: {},
      meta: meta ? [{ field: 'version', before: '1.0.0', after: '1.1.0' }] : [],
      changes: full,
      counts,
    },
    omittedChanges: 0,
    errors: { count: errors, groups: [] },
    warnings: { count: 0, groups: [] },
    otherWarnings: 0,
  };
}

describe('chooseLabels', () => {
  it('labels what the change does', () => {
    expect(
      chooseLabels(
        report([
          { table: 'providers', kind: 'added' },
          { table: 'accreditations', kind: 'added', status: { after: 'applied' } },
        ]),
      ),
    ).toEqual(['new-provider', 'accreditation-change']);
    expect(chooseLabels(report([{ table: 'providers', kind: 'changed' }]))).toEqual(['correction']);
    expect(
      chooseLabels(report([{ table: 'documents', kind: 'changed', tags: ['re-verified'] }])),
    ).toEqual(['correction']);
    expect(chooseLabels(report([{ table: 'accreditations', kind: 'changed', tags: [] }]))).toEqual([
      'accreditation-change',
      'correction',
    ]);
    expect(
      chooseLabels(report([{ table: 'accreditations', kind: 'ended', tags: ['status-changed'] }])),
    ).toEqual(['accreditation-change']);
    expect(chooseLabels(report([{ table: 'contract-templates', kind: 'added' }]))).toEqual([
      'contract-template',
    ]);
    expect(chooseLabels(report([], 0, true))).toEqual(['correction']);
    expect(chooseLabels(report([{ table: 'providers', kind: 'added' }], 3))).toEqual([
      'new-provider',
      'invalid',
    ]);
    expect(chooseLabels(report([]))).toEqual([]);
  });
});

describe('changesAccreditationStatus', () => {
  it('is true for decisions about awards, not for a new application', () => {
    expect(
      changesAccreditationStatus(
        report([{ table: 'accreditations', kind: 'added', status: { after: 'applied' } }]),
      ),
    ).toBe(false);
    expect(
      changesAccreditationStatus(
        report([{ table: 'accreditations', kind: 'added', status: { after: 'accredited' } }]),
      ),
    ).toBe(true);
    expect(
      changesAccreditationStatus(
        report([{ table: 'accreditations', kind: 'changed', tags: ['status-changed'] }]),
      ),
    ).toBe(true);
    expect(changesAccreditationStatus(report([{ table: 'accreditations', kind: 'ended' }]))).toBe(
      true,
    );
    expect(changesAccreditationStatus(report([{ table: 'accreditations', kind: 'removed' }]))).toBe(
      true,
    );
    expect(
      changesAccreditationStatus(report([{ table: 'accreditations', kind: 'changed', tags: [] }])),
    ).toBe(false);
  });
});
