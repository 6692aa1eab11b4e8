/**
 * The review bot's one comment on a pull request, in words: what the change does to the
 * register, then validation errors grouped by type with counts, examples and fixes, then the
 * warnings about the records it touches. Everything from the report is escaped (see
 * lib/markdown.ts), and the comment always fits GitHub's 65,536-character limit.
 */
import { formatDiffMarkdown } from '../lib/formatDiff.ts';
import { formatIssueGroupsMarkdown } from '../lib/formatIssuesMarkdown.ts';
import type { Issue } from '../lib/issue.ts';
import { codeSpan, escapeMarkdown, link } from '../lib/markdown.ts';
import { plural } from '../lib/words.ts';
import type { ReviewReport } from './reviewReport.ts';
import { marker } from './upsertComment.ts';
import { appendAll } from '../lib/appendAll.ts';

export const REVIEW_MARKER = marker('review');

/** GitHub rejects comments over 65,536 characters; stay well clear. */
export const MAX_COMMENT = 60_000;

export interface RenderContext {
  owner: string;
  repo: string;
  serverUrl: string;
  /** The privileged run that wrote the comment. */
  runUrl?: string;
  /** Files the pull request changes outside data/ (from GitHub, not from the report). */
  codeFiles?: readonly string[];
  /** How many such files in all (the list above may be shortened). */
  codeFileCount?: number;
  /**
   * Where the uploaded report disagreed with the bot's own reading of the changed files; the
   * comment then shows the bot's own reading and says so first.
   */
  reportProblems?: readonly string[];
}

export function renderReviewComment(report: ReviewReport, context: RenderContext): string {
  // Shrink lists until the comment fits: a pull request touching thousands of rows still gets
  // a readable comment, with counts that cover everything.
  for (const [limit, examples] of [
    [50, 5],
    [20, 3],
    [5, 1],
    [1, 1],
  ] as const) {
    const body = render(report, context, limit, examples);
    if (body.length <= MAX_COMMENT) return body;
  }
  const body = render(report, context, 0, 0);
  return body.length <= MAX_COMMENT
    ? body
    : `${body.slice(0, MAX_COMMENT - 200)}\n\n… (cut short: too long for one comment)\n`;
}

function render(
  report: ReviewReport,
  context: RenderContext,
  limit: number,
  examples: number,
): string {
  const { errors, warnings } = report;
  const out: string[] = [REVIEW_MARKER, '## Kitemark register review', ''];
  out.push(
    errors.count > 0
      ? `**This pull request cannot be merged yet: ${plural(errors.count, 'error')} in the register.** Fix them and push again; this comment will update.`
      : '**The register validates.** A maintainer will review the changes below.',
  );
  out.push('');
  if (context.reportProblems?.length) {
    out.push(
      '> [!CAUTION]',
      "> **The review job's report does not match the files this pull request changes.** The pull request's own code wrote that report, so this comment, the labels and the review requests come from the bot's own reading of the changed files instead. Check the code changes carefully.",
    );
    for (const p of context.reportProblems.slice(0, 10)) out.push(`> - ${escapeMarkdown(p, 300)}`);
    out.push('');
  }

  if (report.diff.changes.length === 0 && report.diff.meta.length === 0) {
    out.push('This pull request does not change any record in the register.');
  } else {
    out.push(
      formatDiffMarkdown(report.diff, {
        limit: Math.max(limit, 1),
        heading: '###',
        maxDetails: limit === 0 ? 0 : 12,
      }).trimEnd(),
    );
    if (report.omittedChanges > 0) {
      out.push(
        '',
        `Counts cover every change; ${plural(report.omittedChanges, 'change')} beyond the first of each table ${report.omittedChanges === 1 ? 'is' : 'are'} not listed here. Run \`kitemark diff\` to see them all.`,
      );
    }
  }

  const href = (issue: Issue) => blobUrl(context, report.headSha, issue);
  if (errors.count > 0) {
    out.push('', `### Errors to fix (${errors.count.toLocaleString('en-GB')})`, '');
    out.push(
      formatIssueGroupsMarkdown(limitGroups(errors.groups, examples), {
        href,
        filePrefix: 'data/',
      }).trimEnd(),
    );
    const hidden = errors.groups.length - limitGroups(errors.groups, examples).length;
    if (hidden > 0)
      out.push(
        '',
        `… and ${plural(hidden, 'more kind')} of error. Run \`npx kitemark validate\` for the full list.`,
      );
  }
  if (warnings.count > 0) {
    out.push(
      '',
      `### Warnings about the records this changes (${warnings.count.toLocaleString('en-GB')})`,
      '',
    );
    out.push(
      'Warnings do not block a merge, but a maintainer should read them: a likely duplicate of an existing provider, an award expiring soon.',
      '',
    );
    out.push(
      formatIssueGroupsMarkdown(limitGroups(warnings.groups, examples), {
        href,
        filePrefix: 'data/',
      }).trimEnd(),
    );
  }
  if (report.otherWarnings > 0) {
    out.push(
      '',
      `${plural(report.otherWarnings, 'other warning')} concern${report.otherWarnings === 1 ? 's' : ''} records this pull request does not change.`,
    );
  }

  const codeFileCount = context.codeFileCount ?? context.codeFiles?.length ?? 0;
  if (codeFileCount > 0) {
    const shown = (context.codeFiles ?? [])
      .slice(0, 10)
      .map((f) => codeSpan(f, 200))
      .join(', ');
    out.push(
      '',
      '> [!CAUTION]',
      `> This pull request also changes ${plural(codeFileCount, 'file')} outside \`data/\`${shown ? `: ${shown}` : ''}${codeFileCount > 10 ? ', …' : ''}.`,
      "> The summary above was computed by the pull request's own code, so check those changes before trusting it.",
    );
  }

  out.push('', '---');
  const head = codeSpan(report.headSha.slice(0, 12));
  const run = context.runUrl ? ` by ${link('this workflow run', context.runUrl)}` : '';
  const guide = link(
    'how maintainers review',
    `${context.serverUrl}/${context.owner}/${context.repo}/blob/HEAD/docs/maintainers.md`,
  );
  out.push(`<sub>For commit ${head}, updated${run}. See ${guide}.</sub>`, '');
  return out.join('\n');
}

function limitGroups(groups: ReviewReport['errors']['groups'], examples: number) {
  const kept = examples === 0 ? groups.slice(0, 10) : groups;
  return kept.map((g) => ({ ...g, examples: g.examples.slice(0, examples) }));
}

/** A link to the issue's line in the pull request's head, if the path is one of ours. */
function blobUrl(context: RenderContext, sha: string, issue: Issue): string | undefined {
  if (
    !/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\.(csv|json)$/.test(issue.file) ||
    !/^[0-9a-f]{40}$/.test(sha)
  )
    return undefined;
  const line = Number.isInteger(issue.line) && issue.line > 0 ? `#L${issue.line}` : '';
  return `${context.serverUrl}/${context.owner}/${context.repo}/blob/${sha}/data/${issue.file}${line}`;
}

/** A short comment for when there is no report to read (the review job failed or was forged). */
export function renderUnreadableComment(
  problems: readonly string[],
  context: RenderContext,
): string {
  const out = [
    REVIEW_MARKER,
    '## Kitemark register review',
    '',
    '**The review bot could not read the report of the review job for this commit,** so it cannot say what this pull request does to the register. Look at the Review workflow run for this commit; it may have failed before it could write a report (for example, if the pull request has merge conflicts).',
  ];
  if (problems.length > 0) {
    out.push('', 'What was wrong:', '');
    appendAll(
      out,
      problems.slice(0, 5).map((p) => `- ${escapeMarkdown(p, 300)}`),
    );
  }
  if (context.runUrl)
    out.push('', `<sub>Updated by ${link('this workflow run', context.runUrl)}.</sub>`);
  return `${out.join('\n')}\n`;
}
