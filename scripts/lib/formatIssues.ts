/**
 * Issues for people: grouped by code, with counts, the first few examples and how to fix them,
 * in the manner of the 360Giving data quality tool. Pure text, so the CLI and the pull-request
 * bot say the same thing.
 */
import { isAutoFixable } from './autoFixable.ts';
import { ISSUES_PER_CODE } from './capIssues.ts';
import type { Issue, Severity } from './issue.ts';
import { escapeControls, safeForLog } from './logText.ts';
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
    group.count += issue.omitted ?? 1;
    if (group.examples.length < examples) group.examples.push(issue);
  }
  return [...groups.values()].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      b.count - a.count ||
      (a.code < b.code ? -1 : 1),
  );
}

/** Counts issues, a capped list's summaries (see capIssues) by the issues they stand for. */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    const n = i.omitted ?? 1;
    if (i.severity === 'error') errors += n;
    else warnings += n;
  }
  return { errors, warnings };
}

export function formatIssuesText(
  issues: readonly Issue[],
  options: { examples?: number; filePrefix?: string } = {},
): string {
  const { errors, warnings } = countIssues(issues);
  const prefix = options.filePrefix ?? '';
  const lines: string[] = [];
  const notFixable = new Set<string>();
  for (const i of issues) if (!isAutoFixable(i)) notFixable.add(`${i.severity}:${i.code}`);
  for (const group of groupIssues(issues, options.examples ?? 5)) {
    lines.push(
      `${group.severity === 'error' ? 'error' : 'warning'} ${group.code} (${group.count.toLocaleString('en-GB')})`,
    );
    for (const i of group.examples) {
      lines.push(
        `  ${prefix}${i.file}:${i.line}:${i.column}${i.field ? ` ${escapeControls(i.field)}` : ''}: ${escapeControls(i.message)}`,
      );
      if (i.fix) lines.push(`    fix: ${escapeControls(i.fix)}`);
    }
    if (group.count > group.examples.length) {
      const more = (group.count - group.examples.length).toLocaleString('en-GB');
      lines.push(
        notFixable.has(`${group.severity}:${group.code}`)
          ? `  … and ${more} more like this (--format json lists up to ${ISSUES_PER_CODE.toLocaleString('en-GB')} of each code)`
          : `  … and ${more} more like this: run \`kitemark fix\`, which repairs them all`,
      );
    }
    lines.push('');
  }
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  return safeForLog(lines.join('\n') + '\n');
}
