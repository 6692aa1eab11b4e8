/**
 * Validation issues as GitHub Markdown, in the grouped form of formatIssuesText (errors first,
 * by code, with counts, the first few examples and how to fix them). Every message may quote a
 * cell value, so all of it is escaped.
 */
import type { IssueGroup } from './formatIssues.ts';
import type { Issue } from './issue.ts';
import { codeSpan, escapeMarkdown, link } from './markdown.ts';

export interface IssuesMarkdownOptions {
  /** A URL for an issue's file and line (for example the file in the pull request's head). */
  href?: (issue: Issue) => string | undefined;
  /** Path shown before each file name, such as `data/`. */
  filePrefix?: string;
  /** Heading level for each group, default `####`. */
  heading?: string;
}

/** Groups as groupIssues makes them (or as a review report carries them). */
export function formatIssueGroupsMarkdown(
  groups: readonly IssueGroup[],
  options: IssuesMarkdownOptions = {},
): string {
  const level = options.heading ?? '####';
  const prefix = options.filePrefix ?? '';
  const lines: string[] = [];
  for (const group of groups) {
    const what = group.severity === 'error' ? 'Error' : 'Warning';
    lines.push(
      `${level} ${what} ${codeSpan(group.code, 60)} (${group.count.toLocaleString('en-GB')})`,
      '',
    );
    for (const issue of group.examples) {
      const where = `${prefix}${issue.file}:${issue.line}:${issue.column}`;
      const url = options.href?.(issue);
      const place = url ? link(where, url) : codeSpan(where);
      const field = issue.field ? ` ${codeSpan(issue.field, 60)}` : '';
      lines.push(`- ${place}${field}: ${escapeMarkdown(issue.message, 500)}`);
      if (issue.fix) lines.push(`  - How to fix: ${escapeMarkdown(issue.fix, 500)}`);
    }
    if (group.count > group.examples.length) {
      lines.push(`- … and ${(group.count - group.examples.length).toLocaleString('en-GB')} more`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
