/**
 * The scheduled expiry job: keeps exactly one open issue listing awards past expiry but still
 * accredited and awards expiring within 60 days, and one pull request that marks the expired
 * ones `lapsed`. Every run converges on the same state: nothing changes when nothing has.
 */
import { loadRegister, type Sources } from '../lib/loadRegister.ts';
import { TABLES } from '../lib/schemas.ts';
import { commitFiles, deleteBranch } from './commitFiles.ts';
import type { Octokit } from './createOctokit.ts';
import { readRows, replaceRows } from './editCsvRows.ts';
import { findExpiring, type ExpiryFindings } from './findExpiring.ts';
import {
  EXPIRY_LABEL,
  MANAGED_REVIEW_LABELS,
  REVIEW_LABELS,
  ensureLabels,
  syncLabels,
} from './labels.ts';
import {
  EXPIRY_MARKER,
  EXPIRY_TITLE,
  lapseIds,
  renderExpiryIssue,
  renderLapseBody,
} from './renderExpiryReport.ts';
import type { RepoRef, Toolkit } from './toolkit.ts';
import { upsertIssue, type UpsertIssueResult } from './upsertIssue.ts';
import { findPullRequests, upsertPullRequest } from './upsertPullRequest.ts';

export const LAPSE_BRANCH = 'kitemark/lapse-expired';
const TRAILER = 'Kitemark-Bot: expiry';

export interface ExpiryInput {
  octokit: Octokit;
  toolkit: Toolkit;
  repo: RepoRef & { runUrl?: string };
  /** The register at `baseSha`, the default branch's head. */
  register: Sources;
  baseSha: string;
  defaultBranch: string;
  today: string;
  dataPath?: string;
}

export interface ExpiryOutcome {
  findings: ExpiryFindings;
  issue: UpsertIssueResult;
  pullRequest?: { number: number; action: string };
  closedPullRequest?: number;
}

export async function runExpiry(input: ExpiryInput): Promise<ExpiryOutcome> {
  const { octokit, toolkit, repo } = input;
  const findings = findExpiring(loadRegister(input.register), input.today);
  toolkit.info(
    `${findings.expired.length} awards past expiry still accredited; ${findings.expiring.length} expiring within ${findings.withinDays} days.`,
  );
  await ensureLabels(octokit, repo, [EXPIRY_LABEL, REVIEW_LABELS.accreditationChange]);

  const [open] = await findPullRequests(octokit, repo, LAPSE_BRANCH, 'open');
  let pullRequest: { number: number; url: string; action: string } | undefined;
  let closedPullRequest: number | undefined;
  if (findings.expired.length > 0) {
    pullRequest = await upsertLapse(input, findings, open);
  } else if (open) {
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: open.number,
      body: 'No award is past expiry and still accredited any more, so this pull request is no longer needed. Closing it.',
    });
    await octokit.rest.pulls.update({ ...repo, pull_number: open.number, state: 'closed' });
    await deleteBranch(octokit, repo, LAPSE_BRANCH);
    closedPullRequest = open.number;
    toolkit.info(`Closed #${open.number}: nothing left to lapse.`);
  }

  const links: { pullRequest?: { number: number; url: string }; runUrl?: string } = {};
  if (pullRequest) links.pullRequest = { number: pullRequest.number, url: pullRequest.url };
  if (repo.runUrl) links.runUrl = repo.runUrl;
  const issue = await upsertIssue(octokit, repo, {
    label: EXPIRY_LABEL.name,
    marker: EXPIRY_MARKER,
    title: EXPIRY_TITLE,
    body: renderExpiryIssue(findings, links),
  });
  toolkit.info(
    `Expiry report #${issue.number}: ${issue.action}${issue.closed.length ? `; closed duplicates ${issue.closed.map((n) => `#${n}`).join(', ')}` : ''}.`,
  );

  const outcome: ExpiryOutcome = { findings, issue };
  if (pullRequest) outcome.pullRequest = { number: pullRequest.number, action: pullRequest.action };
  if (closedPullRequest !== undefined) outcome.closedPullRequest = closedPullRequest;
  return outcome;
}

/**
 * Opens or refreshes the lapse pull request. While the set of expired awards is unchanged the
 * branch is left as it is (it merges cleanly as the default branch moves on), so a daily run
 * does not rewrite it every day.
 */
async function upsertLapse(
  input: ExpiryInput,
  findings: ExpiryFindings,
  open: { number: number; url: string; body: string } | undefined,
) {
  const { octokit, toolkit, repo } = input;
  const ids = findings.expired.map((i) => i.accreditationId);
  const same = open !== undefined && lapseIds(open.body).join(',') === ids.join(',');
  if (!same) {
    const file = TABLES.accreditations.file;
    const before = new TextDecoder().decode(input.register.get(file) ?? new Uint8Array());
    const rows = new Map(readRows(file, before).rows.map((r) => [r.line, r.cells]));
    const text = replaceRows(
      file,
      before,
      new Map(findings.expired.map((i) => [i.line, { ...rows.get(i.line), status: 'lapsed' }])),
    );
    const dataPath = (input.dataPath ?? 'data').replace(/^\.?\/+|\/+$/g, '');
    const commit = await commitFiles(octokit, repo, {
      branch: LAPSE_BRANCH,
      baseSha: input.baseSha,
      files: new Map([[`${dataPath}/${file}`, text]]),
      message: `Mark ${ids.length === 1 ? 'an expired award' : `${ids.length} expired awards`} lapsed`,
      trailer: TRAILER,
    });
    if (commit.action === 'refused') {
      toolkit.warning(`${LAPSE_BRANCH} has commits pushed by hand; leaving it alone.`);
      return open ? { ...open, action: 'refused' } : undefined;
    }
  }
  const pr = await upsertPullRequest(octokit, repo, {
    branch: LAPSE_BRANCH,
    base: input.defaultBranch,
    title: `Mark ${ids.length === 1 ? 'an expired kitemark award' : `${ids.length} expired kitemark awards`} lapsed`,
    body: renderLapseBody(findings, undefined),
  });
  await syncLabels(
    octokit,
    { ...repo, issue_number: pr.number },
    pr.labels,
    [REVIEW_LABELS.accreditationChange.name],
    MANAGED_REVIEW_LABELS,
  );
  toolkit.info(`Lapse pull request #${pr.number}: ${pr.action}.`);
  return { number: pr.number, url: pr.url, action: pr.action };
}
