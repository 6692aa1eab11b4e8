import { describe, expect, it } from 'vitest';
import {
  MAX_COMMENT,
  REVIEW_MARKER,
  renderReviewComment,
} from '../../scripts/github/renderReviewComment.ts';
import type { ReviewReport } from '../../scripts/github/reviewReport.ts';
import { emptyCounts, type Change } from '../../scripts/lib/diffRegisters.ts';
import { error } from '../../scripts/lib/issue.ts';

const context = {
  owner: 'o',
  repo: 'r',
  serverUrl: 'https://github.com',
  runUrl: 'https://github.com/o/r/actions/runs/1',
};

function huge(): ReviewReport {
  const long = 'x'.repeat(3000);
  const changes: Change[] = Array.from({ length: 200 }, (_, i) => ({
    table: 'providers',
    key: `P${String(i).padStart(6, '0')}`,
    kind: 'changed',
    label: long,
    tags: [],
    fields: Array.from({ length: 20 }, (_, f) => ({ field: `f${f}`, before: long, after: long })),
    record: {},
  }));
  const counts = emptyCounts();
  counts.providers.changed = 9000;
  const examples = Array.from({ length: 5 }, (_, i) =>
    error(
      'postcode/format',
      { file: 'providers.csv', line: i + 2, column: 1, field: 'postcode' },
      long,
      long,
    ),
  );
  return {
    kind: 'kitemark-review-report',
    version: 1,
    pullRequest: 1,
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    diff: { formatVersion: 1, base: {}, head: {}, meta: [], changes, counts },
    omittedChanges: 8800,
    errors: {
      count: 40 * 900,
      groups: Array.from({ length: 40 }, (_, i) => ({
        code: `code/${i}`,
        severity: 'error' as const,
        count: 900,
        examples,
      })),
    },
    warnings: { count: 0, groups: [] },
    otherWarnings: 12,
  };
}

describe('renderReviewComment', () => {
  it('always fits in one GitHub comment, counting everything even when listing little', () => {
    const body = renderReviewComment(huge(), context);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT);
    expect(body.startsWith(REVIEW_MARKER)).toBe(true);
    expect(body).toContain('36,000 errors');
    expect(body).toContain('### Providers changed (9,000)');
    expect(body).toContain('8,800 changes beyond the first of each table are not listed here');
  });
});
