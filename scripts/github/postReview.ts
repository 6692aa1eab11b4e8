/**
 * The privileged half of the review bot (workflow_run): reads the unprivileged job's report as
 * data, proves it belongs to the pull request it names, then posts or updates the one review
 * comment, sets the labels, and asks the accreditation panel to review status changes.
 *
 * It never runs code from the pull request, and never trusts the report's word for anything
 * that GitHub itself can say: the pull request's head commit, its author, its files, and what
 * its data files do to the register. Labels, warnings and review requests come from the bot's
 * own reading of the changed files (readPullRegisters); a report that disagrees with it is
 * flagged on the pull request, and the bot's own reading is shown instead.
 */
import { reportDisagreements } from './checkReport.ts';
import { changesAccreditationStatus, chooseLabels } from './chooseLabels.ts';
import type { Octokit } from './createOctokit.ts';
import { httpStatus } from './httpStatus.ts';
import { MANAGED_REVIEW_LABELS, REVIEW_LABELS, ensureLabels, syncLabels } from './labels.ts';
import { ownersOf, parseCodeowners, splitOwners } from './parseCodeowners.ts';
import {
  REVIEW_MARKER,
  renderReviewComment,
  renderUnreadableComment,
  type RenderContext,
} from './renderReviewComment.ts';
import { readPullRegisters, type ChangedFile } from './readPullRegisters.ts';
import { buildReviewReport, parseReviewReport, type ReviewReport } from './reviewReport.ts';
import type { Issue } from '../lib/issue.ts';
import type { LoadedRegister } from '../lib/loadRegister.ts';
import type { RepoRef, Toolkit } from './toolkit.ts';
import { upsertComment, type UpsertResult } from './upsertComment.ts';

/** The file whose CODEOWNERS owners approve status changes. */
export const ACCREDITATIONS_PATH = 'data/accreditations.csv';

export interface PostReviewInput {
  octokit: Octokit;
  toolkit: Toolkit;
  repo: RepoRef & { serverUrl: string; runUrl?: string };
  /** The workflow_run event payload. */
  payload: Record<string, unknown>;
  /** The report file's contents, or undefined when the artifact was missing. */
  report: string | Uint8Array | undefined;
  /** CODEOWNERS from the default branch (trusted), if the repository has one. */
  codeowners: string | undefined;
  /**
   * Validates the head register with the default branch's rules (validateRegister with the
   * reference data); without it, only the checks made while loading count.
   */
  validate?: (head: LoadedRegister) => Issue[];
}

export interface PostReviewOutcome {
  status: 'posted' | 'unreadable' | 'skipped';
  reason?: string;
  pullRequest?: number;
  comment?: UpsertResult;
  labels?: { added: string[]; removed: string[] };
  reviewers?: { users: string[]; teams: string[] };
}

interface RunInfo {
  event: string;
  headSha: string;
  /** Pull requests GitHub links to the run (empty for pull requests from forks). */
  pullRequests: { number: number; headSha: string }[];
}

function readRun(payload: Record<string, unknown>): RunInfo | undefined {
  const run = payload['workflow_run'] as Record<string, unknown> | undefined;
  if (!run || typeof run !== 'object') return undefined;
  const pulls = Array.isArray(run['pull_requests'])
    ? (run['pull_requests'] as Record<string, unknown>[])
    : [];
  return {
    event: String(run['event'] ?? ''),
    headSha: String(run['head_sha'] ?? ''),
    pullRequests: pulls
      .map((p) => ({
        number: Number(p['number']),
        headSha: String((p['head'] as Record<string, unknown> | undefined)?.['sha'] ?? ''),
      }))
      .filter((p) => Number.isInteger(p.number) && p.number > 0),
  };
}

export async function postReview(input: PostReviewInput): Promise<PostReviewOutcome> {
  const { octokit, toolkit, repo } = input;
  const run = readRun(input.payload);
  if (!run || run.event !== 'pull_request') {
    return skip(
      toolkit,
      `the triggering run was for a ${run?.event || 'unknown'} event, not a pull request`,
    );
  }
  if (!/^[0-9a-f]{40}$/.test(run.headSha))
    return skip(toolkit, 'the workflow run has no head commit');
  const context: RenderContext = { owner: repo.owner, repo: repo.repo, serverUrl: repo.serverUrl };
  if (repo.runUrl) context.runUrl = repo.runUrl;

  const parsed =
    input.report === undefined
      ? { ok: false as const, problems: ['the review job left no report'] }
      : parseReviewReport(input.report);
  if (!parsed.ok) {
    toolkit.warning(`The review report cannot be used: ${parsed.problems.slice(0, 3).join('; ')}`);
    // Without a report we can still speak to a pull request GitHub itself links to this run.
    const linked = run.pullRequests.find((p) => p.headSha === run.headSha);
    if (!linked)
      return { status: 'unreadable', reason: 'no report, and no pull request linked to the run' };
    const comment = await upsertComment(
      octokit,
      { ...repo, issue_number: linked.number },
      REVIEW_MARKER,
      renderUnreadableComment(parsed.problems, context),
    );
    return { status: 'unreadable', pullRequest: linked.number, comment };
  }
  const report = parsed.report;
  if (report.headSha !== run.headSha) {
    return skip(
      toolkit,
      `the report is for commit ${report.headSha.slice(0, 12)}, but the run was for ${run.headSha.slice(0, 12)}`,
    );
  }

  // The report names its pull request; GitHub must agree that this run's commit is its head.
  let pr;
  try {
    ({ data: pr } = await octokit.rest.pulls.get({
      owner: repo.owner,
      repo: repo.repo,
      pull_number: report.pullRequest,
    }));
  } catch (e) {
    if (httpStatus(e) === 404)
      return skip(toolkit, `pull request #${report.pullRequest} does not exist`);
    throw e;
  }
  if (pr.head.sha !== run.headSha) {
    return skip(
      toolkit,
      `pull request #${pr.number} is now at ${pr.head.sha.slice(0, 12)}, not ${run.headSha.slice(0, 12)}: a newer run will report on it`,
    );
  }

  const files: ChangedFile[] = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
    owner: repo.owner,
    repo: repo.repo,
    pull_number: pr.number,
    per_page: 100,
  })) {
    for (const f of data) {
      const file: ChangedFile = { filename: f.filename, status: f.status };
      if (f.previous_filename) file.previous_filename = f.previous_filename;
      files.push(file);
    }
  }
  const codeFiles = files.map((f) => f.filename).filter((f) => !f.startsWith('data/'));
  context.codeFiles = codeFiles;
  context.codeFileCount = codeFiles.length;

  const own = await ownReading(input, pr.base.sha, run.headSha, pr.number, files);
  const problems = reportDisagreements(report, own);
  if (problems.length > 0) {
    context.reportProblems = problems;
    toolkit.warning(
      `The review report disagrees with the files pull request #${pr.number} changes: ${problems.join('; ')}.`,
    );
  }
  const shown = problems.length > 0 ? own : report;

  const changesRegister =
    own.diff.changes.length > 0 ||
    own.diff.meta.length > 0 ||
    own.errors.count > 0 ||
    problems.length > 0;
  const comment = await upsertComment(
    octokit,
    { ...repo, issue_number: pr.number },
    REVIEW_MARKER,
    renderReviewComment(shown, context),
    {
      createIfMissing: changesRegister,
    },
  );
  toolkit.info(
    `Review comment on #${pr.number}: ${comment.action}${comment.url ? ` (${comment.url})` : ''}.`,
  );

  await ensureLabels(octokit, repo, Object.values(REVIEW_LABELS));
  const current = pr.labels.map((l) => l.name);
  const labels = await syncLabels(
    octokit,
    { ...repo, issue_number: pr.number },
    current,
    chooseLabels(own),
    MANAGED_REVIEW_LABELS,
  );
  toolkit.info(
    `Labels on #${pr.number}: added ${labels.added.join(', ') || 'none'}; removed ${labels.removed.join(', ') || 'none'}.`,
  );

  const outcome: PostReviewOutcome = { status: 'posted', pullRequest: pr.number, comment, labels };
  if (changesAccreditationStatus(own)) {
    outcome.reviewers = await requestPanel(input, pr.number, pr.user?.login ?? '');
  }
  return outcome;
}

/** What the pull request's data files do, read from GitHub and judged by this (trusted) code. */
async function ownReading(
  input: PostReviewInput,
  baseSha: string,
  headSha: string,
  number: number,
  files: readonly ChangedFile[],
): Promise<ReviewReport> {
  const { base, head } = await readPullRegisters(
    input.octokit,
    input.repo,
    baseSha,
    headSha,
    files,
  );
  return buildReviewReport({
    pullRequest: number,
    headSha,
    baseSha,
    base,
    head,
    issues: input.validate ? input.validate(head) : head.issues,
  });
}

/** Asks CODEOWNERS' owners of the accreditations file to review; never the author, never twice. */
async function requestPanel(input: PostReviewInput, number: number, author: string) {
  const { octokit, toolkit, repo } = input;
  const none = { users: [] as string[], teams: [] as string[] };
  if (!input.codeowners) {
    toolkit.warning(
      'An accreditation status changes, but there is no CODEOWNERS file to say who must review it.',
    );
    return none;
  }
  const owners = splitOwners(
    ownersOf(parseCodeowners(input.codeowners), ACCREDITATIONS_PATH),
    repo.owner,
  );
  const { data: requested } = await octokit.rest.pulls.listRequestedReviewers({
    owner: repo.owner,
    repo: repo.repo,
    pull_number: number,
  });
  const users = owners.users.filter(
    (u) =>
      u.toLowerCase() !== author.toLowerCase() &&
      !requested.users.some((r) => r.login.toLowerCase() === u.toLowerCase()),
  );
  const teams = owners.teams.filter((t) => !requested.teams.some((r) => r.slug === t));
  if (users.length === 0 && teams.length === 0) return none;
  try {
    await octokit.rest.pulls.requestReviewers({
      owner: repo.owner,
      repo: repo.repo,
      pull_number: number,
      reviewers: users,
      team_reviewers: teams,
    });
    toolkit.info(
      `Asked ${[...users.map((u) => `@${u}`), ...teams.map((t) => `@${repo.owner}/${t}`)].join(', ')} to review #${number}.`,
    );
    return { users, teams };
  } catch (e) {
    // 422: an owner is not a collaborator, or a team lacks access. Say so; the comment stands.
    if (httpStatus(e) !== 422) throw e;
    toolkit.warning(
      `Could not request reviews on #${number} from the CODEOWNERS of ${ACCREDITATIONS_PATH}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return none;
  }
}

function skip(toolkit: Toolkit, reason: string): PostReviewOutcome {
  toolkit.notice(`Review comment skipped: ${reason}.`);
  return { status: 'skipped', reason };
}
