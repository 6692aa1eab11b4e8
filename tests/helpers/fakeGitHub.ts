/**
 * A real HTTP server on 127.0.0.1 that speaks the parts of GitHub's REST API the bots use:
 * issues and comments, labels, pull requests, files and reviewers, and the git database (refs,
 * blobs, trees, commits). Every response body is checked against GitHub's OpenAPI description
 * for its operation and status, and every request body against the request schema, so the fake
 * cannot drift from the real thing without a test failing (see `violations`).
 *
 * It keeps one repository's state in memory; tests seed it, run an entry point, then look at
 * the state. `failNext` injects errors (a 502, a secondary rate limit) to prove retries.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, checkResponse, example } from './openApi.ts';

type Json = Record<string, unknown>;

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export const BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const MAINTAINER: FakeUser = { login: 'octo-maintainer', id: 1001, type: 'User' };
export const CONTRIBUTOR: FakeUser = { login: 'octo-contributor', id: 1002, type: 'User' };

export interface FakeComment {
  id: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: string[];
  user: FakeUser;
  comments: FakeComment[];
  created_at: string;
  updated_at: string;
  /** Present for pull requests. */
  pull?: FakePull;
}

export interface FakePull {
  head: { ref: string; sha: string; repo: string };
  base: { ref: string; sha: string };
  requested_reviewers: string[];
  requested_teams: string[];
  files: {
    filename: string;
    status: 'added' | 'removed' | 'modified' | 'renamed';
    additions: number;
    deletions: number;
  }[];
  merged: boolean;
  draft: boolean;
  maintainer_can_modify: boolean;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The documented path template the request matched, or '' when none did. */
  route: string;
  status: number;
  body: unknown;
}

interface InjectedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** Token → user; requests without a known token get 401. */
  tokens?: Record<string, FakeUser>;
}

export interface FakeGitHub {
  url: string;
  owner: string;
  repo: string;
  defaultBranch: string;
  issues: Map<number, FakeIssue>;
  labels: Map<string, FakeLabel>;
  refs: Map<string, string>;
  commits: Map<string, FakeCommit>;
  /** Flat trees: path → blob sha. */
  trees: Map<string, Map<string, string>>;
  blobs: Map<string, Buffer>;
  collaborators: Set<string>;
  requests: RecordedRequest[];
  /** Responses or requests that do not match GitHub's description. Tests expect none. */
  violations: string[];
  failNext(method: string, path: RegExp, ...responses: InjectedResponse[]): void;
  /** Adds a commit with these files (path → text) on top of `parent`, and returns its sha. */
  commitFiles(
    files: ReadonlyMap<string, string | Uint8Array>,
    options?: { parent?: string; message?: string; branch?: string; sha?: string },
  ): string;
  /** The file at a branch or commit, or undefined. */
  readFile(refOrSha: string, path: string): string | undefined;
  addIssue(issue: Partial<FakeIssue> & { title: string }): FakeIssue;
  addPull(
    pull: Partial<FakeIssue> & { title: string; head: FakePull['head']; files?: FakePull['files'] },
  ): FakeIssue;
  comments(number: number): FakeComment[];
  close(): Promise<void>;
}

const NOW = '2026-11-26T09:00:00Z';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'kitemark-register';
  const repo = options.repo ?? 'kitemark-register';
  const defaultBranch = options.defaultBranch ?? 'main';
  const tokens = options.tokens ?? { 'test-token': BOT };
  let nextId = 5000;
  let nextNumber = 1;
  const injected: { method: string; path: RegExp; responses: InjectedResponse[] }[] = [];

  const gh: FakeGitHub = {
    url: '',
    owner,
    repo,
    defaultBranch,
    issues: new Map(),
    labels: new Map(),
    refs: new Map(),
    commits: new Map(),
    trees: new Map([[hash('tree', ''), new Map()]]),
    blobs: new Map(),
    collaborators: new Set([MAINTAINER.login, 'accreditation-lead']),
    requests: [],
    violations: [],
    failNext(method, path, ...responses) {
      injected.push({ method, path, responses });
    },
    commitFiles(files, opts = {}) {
      const branch = opts.branch ?? defaultBranch;
      const parent = opts.parent ?? gh.refs.get(`heads/${branch}`);
      const entries = new Map(parent ? gh.trees.get(gh.commits.get(parent)!.tree) : []);
      for (const [path, content] of files) entries.set(path, putBlob(Buffer.from(content)));
      const tree = putTree(entries);
      const sha = putCommit(
        tree,
        parent ? [parent] : [],
        opts.message ?? 'Seed',
        { name: 'Maintainer', email: 'maintainer@example.org', date: NOW },
        opts.sha,
      );
      gh.refs.set(`heads/${branch}`, sha);
      return sha;
    },
    readFile(refOrSha, path) {
      const sha = gh.refs.get(`heads/${refOrSha}`) ?? refOrSha;
      const commit = gh.commits.get(sha);
      const blob = commit ? gh.trees.get(commit.tree)?.get(path) : undefined;
      return blob ? gh.blobs.get(blob)?.toString('utf8') : undefined;
    },
    addIssue(issue) {
      const number = issue.number ?? nextNumber;
      nextNumber = Math.max(nextNumber, number + 1);
      const full: FakeIssue = {
        number,
        body: '',
        state: 'open',
        labels: [],
        user: CONTRIBUTOR,
        comments: [],
        created_at: NOW,
        updated_at: NOW,
        ...issue,
      };
      gh.issues.set(number, full);
      return full;
    },
    addPull(pull) {
      const { head, files, ...issue } = pull;
      const created = gh.addIssue(issue);
      created.pull = {
        head,
        base: {
          ref: defaultBranch,
          sha: gh.refs.get(`heads/${defaultBranch}`) ?? hash('commit', 'none'),
        },
        requested_reviewers: [],
        requested_teams: [],
        files: files ?? [],
        merged: false,
        draft: false,
        maintainer_can_modify: false,
      };
      return created;
    },
    comments(number) {
      return gh.issues.get(number)?.comments ?? [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  function putBlob(content: Buffer): string {
    const sha = createHash('sha1')
      .update(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]))
      .digest('hex');
    gh.blobs.set(sha, content);
    return sha;
  }
  function putTree(entries: Map<string, string>): string {
    const sorted = new Map([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
    const sha = hash('tree', JSON.stringify([...sorted]));
    gh.trees.set(sha, sorted);
    return sha;
  }
  function putCommit(
    tree: string,
    parents: string[],
    message: string,
    author: FakeCommit['author'],
    /** A commit a test made in a local repository, so both sides agree on its SHA. */
    known?: string,
  ): string {
    const sha =
      known ??
      hash('commit', JSON.stringify({ tree, parents, message, author, n: gh.commits.size }));
    gh.commits.set(sha, { sha, tree, parents, message, author, committer: author });
    return sha;
  }

  // ------------------------------------------------------------------------------------------
  // Response builders, from GitHub's own examples so every required field is there.

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
      gh.labels.set(name, (label = { id: nextId++, name, color: 'ededed', description: null }));
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

  // ------------------------------------------------------------------------------------------
  // Routes: documented path templates, each with its handler.

  type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
  type Handler = (ctx: {
    params: Record<string, string>;
    query: URLSearchParams;
    body: Json;
    actor: FakeUser;
  }) => Reply;
  const notFound = (): Reply => ({
    status: 404,
    body: {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    },
  });
  const invalid = (message: string): Reply => ({
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', code: 'invalid', field: '', message }],
      documentation_url: 'https://docs.github.com/rest',
    },
  });
  const issueOf = (params: Record<string, string>, key = 'issue_number') =>
    gh.issues.get(Number(params[key]));
  const page = (items: Json[], query: URLSearchParams, path: string): Reply => {
    const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
    const number = Math.max(1, Number(query.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (number < last) {
      const link = (n: number) => {
        const q = new URLSearchParams(query);
        q.set('page', String(n));
        q.set('per_page', String(perPage));
        return `<${api()}${path}?${q}>`;
      };
      headers['link'] = `${link(number + 1)}; rel="next", ${link(last)}; rel="last"`;
    }
    return { status: 200, body: items.slice((number - 1) * perPage, number * perPage), headers };
  };

  const routes: [method: string, template: string, handler: Handler][] = [
    ['GET', '/repos/{owner}/{repo}', () => ({ status: 200, body: repoJson() })],
    [
      'GET',
      '/repos/{owner}/{repo}/issues',
      ({ query }) => {
        const state = query.get('state') ?? 'open';
        const wanted = (query.get('labels') ?? '').split(',').filter(Boolean);
        const creator = query.get('creator');
        const items = [...gh.issues.values()]
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => wanted.every((l) => i.labels.includes(l)))
          .filter((i) => !creator || i.user.login === creator)
          .sort((a, b) => b.number - a.number)
          .map(issueJson);
        return page(items, query, `/repos/${owner}/${repo}/issues`);
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues',
      ({ body, actor }) => {
        const labels = ((body['labels'] as string[] | undefined) ?? []).map(
          (l) => ensureLabel(l).name,
        );
        const issue = gh.addIssue({
          title: String(body['title']),
          body: String(body['body'] ?? ''),
          labels,
          user: actor,
        });
        return { status: 201, body: issueJson(issue) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/issues/{issue_number}',
      ({ params }) => {
        const issue = issueOf(params);
        return issue ? { status: 200, body: issueJson(issue) } : notFound();
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/issues/{issue_number}',
      ({ params, body }) => {
        const issue = issueOf(params);
        if (!issue) return notFound();
        if (typeof body['title'] === 'string') issue.title = body['title'];
        if (typeof body['body'] === 'string') issue.body = body['body'];
        if (body['state'] === 'open' || body['state'] === 'closed') issue.state = body['state'];
        if (typeof body['state_reason'] === 'string') issue.state_reason = body['state_reason'];
        if (Array.isArray(body['labels']))
          issue.labels = (body['labels'] as string[]).map((l) => ensureLabel(l).name);
        issue.updated_at = NOW;
        return { status: 200, body: issueJson(issue) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      ({ params, query }) => {
        const issue = issueOf(params);
        if (!issue) return notFound();
        return page(
          issue.comments.map((c) => commentJson(issue, c)),
          query,
          `/repos/${owner}/${repo}/issues/${issue.number}/comments`,
        );
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      ({ params, body, actor }) => {
        const issue = issueOf(params);
        if (!issue) return notFound();
        const text = String(body['body']);
        if (text.length > 65536) return invalid('Body is too long (maximum is 65536 characters)');
        const comment: FakeComment = {
          id: nextId++,
          body: text,
          user: actor,
          created_at: NOW,
          updated_at: NOW,
        };
        issue.comments.push(comment);
        return { status: 201, body: commentJson(issue, comment) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      ({ params, body, actor }) => {
        for (const issue of gh.issues.values()) {
          const comment = issue.comments.find((c) => c.id === Number(params['comment_id']));
          if (!comment) continue;
          // GitHub lets a token edit only its own comments (without admin rights).
          if (comment.user.login !== actor.login)
            return {
              status: 403,
              body: {
                message: 'Must have admin rights to Repository.',
                documentation_url: 'https://docs.github.com/rest',
              },
            };
          const text = String(body['body']);
          if (text.length > 65536) return invalid('Body is too long (maximum is 65536 characters)');
          comment.body = text;
          comment.updated_at = NOW;
          return { status: 200, body: commentJson(issue, comment) };
        }
        return notFound();
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      ({ params, actor }) => {
        for (const issue of gh.issues.values()) {
          const index = issue.comments.findIndex((c) => c.id === Number(params['comment_id']));
          if (index < 0) continue;
          if (issue.comments[index]!.user.login !== actor.login)
            return { status: 403, body: { message: 'Must have admin rights to Repository.' } };
          issue.comments.splice(index, 1);
          return { status: 204 };
        }
        return notFound();
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/labels/{name}',
      ({ params }) => {
        const label = gh.labels.get(params['name']!);
        return label ? { status: 200, body: labelJson(label) } : notFound();
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/labels',
      ({ body }) => {
        const name = String(body['name']);
        if (gh.labels.has(name)) return invalid('already_exists');
        const label: FakeLabel = {
          id: nextId++,
          name,
          color: String(body['color'] ?? 'ededed'),
          description: (body['description'] as string | undefined) ?? null,
        };
        gh.labels.set(name, label);
        return { status: 201, body: labelJson(label) };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      ({ params, body }) => {
        const issue = issueOf(params);
        if (!issue) return notFound();
        for (const l of (body['labels'] as string[] | undefined) ?? []) {
          ensureLabel(l);
          if (!issue.labels.includes(l)) issue.labels.push(l);
        }
        return { status: 200, body: labelsOf(issue) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
      ({ params }) => {
        const issue = issueOf(params);
        if (!issue || !issue.labels.includes(params['name']!)) return notFound();
        issue.labels = issue.labels.filter((l) => l !== params['name']);
        return { status: 200, body: labelsOf(issue) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/pulls',
      ({ query }) => {
        const state = query.get('state') ?? 'open';
        const head = query.get('head');
        const items = [...gh.issues.values()]
          .filter((i) => i.pull && (state === 'all' || i.state === state))
          .filter((i) => !head || `${i.pull!.head.repo.split('/')[0]}:${i.pull!.head.ref}` === head)
          .sort((a, b) => b.number - a.number)
          .map((i) => pullJson(i, true));
        return page(items, query, `/repos/${owner}/${repo}/pulls`);
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/pulls',
      ({ body, actor }) => {
        const head = String(body['head']);
        const sha = gh.refs.get(`heads/${head}`);
        if (!sha) return invalid(`head ${head} does not exist`);
        const open = [...gh.issues.values()].find(
          (i) => i.pull && i.state === 'open' && i.pull.head.ref === head,
        );
        if (open) return invalid(`A pull request already exists for ${owner}:${head}.`);
        const pr = gh.addPull({
          title: String(body['title']),
          body: String(body['body'] ?? ''),
          user: actor,
          head: { ref: head, sha, repo: `${owner}/${repo}` },
        });
        pr.pull!.maintainer_can_modify = Boolean(body['maintainer_can_modify']);
        return { status: 201, body: pullJson(pr, false) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      ({ params }) => {
        const pr = issueOf(params, 'pull_number');
        return pr?.pull ? { status: 200, body: pullJson(pr, false) } : notFound();
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      ({ params, body }) => {
        const pr = issueOf(params, 'pull_number');
        if (!pr?.pull) return notFound();
        if (typeof body['title'] === 'string') pr.title = body['title'];
        if (typeof body['body'] === 'string') pr.body = body['body'];
        if (body['state'] === 'open' || body['state'] === 'closed') pr.state = body['state'];
        return { status: 200, body: pullJson(pr, false) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}/files',
      ({ params, query }) => {
        const pr = issueOf(params, 'pull_number');
        if (!pr?.pull) return notFound();
        const items = pr.pull.files.slice(0, 3000).map((f, i) => ({
          sha: hash('blob', f.filename + i),
          filename: f.filename,
          status: f.status,
          additions: f.additions,
          deletions: f.deletions,
          changes: f.additions + f.deletions,
          blob_url: `${html}/blob/${pr.pull!.head.sha}/${f.filename}`,
          raw_url: `${html}/raw/${pr.pull!.head.sha}/${f.filename}`,
          contents_url: `${api()}/repos/${owner}/${repo}/contents/${f.filename}?ref=${pr.pull!.head.sha}`,
        }));
        return page(items, query, `/repos/${owner}/${repo}/pulls/${pr.number}/files`);
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
      ({ params }) => {
        const pr = issueOf(params, 'pull_number');
        if (!pr?.pull) return notFound();
        return {
          status: 200,
          body: {
            users: pr.pull.requested_reviewers.map((login) =>
              user({ login, id: 3000, type: 'User' }),
            ),
            teams: pr.pull.requested_teams.map((slug) => ({
              ...example('team-items'),
              slug,
              name: slug,
              type: 'organization',
            })),
          },
        };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
      ({ params, body }) => {
        const pr = issueOf(params, 'pull_number');
        if (!pr?.pull) return notFound();
        const users = (body['reviewers'] as string[] | undefined) ?? [];
        if (users.includes(pr.user.login))
          return invalid('Review cannot be requested from pull request author.');
        const outsider = users.find((u) => !gh.collaborators.has(u));
        if (outsider)
          return invalid(
            `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${owner}/${repo} repository.`,
          );
        for (const u of users)
          if (!pr.pull.requested_reviewers.includes(u)) pr.pull.requested_reviewers.push(u);
        for (const t of (body['team_reviewers'] as string[] | undefined) ?? []) {
          if (!pr.pull.requested_teams.includes(t)) pr.pull.requested_teams.push(t);
        }
        return { status: 201, body: pullJson(pr, true) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/ref/{ref}',
      ({ params }) => {
        const sha = gh.refs.get(params['ref']!);
        return sha ? { status: 200, body: refJson(params['ref']!, sha) } : notFound();
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/matching-refs/{ref}',
      ({ params }) => ({
        status: 200,
        body: [...gh.refs]
          .filter(([ref]) => ref.startsWith(params['ref']!))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([ref, sha]) => refJson(ref, sha)),
      }),
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/refs',
      ({ body }) => {
        const ref = String(body['ref']).replace(/^refs\//, '');
        const sha = String(body['sha']);
        if (gh.refs.has(ref)) return invalid('Reference already exists');
        if (!gh.commits.has(sha)) return invalid('Object does not exist');
        gh.refs.set(ref, sha);
        return { status: 201, body: refJson(ref, sha) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/git/refs/{ref}',
      ({ params, body }) => {
        const ref = params['ref']!;
        const current = gh.refs.get(ref);
        const sha = String(body['sha']);
        if (!current) return invalid('Reference does not exist');
        if (!gh.commits.has(sha)) return invalid('Object does not exist');
        if (!body['force'] && !isAncestor(current, sha))
          return invalid('Update is not a fast forward');
        gh.refs.set(ref, sha);
        for (const i of gh.issues.values()) {
          if (i.pull && `heads/${i.pull.head.ref}` === ref) i.pull.head.sha = sha;
        }
        return { status: 200, body: refJson(ref, sha) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/git/refs/{ref}',
      ({ params }) => {
        // Documented without a body for this operation.
        if (!gh.refs.delete(params['ref']!)) return { status: 422 };
        return { status: 204 };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/commits/{commit_sha}',
      ({ params }) => {
        const commit = gh.commits.get(params['commit_sha']!);
        return commit ? { status: 200, body: commitJson(commit) } : notFound();
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/commits',
      ({ body }) => {
        const tree = String(body['tree']);
        const parents = (body['parents'] as string[] | undefined) ?? [];
        if (!gh.trees.has(tree) || parents.some((p) => !gh.commits.has(p)))
          return invalid('Object does not exist');
        const author = (body['author'] as FakeCommit['author'] | undefined) ?? {
          name: 'github-actions[bot]',
          email: '41898282+github-actions[bot]@users.noreply.github.com',
          date: NOW,
        };
        const sha = putCommit(tree, parents, String(body['message']), {
          ...author,
          date: author.date ?? NOW,
        });
        return { status: 201, body: commitJson(gh.commits.get(sha)!) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/trees/{tree_sha}',
      // Trees are kept flat, as GitHub lists them with ?recursive=1 (the only way the bots ask).
      ({ params }) =>
        gh.trees.has(params['tree_sha']!)
          ? { status: 200, body: treeJson(params['tree_sha']!) }
          : notFound(),
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/blobs/{file_sha}',
      ({ params }) => {
        const blob = gh.blobs.get(params['file_sha']!);
        if (!blob) return notFound();
        const sha = params['file_sha']!;
        return {
          status: 200,
          body: {
            sha,
            node_id: `B_${sha}`,
            size: blob.length,
            url: `${api()}/repos/${owner}/${repo}/git/blobs/${sha}`,
            content: blob.toString('base64'),
            encoding: 'base64',
          },
        };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/blobs',
      ({ body }) => {
        const content = String(body['content']);
        const sha = putBlob(
          Buffer.from(content, body['encoding'] === 'base64' ? 'base64' : 'utf8'),
        );
        return {
          status: 201,
          body: { sha, url: `${api()}/repos/${owner}/${repo}/git/blobs/${sha}` },
        };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/trees',
      ({ body }) => {
        const baseTree = body['base_tree'] as string | undefined;
        if (baseTree && !gh.trees.has(baseTree)) return invalid('base_tree does not exist');
        const entries = new Map(baseTree ? gh.trees.get(baseTree) : []);
        for (const e of (body['tree'] as {
          path: string;
          sha?: string | null;
          content?: string;
        }[]) ?? []) {
          if (e.sha === null) entries.delete(e.path);
          else if (typeof e.content === 'string')
            entries.set(e.path, putBlob(Buffer.from(e.content)));
          else if (e.sha && gh.blobs.has(e.sha)) entries.set(e.path, e.sha);
          else return invalid(`tree.sha ${String(e.sha)} is not a valid blob`);
        }
        return { status: 201, body: treeJson(putTree(entries)) };
      },
    ],
  ];

  const compiled = routes.map(([method, template, handler]) => ({
    method,
    template,
    handler,
    names: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    // `{ref}` spans slashes (heads/kitemark/application-12); every other parameter is one segment.
    regex: new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'ref' ? '(.+)' : '([^/]+)'))}$`,
    ),
  }));

  function isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (s === ancestor) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const p of gh.commits.get(s)?.parents ?? []) stack.push(p);
    }
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Json = {};
    const send = (
      status: number,
      payload: unknown,
      headers: Record<string, string> = {},
      route = '',
    ) => {
      gh.requests.push({ method, path: url.pathname, route, status, body: raw ? body : undefined });
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        ...headers,
      });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    try {
      body = raw ? (JSON.parse(raw) as Json) : {};
    } catch {
      return send(400, { message: 'Problems parsing JSON' });
    }
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers['authorization'] ?? '')?.[1];
    const actor = token ? tokens[token] : undefined;
    if (!actor)
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });

    const injection = injected.find((i) => i.method === method && i.path.test(url.pathname));
    if (injection) {
      const response = injection.responses.shift()!;
      if (injection.responses.length === 0) injected.splice(injected.indexOf(injection), 1);
      return send(response.status, response.body ?? { message: 'injected' }, response.headers);
    }

    for (const route of compiled) {
      if (route.method !== method) continue;
      const m = route.regex.exec(url.pathname);
      if (!m) continue;
      const params = Object.fromEntries(
        route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]),
      );
      if (params['owner'] !== owner || params['repo'] !== repo)
        return send(404, notFound().body, {}, route.template);
      const requestProblems =
        method === 'GET' || method === 'DELETE' ? [] : checkRequest(method, route.template, body);
      if (requestProblems.length) {
        for (const p of requestProblems) gh.violations.push(`${method} ${url.pathname}: ${p}`);
        return send(422, invalid(requestProblems.join('; ')).body, {}, route.template);
      }
      const reply = route.handler({ params, query: url.searchParams, body, actor });
      const problems = checkResponse(method, route.template, reply.status, reply.body);
      for (const p of problems) gh.violations.push(`${method} ${url.pathname}: ${p}`);
      return send(reply.status, reply.body, reply.headers, route.template);
    }
    gh.violations.push(
      `${method} ${url.pathname}: no fake route (is this endpoint meant to be used?)`,
    );
    return send(404, notFound().body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      gh.violations.push(`fake server crashed: ${e instanceof Error ? e.stack : String(e)}`);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gh.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return gh;
}

function hash(kind: string, text: string): string {
  return createHash('sha1').update(`${kind}\0${text}`).digest('hex');
}

/** A GitHub secondary rate limit answer, as documented (403 with retry-after). */
export const SECONDARY_RATE_LIMIT = {
  status: 403,
  headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url:
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  },
};

export const BAD_GATEWAY = { status: 502, body: { message: 'Server Error' } };
