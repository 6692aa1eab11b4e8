/** Response bodies built from GitHub's own examples, so every required field is there. */
import { example } from '../openApi.ts';
import type { FakeState } from './state.ts';
import {
  MAINTAINER,
  NOW,
  type FakeComment,
  type FakeIssue,
  type FakeLabel,
  type FakeCommit,
  type FakeUser,
  type Json,
} from './types.ts';

export function responseBuilders(state: FakeState) {
  const { gh } = state;
  const { owner, repo, defaultBranch } = gh;
  const api = () => gh.url;
  const html = `https://github.com/${owner}/${repo}`;
  const user = (u: FakeUser): Json => ({
    ...example('simple-user'),
    login: u.login,
    id: u.id,
    type: u.type,
    html_url: `https://github.com/${encodeURIComponent(u.login)}`,
  });
  const labelJson = (l: FakeLabel): Json => ({
    id: l.id,
    node_id: `LA_${l.id}`,
    url: `${api()}/repos/${owner}/${repo}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false,
  });
  const labelsOf = (i: FakeIssue) =>
    i.labels.map((n) => labelJson(gh.labels.get(n) ?? ensureLabel(n)));
  const ensureLabel = (name: string): FakeLabel => {
    let label = gh.labels.get(name);
    if (!label)
      gh.labels.set(
        name,
        (label = { id: state.newId(), name, color: 'ededed', description: null }),
      );
    return label;
  };
  const commentJson = (issue: FakeIssue, c: FakeComment): Json => ({
    ...example('issue-comment'),
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${api()}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `${html}/issues/${issue.number}#issuecomment-${c.id}`,
    issue_url: `${api()}/repos/${owner}/${repo}/issues/${issue.number}`,
    body: c.body,
    user: user(c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  });
  const issueJson = (i: FakeIssue): Json => {
    const base: Json = {
      ...example('issue'),
      id: 100000 + i.number,
      node_id: `I_${i.number}`,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason ?? null,
      labels: labelsOf(i),
      user: user(i.user),
      assignee: null,
      assignees: [],
      milestone: null,
      comments: i.comments.length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.state === 'closed' ? NOW : null,
      closed_by: null,
      url: `${api()}/repos/${owner}/${repo}/issues/${i.number}`,
      html_url: `${html}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
      repository_url: `${api()}/repos/${owner}/${repo}`,
      author_association: i.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    };
    if (i.pull) {
      base['pull_request'] = {
        url: `${api()}/repos/${owner}/${repo}/pulls/${i.number}`,
        html_url: `${html}/pull/${i.number}`,
        diff_url: `${html}/pull/${i.number}.diff`,
        patch_url: `${html}/pull/${i.number}.patch`,
        merged_at: null,
      };
    } else delete base['pull_request'];
    return base;
  };
  const pullJson = (i: FakeIssue, simple: boolean): Json => {
    const p = i.pull!;
    const template = example<Json>(simple ? 'pull-request-simple-items' : 'pull-request');
    const side = (ref: string, sha: string, fullName: string) => ({
      ...(template['head'] as Json),
      label: `${fullName.split('/')[0]}:${ref}`,
      ref,
      sha,
      user: user(MAINTAINER),
    });
    const result: Json = {
      ...template,
      id: 200000 + i.number,
      node_id: `PR_${i.number}`,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      user: user(i.user),
      labels: labelsOf(i),
      url: `${api()}/repos/${owner}/${repo}/pulls/${i.number}`,
      html_url: `${html}/pull/${i.number}`,
      issue_url: `${api()}/repos/${owner}/${repo}/issues/${i.number}`,
      head: side(p.head.ref, p.head.sha, p.head.repo),
      base: side(p.base.ref, p.base.sha, `${owner}/${repo}`),
      requested_reviewers: p.requested_reviewers.map((login) =>
        user({ login, id: 3000, type: 'User' }),
      ),
      requested_teams: p.requested_teams.map((slug) => ({
        ...example('team-items'),
        slug,
        name: slug,
        type: 'organization',
      })),
      assignee: null,
      assignees: [],
      milestone: null,
      draft: p.draft,
      merged_at: null,
      closed_at: i.state === 'closed' ? NOW : null,
      auto_merge: null,
      active_lock_reason: null,
      created_at: i.created_at,
      updated_at: i.updated_at,
    };
    if (!simple) {
      Object.assign(result, {
        merged: p.merged,
        mergeable: true,
        maintainer_can_modify: p.maintainer_can_modify,
        merged_by: null,
      });
    }
    return result;
  };
  const refJson = (ref: string, sha: string): Json => ({
    ref: `refs/${ref}`,
    node_id: `REF_${sha.slice(0, 8)}`,
    url: `${api()}/repos/${owner}/${repo}/git/refs/${ref}`,
    object: { type: 'commit', sha, url: `${api()}/repos/${owner}/${repo}/git/commits/${sha}` },
  });
  const commitJson = (c: FakeCommit): Json => ({
    sha: c.sha,
    node_id: `C_${c.sha.slice(0, 8)}`,
    url: `${api()}/repos/${owner}/${repo}/git/commits/${c.sha}`,
    html_url: `${html}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${api()}/repos/${owner}/${repo}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api()}/repos/${owner}/${repo}/git/commits/${p}`,
      html_url: `${html}/commit/${p}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  });
  const treeJson = (sha: string): Json => ({
    sha,
    url: `${api()}/repos/${owner}/${repo}/git/trees/${sha}`,
    truncated: false,
    tree: [...gh.trees.get(sha)!].map(([path, blob]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: blob,
      size: gh.blobs.get(blob)?.length ?? 0,
      url: `${api()}/repos/${owner}/${repo}/git/blobs/${blob}`,
    })),
  });
  const repoJson = (): Json => ({
    ...example('full-repository'),
    name: repo,
    full_name: `${owner}/${repo}`,
    default_branch: defaultBranch,
    // GitHub's own example lacks this required field; the description is the authority.
    has_discussions: false,
    html_url: html,
    url: `${api()}/repos/${owner}/${repo}`,
  });

  return {
    api,
    html,
    user,
    labelJson,
    labelsOf,
    ensureLabel,
    commentJson,
    issueJson,
    pullJson,
    refJson,
    commitJson,
    treeJson,
    repoJson,
  };
}

export type ResponseBuilders = ReturnType<typeof responseBuilders>;
