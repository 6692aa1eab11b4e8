/**
 * Bounds a list of issues for output: past `perCode` of one code, the rest are counted, not
 * listed. A register re-saved with every date as dd/mm/yyyy has 400,000 issues of one code;
 * 1,000 examples say as much as 400,000 do, and the JSON stays a few hundred kilobytes.
 */
import { isAutoFixable } from './autoFixable.ts';
import type { Issue } from './issue.ts';

export const ISSUES_PER_CODE = 1000;

/**
 * The issues in order, each code's first `perCode` listed, then for each code with more one
 * summary issue: at the first unlisted one, with `omitted` saying how many it stands for.
 */
export function capIssues(issues: readonly Issue[], perCode = ISSUES_PER_CODE): Issue[] {
  const listed: Issue[] = [];
  const rest = new Map<string, { first: Issue; count: number; fixable: boolean }>();
  const seen = new Map<string, number>();
  for (const issue of issues) {
    const key = `${issue.severity}:${issue.code}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= perCode) {
      listed.push(issue);
      continue;
    }
    const more = rest.get(key);
    if (more) {
      more.count++;
      more.fixable &&= isAutoFixable(issue);
    } else rest.set(key, { first: issue, count: 1, fixable: isAutoFixable(issue) });
  }
  for (const { first, count, fixable } of rest.values())
    listed.push(moreLikeThis(first, count, fixable));
  return listed;
}

function moreLikeThis(first: Issue, count: number, fixable: boolean): Issue {
  return {
    severity: first.severity,
    code: first.code,
    file: first.file,
    line: first.line,
    column: first.column,
    field: first.field,
    message: `… and ${count.toLocaleString('en-GB')} more like this (${first.code}), from here on, not listed.`,
    fix: fixable
      ? 'Run `kitemark fix`: it repairs every one of them. Then validate again.'
      : 'Fix the ones listed, then validate again to see the rest.',
    omitted: count,
  };
}
