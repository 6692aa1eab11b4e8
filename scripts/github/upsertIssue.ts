/**
 * One standing issue, found by its label and hidden marker: updated in place on every run,
 * reopened if someone closed it, and any duplicates (left by two runs racing) closed, so there
 * is always exactly one open.
 */
import type { Octokit } from './createOctokit.ts';
import type { RepoRef } from './toolkit.ts';
import { isOurs } from './upsertComment.ts';

export interface UpsertIssueInput {
  label: string;
  marker: string;
  title: string;
  body: string;
}

export interface UpsertIssueResult {
  action: 'created' | 'updated' | 'unchanged' | 'reopened';
  number: number;
  url: string;
  /** Duplicates closed on this run. */
  closed: number[];
}

export async function upsertIssue(
  octokit: Octokit,
  repo: RepoRef,
  input: UpsertIssueInput,
): Promise<UpsertIssueResult> {
  if (!input.body.startsWith(input.marker))
    throw new Error('the issue body must start with its marker');
  const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    state: 'all',
    labels: input.label,
    per_page: 100,
  });
  const ours = all.filter(
    (i) =>
      !i.pull_request &&
      isOurs({ id: i.id, body: i.body, html_url: i.html_url, user: i.user }, input.marker),
  );
  const open = ours.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number);
  const [keep, ...duplicates] = open;
  const closed: number[] = [];
  for (const d of duplicates) {
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: d.number,
      body: `Closing as a duplicate of #${keep!.number}, which is the one kept up to date.`,
    });
    await octokit.rest.issues.update({
      ...repo,
      issue_number: d.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    closed.push(d.number);
  }
  if (keep) {
    if (keep.title === input.title && keep.body === input.body)
      return { action: 'unchanged', number: keep.number, url: keep.html_url, closed };
    await octokit.rest.issues.update({
      ...repo,
      issue_number: keep.number,
      title: input.title,
      body: input.body,
    });
    return { action: 'updated', number: keep.number, url: keep.html_url, closed };
  }
  // Reopen the latest closed report, but not one we closed as a duplicate.
  const duplicate = (i: { state_reason?: string | null }) =>
    i.state_reason === 'not_planned' ? 1 : 0;
  const latest = ours.sort((a, b) => duplicate(a) - duplicate(b) || b.number - a.number)[0];
  if (latest) {
    await octokit.rest.issues.update({
      ...repo,
      issue_number: latest.number,
      title: input.title,
      body: input.body,
      state: 'open',
    });
    return { action: 'reopened', number: latest.number, url: latest.html_url, closed };
  }
  const { data } = await octokit.rest.issues.create({
    ...repo,
    title: input.title,
    body: input.body,
    labels: [input.label],
  });
  return { action: 'created', number: data.number, url: data.html_url, closed };
}
