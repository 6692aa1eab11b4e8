/**
 * Puts files on a branch through the git database API (blobs, a tree, a commit, a ref), so a
 * bot needs no clone with push rights, and its commits carry GitHub's verified signature.
 *
 * The branch belongs to the bot: it is created from the base commit, and later runs replace
 * it. But a maintainer may push fixes to it, and those must never be thrown away, so a branch
 * whose head commit lacks the bot's trailer is left alone ("refused").
 */
import type { Octokit } from './createOctokit.ts';
import { httpStatus } from './httpStatus.ts';
import type { RepoRef } from './toolkit.ts';

export interface CommitFilesInput {
  branch: string;
  /** The commit the change is made on (the default branch's head the bot read). */
  baseSha: string;
  /** Path (from the repository's top) → new text. */
  files: ReadonlyMap<string, string>;
  message: string;
  /** A line every commit of this bot carries, e.g. `Kitemark-Bot: application #12`. */
  trailer: string;
}

export interface CommitFilesResult {
  action: 'created' | 'updated' | 'unchanged' | 'refused';
  /** The branch's head after the call. */
  sha: string;
}

export function isBranchName(name: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$/.test(name) &&
    !name.includes('..') &&
    !name.endsWith('.lock') &&
    !name.endsWith('/')
  );
}

export async function commitFiles(
  octokit: Octokit,
  repo: RepoRef,
  input: CommitFilesInput,
): Promise<CommitFilesResult> {
  if (!isBranchName(input.branch))
    throw new Error(`refusing an unusual branch name: ${input.branch}`);
  const { data: base } = await octokit.rest.git.getCommit({ ...repo, commit_sha: input.baseSha });
  const tree: { path: string; mode: '100644'; type: 'blob'; sha: string }[] = [];
  for (const [path, content] of input.files) {
    const { data: blob } = await octokit.rest.git.createBlob({
      ...repo,
      content: Buffer.from(content, 'utf8').toString('base64'),
      encoding: 'base64',
    });
    tree.push({ path, mode: '100644', type: 'blob', sha: blob.sha });
  }
  const { data: newTree } = await octokit.rest.git.createTree({
    ...repo,
    base_tree: base.tree.sha,
    tree,
  });

  const ref = `heads/${input.branch}`;
  let current: string | undefined;
  try {
    current = (await octokit.rest.git.getRef({ ...repo, ref })).data.object.sha;
  } catch (e) {
    if (httpStatus(e) !== 404) throw e;
  }
  if (current) {
    const { data: head } = await octokit.rest.git.getCommit({ ...repo, commit_sha: current });
    if (head.tree.sha === newTree.sha) return { action: 'unchanged', sha: current };
    if (!head.message.split('\n').includes(input.trailer))
      return { action: 'refused', sha: current };
  }
  const message = `${input.message.trim()}\n\n${input.trailer}\n`;
  const { data: commit } = await octokit.rest.git.createCommit({
    ...repo,
    message,
    tree: newTree.sha,
    parents: [input.baseSha],
  });
  if (current) {
    await octokit.rest.git.updateRef({ ...repo, ref, sha: commit.sha, force: true });
    return { action: 'updated', sha: commit.sha };
  }
  await octokit.rest.git.createRef({ ...repo, ref: `refs/${ref}`, sha: commit.sha });
  return { action: 'created', sha: commit.sha };
}

/** Deletes a bot branch (after its pull request is closed); a missing branch is fine. */
export async function deleteBranch(octokit: Octokit, repo: RepoRef, branch: string): Promise<void> {
  try {
    await octokit.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
  } catch (e) {
    if (httpStatus(e) !== 422 && httpStatus(e) !== 404) throw e;
  }
}
