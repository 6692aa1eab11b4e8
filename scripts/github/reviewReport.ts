/**
 * The review report: what the unprivileged pull-request job learns (validation and the
 * semantic diff) and hands to the privileged job as an artifact. The privileged job reads it as
 * untrusted DATA, because the job that wrote it ran the pull request's own code: a pull request
 * can forge any report it likes. So the report is bounded when written, checked against a strict
 * schema with size limits when read, and only ever rendered through escaping Markdown; and the
 * pull request it names is verified against the workflow run before anything is written.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import {
  DIFF_TABLES,
  diffRegisters,
  type Change,
  type RegisterDiff,
} from '../lib/diffRegisters.ts';
import { groupIssues, type IssueGroup } from '../lib/formatIssues.ts';
import type { Issue } from '../lib/issue.ts';
import type { LoadedRegister } from '../lib/loadRegister.ts';
import { appendAll } from '../lib/appendAll.ts';

export const REPORT_FILE = 'review.json';

/** Limits that keep a report (and so the comment made from it) a sensible size. */
export const REPORT_LIMITS = {
  /** Changes kept per table; the counts always cover them all. */
  changesPerTable: 200,
  /** Issue groups kept per severity, and examples per group. */
  groups: 40,
  examples: 5,
  /** Bytes of the report file the privileged job will read. */
  fileBytes: 8 * 1024 * 1024,
  /** Characters in any one string value. */
  string: 4000,
};

export interface IssueSummary {
  count: number;
  groups: IssueGroup[];
}

export interface ReviewReport {
  kind: 'kitemark-review-report';
  version: 1;
  pullRequest: number;
  /** The pull request's head commit: the privileged job checks it against the workflow run. */
  headSha: string;
  baseSha: string;
  diff: RegisterDiff;
  /** Changes left out of `diff.changes` by REPORT_LIMITS.changesPerTable. */
  omittedChanges: number;
  errors: IssueSummary;
  /** Warnings about records this pull request adds or changes. */
  warnings: IssueSummary;
  /** Warnings about records it does not touch (already on the register): counted, not listed. */
  otherWarnings: number;
}

export interface BuildReportInput {
  pullRequest: number;
  headSha: string;
  baseSha: string;
  base: LoadedRegister;
  head: LoadedRegister;
  /** validateRegister's issues for head. */
  issues: readonly Issue[];
}

export function buildReviewReport(input: BuildReportInput): ReviewReport {
  const diff = diffRegisters(input.base, input.head);
  const touched = touchedLines(input.head, diff.changes);
  const errors = input.issues.filter((i) => i.severity === 'error');
  const warnings = input.issues.filter((i) => i.severity === 'warning');
  const relevant = warnings.filter((w) => touched.get(w.file)?.has(w.line) ?? false);

  const kept: Change[] = [];
  let omitted = 0;
  for (const table of DIFF_TABLES) {
    const changes = diff.changes.filter((c) => c.table === table);
    appendAll(kept, changes.slice(0, REPORT_LIMITS.changesPerTable));
    omitted += Math.max(0, changes.length - REPORT_LIMITS.changesPerTable);
  }
  return clip({
    kind: 'kitemark-review-report',
    version: 1,
    pullRequest: input.pullRequest,
    headSha: input.headSha,
    baseSha: input.baseSha,
    diff: { ...diff, changes: kept },
    omittedChanges: omitted,
    errors: summarise(errors),
    warnings: summarise(relevant),
    otherWarnings: warnings.length - relevant.length,
  });
}

function summarise(issues: readonly Issue[]): IssueSummary {
  return {
    count: issues.length,
    groups: groupIssues(issues, REPORT_LIMITS.examples).slice(0, REPORT_LIMITS.groups),
  };
}

/** Lines of head's CSV files that hold records this change adds or changes, by file. */
function touchedLines(head: LoadedRegister, changes: readonly Change[]): Map<string, Set<number>> {
  const files: Record<string, string> = {
    providers: head.providers.file,
    accreditations: head.accreditations.file,
    documents: head.documents.file,
    commissioners: head.commissioners.file,
  };
  const touched = new Map<string, Set<number>>();
  for (const c of changes) {
    const file = c.table === 'codelists' ? `codelists/${c.key.split('/')[0]}.csv` : files[c.table];
    const line = c.lines?.head;
    if (!file || line === undefined) continue;
    let set = touched.get(file);
    if (!set) touched.set(file, (set = new Set()));
    set.add(line);
  }
  return touched;
}

/** Cuts every string to REPORT_LIMITS.string, so no cell value can bloat the report. */
function clip<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'string' && v.length > REPORT_LIMITS.string
        ? `${v.slice(0, REPORT_LIMITS.string - 1)}…`
        : v,
    ),
  ) as T;
}

// ---------------------------------------------------------------------------------------------
// Reading a report: strict, bounded, typed errors.

export type ParseReportResult =
  { ok: true; report: ReviewReport } | { ok: false; problems: string[] };

const str = (maxLength = REPORT_LIMITS.string) => ({ type: 'string', maxLength });
const value = { anyOf: [str(), { type: 'array', maxItems: 500, items: str() }] };
const sha = { type: 'string', pattern: '^[0-9a-f]{40}$' };
const fieldChange = {
  type: 'object',
  additionalProperties: false,
  required: ['field'],
  properties: {
    field: str(100),
    before: value,
    after: value,
    added: { type: 'array', maxItems: 500, items: str() },
    removed: { type: 'array', maxItems: 500, items: str() },
  },
};
const counts = {
  type: 'object',
  additionalProperties: false,
  required: ['added', 'ended', 'removed', 'changed'],
  properties: Object.fromEntries(
    ['added', 'ended', 'removed', 'changed'].map((k) => [k, { type: 'integer', minimum: 0 }]),
  ),
};
const change = {
  type: 'object',
  additionalProperties: false,
  required: ['table', 'key', 'kind', 'label', 'tags', 'fields', 'record'],
  properties: {
    table: { enum: DIFF_TABLES },
    key: str(200),
    kind: { enum: ['added', 'ended', 'removed', 'changed'] },
    label: str(),
    providerId: str(20),
    providerName: str(),
    tags: {
      type: 'array',
      maxItems: 10,
      items: {
        enum: ['renamed', 'status-changed', 'reinstated', 'renewal', 're-verified', 'new-version'],
      },
    },
    status: {
      type: 'object',
      additionalProperties: false,
      properties: { before: str(100), after: str(100) },
    },
    fields: { type: 'array', maxItems: 100, items: fieldChange },
    record: {
      type: 'object',
      maxProperties: 100,
      propertyNames: { pattern: '^[A-Za-z0-9_()-]{1,100}$' },
      additionalProperties: value,
    },
    lines: {
      type: 'object',
      additionalProperties: false,
      properties: { base: { type: 'integer', minimum: 1 }, head: { type: 'integer', minimum: 1 } },
    },
    parts: {
      type: 'array',
      maxItems: 2000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['part', 'kind'],
        properties: { part: str(300), kind: { enum: ['added', 'removed', 'changed'] } },
      },
    },
  },
};
const issue = {
  type: 'object',
  additionalProperties: false,
  required: ['severity', 'code', 'file', 'line', 'column', 'field', 'message'],
  properties: {
    severity: { enum: ['error', 'warning'] },
    code: { type: 'string', pattern: '^[a-z0-9-]+(/[a-z0-9-]+)*$', maxLength: 100 },
    file: str(300),
    line: { type: 'integer', minimum: 0 },
    column: { type: 'integer', minimum: 0 },
    field: str(300),
    message: str(),
    fix: str(),
  },
};
const summary = {
  type: 'object',
  additionalProperties: false,
  required: ['count', 'groups'],
  properties: {
    count: { type: 'integer', minimum: 0 },
    groups: {
      type: 'array',
      maxItems: REPORT_LIMITS.groups,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'severity', 'count', 'examples'],
        properties: {
          code: issue.properties.code,
          severity: issue.properties.severity,
          count: { type: 'integer', minimum: 1 },
          examples: { type: 'array', maxItems: REPORT_LIMITS.examples, items: issue },
        },
      },
    },
  },
};
export const REPORT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [
    'kind',
    'version',
    'pullRequest',
    'headSha',
    'baseSha',
    'diff',
    'omittedChanges',
    'errors',
    'warnings',
    'otherWarnings',
  ],
  properties: {
    kind: { const: 'kitemark-review-report' },
    version: { const: 1 },
    pullRequest: { type: 'integer', minimum: 1, maximum: 1e9 },
    headSha: sha,
    baseSha: sha,
    omittedChanges: { type: 'integer', minimum: 0 },
    otherWarnings: { type: 'integer', minimum: 0 },
    errors: summary,
    warnings: summary,
    diff: {
      type: 'object',
      additionalProperties: false,
      required: ['formatVersion', 'base', 'head', 'meta', 'changes', 'counts'],
      properties: {
        formatVersion: { const: 1 },
        base: { type: 'object', additionalProperties: false, properties: { version: str(100) } },
        head: { type: 'object', additionalProperties: false, properties: { version: str(100) } },
        meta: { type: 'array', maxItems: 100, items: fieldChange },
        changes: {
          type: 'array',
          maxItems: REPORT_LIMITS.changesPerTable * DIFF_TABLES.length,
          items: change,
        },
        counts: {
          type: 'object',
          additionalProperties: false,
          required: [...DIFF_TABLES],
          properties: Object.fromEntries(DIFF_TABLES.map((t) => [t, counts])),
        },
      },
    },
  },
};

let validator: ValidateFunction | undefined;

/** Parses and checks a report. Never throws: anything unexpected is a list of problems. */
export function parseReviewReport(text: string | Uint8Array): ParseReportResult {
  const size = typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength;
  if (size > REPORT_LIMITS.fileBytes)
    return {
      ok: false,
      problems: [`the report is ${size} bytes, more than ${REPORT_LIMITS.fileBytes}`],
    };
  let data: unknown;
  try {
    data = JSON.parse(
      typeof text === 'string' ? text : new TextDecoder('utf-8', { fatal: true }).decode(text),
    );
  } catch (e) {
    return {
      ok: false,
      problems: [`the report is not JSON: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
  validator ??= new Ajv({ allErrors: false, strict: true }).compile(REPORT_SCHEMA);
  if (!validator(data)) {
    return {
      ok: false,
      problems: (validator.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`,
      ),
    };
  }
  return { ok: true, report: data as ReviewReport };
}
