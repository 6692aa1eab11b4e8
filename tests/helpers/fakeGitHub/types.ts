/** The fake GitHub's data: one repository's issues, pull requests, labels and git objects. */
import { createHash } from 'node:crypto';

export type Json = Record<string, unknown>;

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

export interface InjectedResponse {
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

/** The fake's clock: every timestamp it writes. */
export const NOW = '2026-11-26T09:00:00Z';

/** A stable, made-up SHA for something the fake invents (a tree, a commit, a file entry). */
export function hash(kind: string, text: string): string {
  return createHash('sha1').update(`${kind}\0${text}`).digest('hex');
}
