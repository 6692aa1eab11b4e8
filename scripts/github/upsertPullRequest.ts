/**
 * One open pull request per bot branch: opened the first time, its title and body kept up to
 * date afterwards, never a second one.
 */
import type { Octokit } from './createOctokit.ts';
import type { RepoRef } from './toolkit.ts';

export interface PullRequestRef {
  number: number;
  url: string;
  body: string;
  state: string;
  merged: boolean;
  labels: string[];
}

export interface UpsertPullRequestResult extends PullRequestRef {
  action: 'created' | 'updated' | 'unchanged';
}

/** Pull requests from this repository's `branch`, newest first (state: open, closed or all). */
export async function findPullRequests(
  octokit: Octokit,
  repo: RepoRef,
  branch: string,
  state: 'open' | 'closed' | 'all' = 'open',
): Promise<PullRequestRef[]> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...repo,
    head: `${repo.owner}:${branch}`,
    state,
    per_page: 100,
  });
  return pulls
    .filter((p) => p.head.ref === branch)
    .map((p) => ({
      number: p.number,
      url: p.html_url,
      body: p.body ?? '',
      state: p.state,
      merged: Boolean(p.merged_at),
      labels: p.labels.map((l) => l.name),
    }));
}

export async function upsertPullRequest(
  octokit: Octokit,
  repo: RepoRef,
  input: { branch: string; base: string; title: string; body: string },
): Promise<UpsertPullRequestResult> {
  const [open] = await findPullRequests(octokit, repo, input.branch, 'open');
  if (open) {
    const { data: current } = await octokit.rest.pulls.get({ ...repo, pull_number: open.number });
    if (current.title === input.title && (current.body ?? '') === input.body)
      return { ...open, action: 'unchanged' };
    await octokit.rest.pulls.update({
      ...repo,
      pull_number: open.number,
      title: input.title,
      body: input.body,
    });
    return { ...open, body: input.body, action: 'updated' };
  }
  const { data } = await octokit.rest.pulls.create({
    ...repo,
    head: input.branch,
    base: input.base,
    title: input.title,
    body: input.body,
    maintainer_can_modify: true,
  });
  return {
    number: data.number,
    url: data.html_url,
    body: data.body ?? '',
    state: data.state,
    merged: false,
    labels: [],
    action: 'created',
  };
}
