/** The repository the fake keeps in memory, and the git object store behind it. */
import { createHash } from 'node:crypto';
import {
  BOT,
  CONTRIBUTOR,
  MAINTAINER,
  NOW,
  hash,
  type FakeCommit,
  type FakeGitHub,
  type FakeGitHubOptions,
  type FakeIssue,
  type FakeUser,
  type InjectedResponse,
} from './types.ts';

export interface FakeState {
  gh: FakeGitHub;
  /** Token → user; requests without a known token get 401. */
  tokens: Record<string, FakeUser>;
  injected: { method: string; path: RegExp; responses: InjectedResponse[] }[];
  /** The next id for a comment or label, one sequence for both as on GitHub. */
  newId(): number;
  putBlob(content: Buffer): string;
  putTree(entries: Map<string, string>): string;
  putCommit(
    tree: string,
    parents: string[],
    message: string,
    author: FakeCommit['author'],
    known?: string,
  ): string;
  isAncestor(ancestor: string, sha: string): boolean;
}

export function createState(options: FakeGitHubOptions): FakeState {
  const owner = options.owner ?? 'kitemark-register';
  const repo = options.repo ?? 'kitemark-register';
  const defaultBranch = options.defaultBranch ?? 'main';
  const tokens = options.tokens ?? { 'test-token': BOT };
  let nextId = 5000;
  let nextNumber = 1;
  const injected: FakeState['injected'] = [];

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
    // The server, once listening, replaces this with its own close.
    close: () => Promise.resolve(),
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

  return {
    gh,
    tokens,
    injected,
    newId: () => nextId++,
    putBlob,
    putTree,
    putCommit,
    isAncestor,
  };
}
