import { describe, expect, it } from 'vitest';
import { groupIssues } from '../../scripts/lib/formatIssues.ts';
import { formatIssueGroupsMarkdown } from '../../scripts/lib/formatIssuesMarkdown.ts';
import { error, warning } from '../../scripts/lib/issue.ts';

const at = (line: number) => ({ file: 'providers.csv', line, column: 12, field: 'postcode' });
const issues = [
  error('postcode/format', at(2), '"XX" is not a UK postcode.', 'Write it as SW1A 1AA.'),
  error('postcode/format', at(3), '"<b>@x</b>" is not a UK postcode.'),
  warning('duplicate/name', at(4), '"A" is very like "B".'),
];

describe('formatIssueGroupsMarkdown', () => {
  it('groups errors first with counts, examples, places and fixes', () => {
    const md = formatIssueGroupsMarkdown(groupIssues(issues), { filePrefix: 'data/' });
    expect(md).toContain('#### Error `postcode/format` (2)');
    expect(md).toContain('- `data/providers.csv:2:12` `postcode`: "XX" is not a UK postcode.');
    expect(md).toContain('  - How to fix: Write it as SW1A 1AA.');
    expect(md.indexOf('Error')).toBeLessThan(md.indexOf('Warning `duplicate/name` (1)'));
  });

  it('escapes messages, and links places only when given a link', () => {
    const md = formatIssueGroupsMarkdown(groupIssues(issues), {
      href: (i) => `https://github.com/o/r/blob/abc/data/${i.file}#L${i.line}`,
    });
    expect(md).toContain(
      '[providers.csv:2:12](https://github.com/o/r/blob/abc/data/providers.csv#L2)',
    );
    expect(md).not.toContain('<b>');
    expect(md).toContain('@&#8203;x');
  });

  it('says how many more there are', () => {
    const many = Array.from({ length: 7 }, (_, i) => error('date/order', at(i + 2), 'Bad order.'));
    expect(formatIssueGroupsMarkdown(groupIssues(many, 5))).toContain('- … and 2 more');
  });
});
