/**
 * One bot comment per issue or pull request, found by a hidden marker and edited in place (as
 * govuk-frontend's comments.mjs does), so a rerun never adds a second comment. Only comments
 * written by a bot account and starting with the marker count: anyone can type the marker, but
 * only the bot's own comments are ours to edit.
 */
import type { Octokit } from './createOctokit.ts';
import type { RepoRef } from './toolkit.ts';

export interface CommentTarget extends RepoRef {
  issue_number: number;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  id?: number;
  url?: string;
}

/** `<!-- kitemark:review -->`: invisible on GitHub, first thing in the body. */
export function marker(name: string): string {
  if (!/^[a-z][a-z0-9:-]*$/.test(name)) throw new Error(`bad marker name ${name}`);
  return `<!-- kitemark:${name} -->`;
}

interface CommentLike {
  id: number;
  body?: string | null;
  html_url: string;
  user: { type?: string } | null;
}

export function isOurs(comment: CommentLike, mark: string): boolean {
  return comment.user?.type === 'Bot' && (comment.body ?? '').startsWith(mark);
}

/** Every bot comment with this marker, oldest first (the list is paginated: PRs can have thousands). */
export async function findMarkedComments(
  octokit: Octokit,
  target: CommentTarget,
  mark: string,
): Promise<CommentLike[]> {
  const found: CommentLike[] = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...target,
    per_page: 100,
  })) {
    for (const c of data) if (isOurs(c, mark)) found.push(c);
  }
  return found;
}

/**
 * Creates, updates or leaves alone the one marked comment. Extra marked comments (left by a
 * race between two runs) are deleted, so there is exactly one again. With `createIfMissing:
 * false`, an absent comment stays absent (the bot does not start a conversation it need not).
 */
export async function upsertComment(
  octokit: Octokit,
  target: CommentTarget,
  mark: string,
  body: string,
  options: { createIfMissing?: boolean } = {},
): Promise<UpsertResult> {
  if (!body.startsWith(mark)) throw new Error('the comment body must start with its marker');
  const [first, ...extra] = await findMarkedComments(octokit, target, mark);
  for (const c of extra) {
    await octokit.rest.issues.deleteComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: c.id,
    });
  }
  if (first) {
    if (first.body === body) return { action: 'unchanged', id: first.id, url: first.html_url };
    const { data } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: first.id,
      body,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  if (options.createIfMissing === false) return { action: 'skipped' };
  const { data } = await octokit.rest.issues.createComment({ ...target, body });
  return { action: 'created', id: data.id, url: data.html_url };
}
