/**
 * Files of a commit read through GitHub's git database (commit → tree → blobs): how the
 * privileged bots see a branch's data without checking it out or running anything from it.
 */
import type { Octokit } from './createOctokit.ts';
import type { RepoRef } from './toolkit.ts';

/** Path → blob sha for every file of the commit whose path passes `keep`. */
export async function listFilesAt(
  octokit: Octokit,
  repo: RepoRef,
  sha: string,
  keep: (path: string) => boolean,
): Promise<Map<string, string>> {
  const { data: commit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: sha });
  const { data: tree } = await octokit.rest.git.getTree({
    ...repo,
    tree_sha: commit.tree.sha,
    recursive: 'true',
  });
  if (tree.truncated)
    throw new Error(`the tree of ${sha.slice(0, 12)} is too large to list in one request`);
  const out = new Map<string, string>();
  for (const entry of tree.tree)
    if (entry.path && entry.type === 'blob' && entry.sha && keep(entry.path))
      out.set(entry.path, entry.sha);
  return out;
}

export async function readBlob(octokit: Octokit, repo: RepoRef, sha: string): Promise<Uint8Array> {
  const { data } = await octokit.rest.git.getBlob({ ...repo, file_sha: sha });
  return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
}
