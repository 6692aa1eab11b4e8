/**
 * The register's change log: one entry per commit of the main line that changed the register,
 * newest first, saying what changed (from the semantic diff), when, in which commit and in which
 * pull request. Pages, the Atom feed, changes.json and changes.csv are all printed from this.
 */
import { describeDiff, summariseDiff, type DiffSection } from '../formatDiff.ts';
import {
  isEmptyDiff,
  type Change,
  type FieldChange,
  type KindCounts,
  type DiffTable,
} from '../diffRegisters.ts';
import { formatCsv } from '../formatCsv.ts';
import type { RegisterHistory } from './historyTypes.ts';

export interface ChangeLogEntry {
  commit: string;
  /** The first 7 characters of the commit, as people quote it. */
  short: string;
  /** Committer date, RFC 3339. */
  date: string;
  author: string;
  subject: string;
  pullRequest?: number;
  commitUrl?: string;
  pullRequestUrl?: string;
  /** register.json's version before and after, when the commit changed it. */
  version?: { before?: string; after?: string };
  /** The version of the register after the commit. */
  registerVersion?: string;
  /** One sentence of counts: "2 providers added, 1 accreditation ended." */
  summary: string;
  counts: Partial<Record<DiffTable, Partial<KindCounts>>>;
  /** The changes in words, in the order a reader wants them (at most `limit` per section). */
  sections: DiffSection[];
  changes: Change[];
  meta: FieldChange[];
}

export interface ChangeLog {
  /** Newest first. */
  entries: ChangeLogEntry[];
  note?: string;
}

export interface ChangeLogOptions {
  /** `https://github.com/owner/repo`: commit and pull request links are made from it. */
  repositoryUrl?: string;
  /** Items kept per section of an entry's words (the full changes stay in `changes`). */
  limit?: number;
}

export function buildChangeLog(
  history: RegisterHistory,
  options: ChangeLogOptions = {},
): ChangeLog {
  const entries: ChangeLogEntry[] = [];
  for (const step of history.steps) {
    const { diff, commit } = step;
    if (isEmptyDiff(diff)) continue;
    const entry: ChangeLogEntry = {
      commit: commit.commit,
      short: commit.commit.slice(0, 7),
      date: commit.date,
      author: commit.author,
      subject: commit.subject,
      summary: summariseDiff(diff),
      counts: nonZero(diff.counts),
      sections: describeDiff(diff, options.limit ?? 50),
      changes: diff.changes,
      meta: diff.meta,
    };
    if (step.pullRequest !== undefined) entry.pullRequest = step.pullRequest;
    if (options.repositoryUrl) {
      const repo = options.repositoryUrl.replace(/\/+$/, '');
      entry.commitUrl = `${repo}/commit/${commit.commit}`;
      if (step.pullRequest !== undefined) entry.pullRequestUrl = `${repo}/pull/${step.pullRequest}`;
    }
    if (diff.head.version !== undefined) entry.registerVersion = diff.head.version;
    if (diff.base.version !== diff.head.version) {
      entry.version = {
        ...(diff.base.version !== undefined ? { before: diff.base.version } : {}),
        ...(diff.head.version !== undefined ? { after: diff.head.version } : {}),
      };
    }
    entries.push(entry);
  }
  entries.reverse();
  return history.note ? { entries, note: history.note } : { entries };
}

function nonZero(counts: Record<DiffTable, KindCounts>): ChangeLog['entries'][number]['counts'] {
  const out: ChangeLogEntry['counts'] = {};
  for (const [table, kinds] of Object.entries(counts) as [DiffTable, KindCounts][]) {
    const kept = Object.fromEntries(Object.entries(kinds).filter(([, n]) => n > 0));
    if (Object.keys(kept).length > 0) out[table] = kept;
  }
  return out;
}

/** Format version of changes.json: bumped only when a consumer would have to change. */
export const CHANGES_JSON_VERSION = 1;

/**
 * The machine-readable change log. Each change keeps its key, kind, tags, status and fields
 * before and after; the records themselves are in the downloads of each version.
 */
export function formatChangesJson(
  log: ChangeLog,
  register: { name: string; title: string; licence?: { name: string; path: string } },
): string {
  const entries = log.entries.map((e) => ({
    commit: e.commit,
    date: e.date,
    author: e.author,
    subject: e.subject,
    ...(e.pullRequest !== undefined ? { pullRequest: e.pullRequest } : {}),
    ...(e.commitUrl ? { commitUrl: e.commitUrl } : {}),
    ...(e.pullRequestUrl ? { pullRequestUrl: e.pullRequestUrl } : {}),
    ...(e.registerVersion ? { registerVersion: e.registerVersion } : {}),
    ...(e.version ? { version: e.version } : {}),
    summary: e.summary,
    counts: e.counts,
    meta: e.meta,
    changes: e.changes.map(({ record: _record, lines: _lines, ...rest }) => rest),
  }));
  return `${JSON.stringify(
    {
      formatVersion: CHANGES_JSON_VERSION,
      register: register.name,
      title: `Change log: ${register.title}`,
      ...(register.licence ? { licence: register.licence } : {}),
      ...(log.note ? { note: log.note } : {}),
      entries,
    },
    null,
    1,
  )}\n`;
}

export const CHANGES_CSV_COLUMNS = [
  'date',
  'commit',
  'pull_request',
  'register_version',
  'table',
  'key',
  'kind',
  'label',
  'provider_id',
  'tags',
  'status_before',
  'status_after',
  'fields_changed',
] as const;

/** One row per record changed, newest commit first: the change log for a spreadsheet. */
export function formatChangesCsv(log: ChangeLog): string {
  const rows: string[][] = [];
  for (const e of log.entries) {
    for (const c of e.changes) {
      rows.push([
        e.date,
        e.commit,
        e.pullRequest === undefined ? '' : String(e.pullRequest),
        e.registerVersion ?? '',
        c.table,
        c.key,
        c.kind,
        neutral(c.label),
        c.providerId ?? '',
        c.tags.join(';'),
        c.status?.before ?? '',
        c.status?.after ?? '',
        c.fields.map((f) => f.field).join(';'),
      ]);
    }
  }
  return formatCsv(CHANGES_CSV_COLUMNS, rows);
}

/**
 * Labels come from the data at any point in history, including commits whose validation
 * failed, so one could start like a formula; a leading apostrophe keeps a spreadsheet from
 * running it (this file is derived, not the register's canonical form).
 */
function neutral(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
