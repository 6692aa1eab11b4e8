import { describe, expect, it } from 'vitest';
import { formatIssuesText, groupIssues } from '../../scripts/lib/formatIssues.ts';
import { error, warning } from '../../scripts/lib/issue.ts';

const at = (line: number) => ({ file: 'providers.csv', line, column: 12, field: 'postcode' });
const issues = [
  warning('postcode/unknown', at(9), 'DT9 9ZZ is not a postcode in use.'),
  ...Array.from({ length: 7 }, (_, i) =>
    error('postcode/format', at(i + 2), `Bad postcode ${i}.`, 'write it as "DT1 1AB"'),
  ),
];

describe('formatIssues', () => {
  it('groups by code, errors first, with counts and the first examples', () => {
    const groups = groupIssues(issues, 5);
    expect(groups.map((g) => [g.severity, g.code, g.count, g.examples.length])).toEqual([
      ['error', 'postcode/format', 7, 5],
      ['warning', 'postcode/unknown', 1, 1],
    ]);
  });

  it('prints places, fixes, what was left out, and a total', () => {
    const text = formatIssuesText(issues, { filePrefix: 'data/' });
    expect(text).toContain('error postcode/format (7)');
    expect(text).toContain('  data/providers.csv:2:12 postcode: Bad postcode 0.');
    expect(text).toContain('    fix: write it as "DT1 1AB"');
    expect(text).toContain('… and 2 more');
    expect(text.trimEnd().split('\n').at(-1)).toBe('7 errors, 1 warning.');
  });
});
