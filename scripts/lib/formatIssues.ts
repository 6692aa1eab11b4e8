/**
 * Issues for people: grouped by code, with counts, the first few examples and how to fix them,
 * in the manner of the 360Giving data quality tool. Pure text, so the CLI and the pull-request
 * bot say the same thing.
 */
import type { Issue, Severity } from './issue.ts';
import { plural } from './words.ts';

export interface IssueGroup {
  code: string;
  severity: Severity;
  count: number;
  examples: Issue[];
}

/** Groups by severity (errors first) then code, keeping the first `examples` of each in order. */
export function groupIssues(issues: readonly Issue[], examples = 5): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const key = `${issue.severity}:${issue.code}`;
    let group = groups.get(key);
    if (!group)
      groups.set(
        key,
        (group = { code: issue.code, severity: issue.severity, count: 0, examples: [] }),
      );
    group.count++;
    if (group.examples.length < examples) group.examples.push(issue);
  }
  return [...groups.values()].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      b.count - a.count ||
      (a.code < b.code ? -1 : 1),
  );
}

export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}

export function formatIssuesText(
  issues: readonly Issue[],
  options: { examples?: number; filePrefix?: string } = {},
): string {
  const { errors, warnings } = countIssues(issues);
  const prefix = options.filePrefix ?? '';
  const lines: string[] = [];
  for (const group of groupIssues(issues, options.examples ?? 5)) {
    lines.push(
      `${group.severity === 'error' ? 'error' : 'warning'} ${group.code} (${group.count.toLocaleString('en-GB')})`,
    );
    for (const i of group.examples) {
      lines.push(
        `  ${prefix}${i.file}:${i.line}:${i.column}${i.field ? ` ${i.field}` : ''}: ${i.message}`,
      );
      if (i.fix) lines.push(`    fix: ${i.fix}`);
    }
    if (group.count > group.examples.length) {
      lines.push(
        `  … and ${(group.count - group.examples.length).toLocaleString('en-GB')} more (--format json lists them all)`,
      );
    }
    lines.push('');
  }
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  return lines.join('\n') + '\n';
}
