import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { validateRegister } from '../../scripts/lib/validateRegister.ts';
import {
  REPORT_LIMITS,
  buildReviewReport,
  parseReviewReport,
} from '../../scripts/github/reviewReport.ts';
import { ROOT } from '../support/register.ts';

const TODAY = '2026-11-26';
const base = loadRegister(await readDataDir(join(ROOT, 'data')));
const sha = (c: string) => c.repeat(40);

describe('buildReviewReport', () => {
  it('lists warnings about the records a change touches, and only counts the others', async () => {
    const dir = await readDataDir(join(ROOT, 'data'));
    const providers = new TextDecoder().decode(dir.get('providers.csv'));
    const copy = providers.split('\n')[2]!.replace(/^P000002,/, 'P000401,');
    const head = loadRegister({
      keys: () => dir.keys(),
      get: (p) =>
        p === 'providers.csv' ? new TextEncoder().encode(`${providers}${copy}\n`) : dir.get(p),
    });
    const issues = validateRegister(head, { today: TODAY });
    const report = buildReviewReport({
      pullRequest: 5,
      headSha: sha('a'),
      baseSha: sha('b'),
      base,
      head,
      issues,
    });
    expect(report.diff.counts.providers.added).toBe(1);
    const codes = report.warnings.groups.map((g) => g.code);
    expect(codes).toContain('duplicate/name');
    expect(codes).toContain('duplicate/identifier');
    expect(report.warnings.groups.every((g) => g.examples.every((e) => e.line === 402))).toBe(true);
    expect(report.otherWarnings).toBeGreaterThan(0);
    expect(parseReviewReport(JSON.stringify(report))).toEqual({ ok: true, report });
  });

  it('keeps the report bounded on a huge change, with counts covering everything', () => {
    const head = loadRegister(new Map<string, Uint8Array>());
    // Every provider, accreditation and document removed: thousands of changes.
    const report = buildReviewReport({
      pullRequest: 5,
      headSha: sha('a'),
      baseSha: sha('b'),
      base,
      head,
      issues: [],
    });
    expect(report.diff.counts.documents.removed).toBe(base.documents.rows.length);
    expect(report.diff.changes.filter((c) => c.table === 'documents')).toHaveLength(
      REPORT_LIMITS.changesPerTable,
    );
    expect(report.omittedChanges).toBeGreaterThan(4000);
    expect(JSON.stringify(report).length).toBeLessThan(REPORT_LIMITS.fileBytes);
    expect(parseReviewReport(JSON.stringify(report)).ok).toBe(true);
  });
});

describe('parseReviewReport', () => {
  const valid = buildReviewReport({
    pullRequest: 5,
    headSha: sha('a'),
    baseSha: sha('b'),
    base,
    head: base,
    issues: [],
  });

  it('refuses anything but a well-formed report', () => {
    const bad = (value: unknown) =>
      parseReviewReport(typeof value === 'string' ? value : JSON.stringify(value));
    expect(bad('not json').ok).toBe(false);
    expect(bad([]).ok).toBe(false);
    expect(bad({ ...valid, extra: 1 }).ok).toBe(false);
    expect(bad({ ...valid, headSha: 'HEAD' }).ok).toBe(false);
    expect(bad({ ...valid, pullRequest: -1 }).ok).toBe(false);
    expect(bad({ ...valid, pullRequest: '5; rm -rf /' }).ok).toBe(false);
    expect(
      bad({
        ...valid,
        errors: {
          count: 1,
          groups: [{ code: '<script>', severity: 'error', count: 1, examples: [] }],
        },
      }).ok,
    ).toBe(false);
    expect(
      bad({
        ...valid,
        diff: {
          ...valid.diff,
          changes: [
            {
              table: 'providers',
              key: 'P1',
              kind: 'added',
              label: 'x'.repeat(5000),
              tags: [],
              fields: [],
              record: {},
            },
          ],
        },
      }).ok,
    ).toBe(false);
  });

  it('refuses an oversized file before parsing it', () => {
    const result = parseReviewReport(' '.repeat(REPORT_LIMITS.fileBytes + 1));
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/more than/)] });
  });
});
