/**
 * The register's history as the pure modules see it: commits of the main line that changed the
 * register, each with the semantic diff it made (scripts/lib/diffRegisters.ts). Git itself is
 * read at the edge (scripts/io/git/gitHistory.ts).
 */
import type { RegisterDiff } from '../diffRegisters.ts';

export interface HistoryCommit {
  /** Full object id. */
  commit: string;
  /** The first parent is the main line before the commit. */
  parents: string[];
  /** Committer date, RFC 3339 with offset (`2026-03-01T10:22:03+00:00`). */
  date: string;
  author: string;
  subject: string;
  body: string;
}

export interface HistoryStep {
  commit: HistoryCommit;
  /** The pull request the commit names, where it names one. */
  pullRequest?: number;
  /** What the commit did to the register, against its first parent. */
  diff: RegisterDiff;
}

/** A register's history, oldest first. */
export interface RegisterHistory {
  steps: HistoryStep[];
  /** Why there is no history, or why it is incomplete, in words for the pages. */
  note?: string;
}
