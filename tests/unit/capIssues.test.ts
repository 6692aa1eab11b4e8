import { describe, expect, it } from 'vitest';
import { capIssues } from '../../scripts/lib/capIssues.ts';
import { countIssues, formatIssuesText } from '../../scripts/lib/formatIssues.ts';
import { error, warning, type Issue } from '../../scripts/lib/issue.ts';

const badDate = (line: number): Issue =>
  error(
    'date/format',
    { file: 'documents.csv', line, column: 5, field: 'effective_on' },
    `Effective on "13/10/2026" is not a date in the form YYYY-MM-DD.`,
    'write it as "2026-10-13"',
  );

describe('capIssues', () => {
  it('turns a million issues into bounded JSON that still counts them all', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => badDate(i + 2));
    many.push(
      warning('duplicate/name', { file: 'providers.csv', line: 9, column: 2, field: 'name' }, 'x'),
    );
    const capped = capIssues(many, 1000);
    const json = JSON.stringify(capped);
    expect(JSON.parse(json)).toHaveLength(1002);
    expect(json.length).toBeLessThan(500_000);
    const summary = capped.find((i) => i.omitted !== undefined)!;
    expect(summary).toMatchObject({ code: 'date/format', line: 1002, omitted: 999_000 });
    expect(summary.message).toContain('999,000 more like this');
    expect(summary.fix).toContain('Run `kitemark fix`');
    expect(countIssues(capped)).toEqual({ errors: 1_000_000, warnings: 1 });
  });

  it('does not promise that fix repairs what it cannot', () => {
    const unfixable = Array.from({ length: 5 }, (_, i) =>
      error(
        'codelist/unknown',
        { file: 'providers.csv', line: i + 2, column: 3, field: 'services' },
        'no',
      ),
    );
    const [, , summary] = capIssues(unfixable, 2);
    expect(summary!.omitted).toBe(3);
    expect(summary!.fix).not.toContain('kitemark fix');
  });

  it('lets text output say "run kitemark fix" for a long run of fixable issues', () => {
    const text = formatIssuesText(Array.from({ length: 40 }, (_, i) => badDate(i + 2)));
    expect(text).toContain('… and 35 more like this: run `kitemark fix`, which repairs them all');
    expect(text).toContain('40 errors, 0 warnings.');
  });
});
