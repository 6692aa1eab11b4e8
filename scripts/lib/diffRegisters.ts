/**
 * The semantic diff of two registers: what a change does to the register, record by record,
 * rather than which lines of which CSV moved. The pull-request bot, `kitemark diff`, the change
 * log, the Atom feed and per-record history all read this one output, so its shape is a
 * published contract: see docs/architecture.md. Add fields if you must; never rename or
 * retype one without bumping DIFF_FORMAT_VERSION.
 *
 * It works on LoadedRegisters, not built Registers, because a pull request under review may not
 * validate, and a diff that refused to run then would be no help to the person fixing it.
 */
import type { Codelist, JsonSource, LoadedRegister, Row, Table } from './loadRegister.ts';
import { TABLES, type TableName } from './schemas.ts';

/** Bumped only when a consumer would have to change: a field renamed, removed or retyped. */
export const DIFF_FORMAT_VERSION = 1;

/** A cell as the loader gives it: text, or the items of a `;` list. Empty cells are absent. */
export type Value = string | string[];

/** What happened to one record between base and head. */
export type ChangeKind =
  /** In head, not in base. */
  | 'added'
  /** Still present, but moved into an ended state (an award lapsed or withdrawn, a template superseded). */
  | 'ended'
  /** In base, not in head. The data standard says records are ended, never deleted: a warning sign. */
  | 'removed'
  /** Present in both with different values, and not ended by the change. */
  | 'changed';

export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'ended', 'removed', 'changed'];

/**
 * Events worth naming, so that consumers never re-derive them from field changes:
 * - `renamed`: a provider's, commissioner's, codelist entry's or template's name or title changed;
 * - `status-changed`: the status field changed (see `status` for before → after);
 * - `reinstated`: an ended record moved back to a current state (lapsed → accredited);
 * - `renewal`: a new award for a provider that already had one in base;
 * - `re-verified`: a document's verified_on or sha256 changed (the file was checked again);
 * - `new-version`: a contract template version added to a template that already had versions.
 */
export type ChangeTag =
  'renamed' | 'status-changed' | 'reinstated' | 'renewal' | 're-verified' | 'new-version';

/** The tables a diff speaks of, in the order its output is sorted. */
export type DiffTable =
  | 'providers'
  | 'accreditations'
  | 'documents'
  | 'commissioners'
  | 'codelists'
  | 'contract-templates';

export const DIFF_TABLES: readonly DiffTable[] = [
  'providers',
  'accreditations',
  'documents',
  'commissioners',
  'codelists',
  'contract-templates',
];

export interface FieldChange {
  /** Column name (CSV tables) or top-level property (register.json, contract templates). */
  field: string;
  /** Absent when the field was empty (or missing) before. */
  before?: Value;
  /** Absent when the field is empty (or missing) after. */
  after?: Value;
  /** List fields only: items in after but not before, in after's order. */
  added?: string[];
  /** List fields only: items in before but not after, in before's order. */
  removed?: string[];
}

/** A status before and after; either side absent when the record did not exist (or had none). */
export interface StatusChange {
  before?: string;
  after?: string;
}

/** A part of a contract template version, named as a reader would: `clause 4.2`, `parameter term_years`. */
export interface PartChange {
  part: string;
  kind: 'added' | 'removed' | 'changed';
}

export interface Change {
  table: DiffTable;
  /**
   * The record's key, unique within its table: `P000001`; `KM-000001`; `P000001/hr-policy`
   * (documents: provider and document type); `E06000001` (commissioners); `services/transport`
   * (codelists: list and code); `standard-services-contract/1.1.0` (template id and version).
   */
  key: string;
  kind: ChangeKind;
  /** A name for people: the provider or commissioner name, document or template title, code title. */
  label: string;
  /** The provider a provider, accreditation or document record belongs to: the key of its timeline. */
  providerId?: string;
  /** That provider's name (head, else base), so an award or document can be spoken of by name. */
  providerName?: string;
  /** Sorted in the order of ChangeTag's documentation. */
  tags: ChangeTag[];
  /** Present when the record has a status and it differs (for added: after only; removed: before only). */
  status?: StatusChange;
  /**
   * For `changed` and `ended`: the fields that differ, in schema column order. Empty for `added`
   * and `removed` (see `record`).
   */
  fields: FieldChange[];
  /** The record as it stands in head; for `removed`, as it stood in base. Templates: top-level scalars only. */
  record: Record<string, Value>;
  /**
   * 1-based line of the record's row in each side's CSV (CSV tables only). For pointing a person
   * at the row; never part of a record's identity, since lines shift whenever rows are added above.
   */
  lines?: { base?: number; head?: number };
  /** Contract templates: which parameters, sections, clauses, schedules and cost lines changed. */
  parts?: PartChange[];
}

export type KindCounts = Record<ChangeKind, number>;

export interface RegisterDiff {
  formatVersion: typeof DIFF_FORMAT_VERSION;
  /** `register.json` version on each side, if readable. */
  base: { version?: string };
  head: { version?: string };
  /** Changes to register.json's top-level properties (nested objects compared as JSON). */
  meta: FieldChange[];
  /** Sorted by table (DIFF_TABLES order), then key (code-point order). */
  changes: Change[];
  /** Every table appears, with every kind, zeros included, so consumers need no defaults. */
  counts: Record<DiffTable, KindCounts>;
}

/** The parts of a LoadedRegister the diff reads. */
export type DiffInput = Pick<
  LoadedRegister,
  | 'meta'
  | 'providers'
  | 'accreditations'
  | 'documents'
  | 'commissioners'
  | 'codelists'
  | 'templates'
>;

/** Statuses in which a record has ended; moving into one is `ended`, out of one `reinstated`. */
export const ENDED_STATUSES: Readonly<Partial<Record<DiffTable, ReadonlySet<string>>>> = {
  accreditations: new Set(['lapsed', 'withdrawn']),
  'contract-templates': new Set(['superseded']),
};

const TAG_ORDER: readonly ChangeTag[] = [
  'renamed',
  'status-changed',
  'reinstated',
  'renewal',
  're-verified',
  'new-version',
];

/** Fields whose change means "renamed". */
const NAME_FIELDS: Partial<Record<DiffTable, string>> = {
  providers: 'name',
  commissioners: 'name',
  codelists: 'title',
  'contract-templates': 'title',
};

export function diffRegisters(base: DiffInput, head: DiffInput): RegisterDiff {
  // concat, not push(...): a register-sized diff would overflow the call stack's arguments.
  let changes: Change[] = [];
  for (const name of ['providers', 'accreditations', 'documents', 'commissioners'] as const) {
    changes = changes.concat(diffTable(name, base, head));
  }
  changes = changes.concat(diffCodelists(base.codelists, head.codelists));
  changes = changes.concat(diffTemplates(base.templates, head.templates));
  tagRenewals(changes, base);
  nameProviders(changes, base, head);
  changes.sort(compareChanges);
  for (let i = 0; i < changes.length; i++) changes[i] = inDocumentedOrder(changes[i]!);

  const counts = emptyCounts();
  for (const c of changes) counts[c.table][c.kind]++;
  const diff: RegisterDiff = {
    formatVersion: DIFF_FORMAT_VERSION,
    base: versionOf(base),
    head: versionOf(head),
    meta: diffObjects(asObject(base.meta.value), asObject(head.meta.value)),
    changes,
    counts,
  };
  return diff;
}

/** True when the diff records no change at all. */
export function isEmptyDiff(diff: RegisterDiff): boolean {
  return diff.changes.length === 0 && diff.meta.length === 0;
}

export function emptyCounts(): Record<DiffTable, KindCounts> {
  const counts = {} as Record<DiffTable, KindCounts>;
  for (const t of DIFF_TABLES) counts[t] = { added: 0, ended: 0, removed: 0, changed: 0 };
  return counts;
}

/** Orders changes as a diff's `changes` are ordered. */
export function compareChanges(a: Change, b: Change): number {
  return (
    DIFF_TABLES.indexOf(a.table) - DIFF_TABLES.indexOf(b.table) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

// ---------------------------------------------------------------------------------------------
// CSV tables

interface Keyed {
  key: string;
  line: number;
  record: Record<string, Value>;
}

/** Rows by key. A duplicated key keeps its first row, as validation (which reports it) does. */
function byKey<T>(table: Table<T>, keyOf: (r: Record<string, Value>) => string | undefined) {
  const map = new Map<string, Keyed>();
  for (const row of table.rows as Row<unknown>[]) {
    const record = row.record as Record<string, Value>;
    const key = keyOf(record);
    if (key !== undefined && !map.has(key)) map.set(key, { key, line: row.line, record });
  }
  return map;
}

function keyFunction(name: TableName): (r: Record<string, Value>) => string | undefined {
  const fields = TABLES[name].primaryKey;
  if (fields.length === 1) {
    const field = fields[0]!;
    return (r) => {
      const key = r[field];
      return typeof key === 'string' && key !== '' ? key : undefined;
    };
  }
  return (r) => {
    const parts = fields.map((f) => r[f]);
    if (parts.some((p) => typeof p !== 'string' || p === '')) return undefined;
    return parts.join('/');
  };
}

function diffTable(name: TableName, base: DiffInput, head: DiffInput): Change[] {
  const keyOf = keyFunction(name);
  const before = byKey(base[name] as Table<unknown>, keyOf);
  const after = byKey(head[name] as Table<unknown>, keyOf);
  const order = TABLES[name].fields.map((f) => f.name);
  const labelOf = LABELS[name];
  const out: Change[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) {
      out.push(recordChange(name, key, 'removed', b.record, labelOf, { base: b.line }));
      continue;
    }
    // The loader reads only the schema's columns into table records, so no other field exists.
    const fields = diffRecords(b.record, a.record, order, false);
    if (fields.length === 0) continue;
    const change = recordChange(name, key, 'changed', a.record, labelOf, {
      base: b.line,
      head: a.line,
    });
    change.fields = fields;
    classify(change, b.record, a.record);
    out.push(change);
  }
  for (const [key, a] of after) {
    if (before.has(key)) continue;
    const change = recordChange(name, key, 'added', a.record, labelOf, { head: a.line });
    if (typeof a.record['status'] === 'string') change.status = { after: a.record['status'] };
    out.push(change);
  }
  return out;
}

const LABELS: Record<TableName, (r: Record<string, Value>) => string> = {
  providers: (r) => text(r['name']),
  accreditations: (r) => text(r['accreditation_id']),
  documents: (r) => text(r['title']) || text(r['document_type']),
  commissioners: (r) => text(r['name']),
};

function recordChange(
  table: DiffTable,
  key: string,
  kind: ChangeKind,
  record: Record<string, Value>,
  labelOf: (r: Record<string, Value>) => string,
  lines?: { base?: number; head?: number },
): Change {
  const change: Change = {
    table,
    key,
    kind,
    label: labelOf(record) || key,
    tags: [],
    fields: [],
    record,
  };
  const providerId = record['provider_id'];
  if (typeof providerId === 'string' && providerId !== '') change.providerId = providerId;
  if (kind === 'removed' && typeof record['status'] === 'string') {
    change.status = { before: record['status'] };
  }
  if (lines) change.lines = lines;
  return change;
}

/** Sets kind (ended or changed), status and tags of a change to a record present on both sides. */
function classify(change: Change, before: Record<string, unknown>, after: Record<string, unknown>) {
  const tags = new Set<ChangeTag>();
  const nameField = NAME_FIELDS[change.table];
  if (nameField && change.fields.some((f) => f.field === nameField)) tags.add('renamed');
  const statusBefore = typeof before['status'] === 'string' ? before['status'] : undefined;
  const statusAfter = typeof after['status'] === 'string' ? after['status'] : undefined;
  if (statusBefore !== statusAfter) {
    change.status = {};
    if (statusBefore !== undefined) change.status.before = statusBefore;
    if (statusAfter !== undefined) change.status.after = statusAfter;
    tags.add('status-changed');
    const ended = ENDED_STATUSES[change.table];
    if (ended) {
      const wasEnded = statusBefore !== undefined && ended.has(statusBefore);
      const isEnded = statusAfter !== undefined && ended.has(statusAfter);
      if (!wasEnded && isEnded) change.kind = 'ended';
      if (wasEnded && !isEnded) tags.add('reinstated');
    }
  }
  if (
    change.table === 'documents' &&
    change.fields.some((f) => f.field === 'verified_on' || f.field === 'sha256')
  ) {
    tags.add('re-verified');
  }
  change.tags = TAG_ORDER.filter((t) => tags.has(t));
}

/** A new award for a provider that held or applied for one in base is a renewal. */
function tagRenewals(changes: Change[], base: DiffInput) {
  const hadAward = new Set<string>();
  for (const row of base.accreditations.rows) {
    if (row.record.provider_id) hadAward.add(row.record.provider_id);
  }
  for (const c of changes) {
    if (
      c.table === 'accreditations' &&
      c.kind === 'added' &&
      c.providerId &&
      hadAward.has(c.providerId)
    ) {
      c.tags = TAG_ORDER.filter((t) => t === 'renewal' || c.tags.includes(t));
    }
  }
}

/** The same keys in the same order every time, so JSON output is stable byte for byte. */
function inDocumentedOrder(c: Change): Change {
  const ordered: Record<string, unknown> = {
    table: c.table,
    key: c.key,
    kind: c.kind,
    label: c.label,
    providerId: c.providerId,
    providerName: c.providerName,
    tags: c.tags,
    status: c.status,
    fields: c.fields,
    record: c.record,
    lines: c.lines,
    parts: c.parts,
  };
  for (const [k, v] of Object.entries(ordered)) if (v === undefined) delete ordered[k];
  return ordered as unknown as Change;
}

function nameProviders(changes: Change[], base: DiffInput, head: DiffInput) {
  const names = new Map<string, string>();
  for (const side of [base, head]) {
    for (const row of side.providers.rows) {
      if (row.record.provider_id && row.record.name)
        names.set(row.record.provider_id, row.record.name);
    }
  }
  for (const c of changes) {
    const name = c.providerId === undefined ? undefined : names.get(c.providerId);
    if (name !== undefined) c.providerName = name;
  }
}

/**
 * Field-level differences, in `order` then any other fields by name. Lists compare as sets:
 * `a;b` and `b;a` say the same thing, so reordering is not a change. Called for every record
 * present on both sides (600,000 documents at 50,000 providers), so the common case of "no
 * change" allocates nothing.
 */
export function diffRecords(
  before: Record<string, Value | undefined>,
  after: Record<string, Value | undefined>,
  order: readonly string[] = [],
  /** False when records can hold only the fields in `order` (the loader's tables), to skip looking. */
  others = true,
): FieldChange[] {
  if (before === after) return [];
  let out: FieldChange[] | undefined;
  for (const field of order) {
    const b = before[field];
    const a = after[field];
    if (b !== a && !sameValue(b, a)) (out ??= []).push(fieldChange(field, b, a));
  }
  if (!others) return out ?? [];
  const known = orderSet(order);
  let extra: string[] | undefined;
  for (const field in before) if (!known.has(field)) (extra ??= []).push(field);
  for (const field in after)
    if (!known.has(field) && !(field in before)) (extra ??= []).push(field);
  if (extra) {
    for (const field of extra.sort()) {
      const b = before[field];
      const a = after[field];
      if (b !== a && !sameValue(b, a)) (out ??= []).push(fieldChange(field, b, a));
    }
  }
  return out ?? [];
}

const orderSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function orderSet(order: readonly string[]): ReadonlySet<string> {
  let set = orderSets.get(order);
  if (!set) orderSets.set(order, (set = new Set(order)));
  return set;
}

function fieldChange(field: string, b: Value | undefined, a: Value | undefined): FieldChange {
  const change: FieldChange = { field };
  if (b !== undefined) change.before = b;
  if (a !== undefined) change.after = a;
  if (Array.isArray(b) || Array.isArray(a)) {
    const bs = toList(b);
    const as = toList(a);
    change.added = as.filter((x) => !bs.includes(x));
    change.removed = bs.filter((x) => !as.includes(x));
  }
  return change;
}

function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (
    Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every((v, i) => v === b[i])
  ) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = new Set(toList(a));
    const y = new Set(toList(b));
    return x.size === y.size && [...x].every((v) => y.has(v));
  }
  return false;
}

function toList(v: Value | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function text(v: Value | undefined): string {
  return v === undefined ? '' : Array.isArray(v) ? v.join(';') : v;
}

// ---------------------------------------------------------------------------------------------
// Codelists: each entry is a record keyed `<list>/<code>`.

function diffCodelists(
  base: ReadonlyMap<string, Codelist>,
  head: ReadonlyMap<string, Codelist>,
): Change[] {
  const out: Change[] = [];
  const names = [...new Set([...base.keys(), ...head.keys()])].sort();
  const label = (r: Record<string, Value>) => text(r['title']) || text(r['code']);
  for (const name of names) {
    const b = base.get(name);
    const a = head.get(name);
    const before = b
      ? byKey(b.table, (r) => (typeof r['code'] === 'string' ? r['code'] : undefined))
      : new Map<string, Keyed>();
    const after = a
      ? byKey(a.table, (r) => (typeof r['code'] === 'string' ? r['code'] : undefined))
      : new Map<string, Keyed>();
    for (const [code, row] of before) {
      const next = after.get(code);
      const key = `${name}/${code}`;
      if (!next) {
        out.push(recordChange('codelists', key, 'removed', row.record, label, { base: row.line }));
        continue;
      }
      const fields = diffRecords(row.record, next.record, ['code', 'title', 'description']);
      if (fields.length === 0) continue;
      const change = recordChange('codelists', key, 'changed', next.record, label, {
        base: row.line,
        head: next.line,
      });
      change.fields = fields;
      // A codelist row with an end date (local authorities) ends when the date is set.
      if (!row.record['end_date'] && next.record['end_date']) change.kind = 'ended';
      classify(change, row.record, next.record);
      out.push(change);
    }
    for (const [code, row] of after) {
      if (before.has(code)) continue;
      out.push(
        recordChange('codelists', `${name}/${code}`, 'added', row.record, label, {
          head: row.line,
        }),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Contract templates: each version file is one record keyed `<id>/<version>`.

const TEMPLATE_SCALARS = [
  'id',
  'title',
  'summary',
  'version',
  'status',
  'published_on',
  'supersedes',
  'licence',
];

function templateKey(file: string): { id: string; version: string } | undefined {
  const m = /^contract-templates\/([^/]+)\/([^/]+)\.json$/.exec(file);
  return m ? { id: m[1]!, version: m[2]! } : undefined;
}

function templateRecord(source: JsonSource<unknown>): Record<string, Value> {
  const value = asObject(source.value);
  const record: Record<string, Value> = {};
  for (const field of TEMPLATE_SCALARS) {
    const v = value[field];
    if (typeof v === 'string' && v !== '') record[field] = v;
  }
  return record;
}

function diffTemplates(
  base: readonly JsonSource<unknown>[],
  head: readonly JsonSource<unknown>[],
): Change[] {
  const index = (list: readonly JsonSource<unknown>[]) => {
    const map = new Map<string, JsonSource<unknown>>();
    for (const s of list) {
      const k = templateKey(s.file);
      if (k && !map.has(`${k.id}/${k.version}`)) map.set(`${k.id}/${k.version}`, s);
    }
    return map;
  };
  const before = index(base);
  const after = index(head);
  const baseIds = new Set([...before.keys()].map((k) => k.split('/')[0]!));
  const label = (r: Record<string, Value>) => text(r['title']);
  const out: Change[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) {
      out.push(recordChange('contract-templates', key, 'removed', templateRecord(b), label));
      continue;
    }
    if (b.value === undefined || a.value === undefined) {
      // Unreadable JSON on one side: compare the text, since there is no structure to compare.
      if (b.text === a.text) continue;
      const change = recordChange('contract-templates', key, 'changed', templateRecord(a), label);
      change.fields = [
        {
          field: '(file)',
          before: b.value === undefined ? 'not valid JSON' : 'valid JSON',
          after: a.value === undefined ? 'not valid JSON' : 'valid JSON',
        },
      ];
      out.push(change);
      continue;
    }
    const fields = diffObjects(
      asObject(b.value),
      asObject(a.value),
      TEMPLATE_SCALARS,
      TEMPLATE_PART_FIELDS,
    );
    const parts = diffTemplateParts(asObject(b.value), asObject(a.value));
    if (fields.length === 0 && parts.length === 0) continue;
    const change = recordChange('contract-templates', key, 'changed', templateRecord(a), label);
    change.fields = fields;
    if (parts.length > 0) change.parts = parts;
    classify(change, asObject(b.value), asObject(a.value));
    out.push(change);
  }
  for (const [key, a] of after) {
    if (before.has(key)) continue;
    const record = templateRecord(a);
    const change = recordChange('contract-templates', key, 'added', record, label);
    if (typeof record['status'] === 'string') change.status = { after: record['status'] };
    if (baseIds.has(key.split('/')[0]!)) change.tags = ['new-version'];
    out.push(change);
  }
  return out;
}

/** Structured parts of a template, compared part by part rather than as one big field. */
const TEMPLATE_PART_FIELDS = ['parameters', 'sections', 'schedules', 'change_notes'];

function diffTemplateParts(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): PartChange[] {
  const parts = (t: Record<string, unknown>): Map<string, string> => {
    const map = new Map<string, string>();
    const add = (name: string, value: unknown) => {
      if (!map.has(name)) map.set(name, stableJson(value));
    };
    for (const p of arrayOf(t['parameters'])) add(`parameter ${String(p['name'] ?? '?')}`, p);
    for (const s of arrayOf(t['sections'])) {
      const { clauses, ...heading } = s;
      add(`section ${String(s['number'] ?? '?')}`, heading);
      for (const c of arrayOf(clauses)) add(`clause ${String(c['number'] ?? '?')}`, c);
    }
    for (const s of arrayOf(t['schedules'])) {
      const { clauses, cost_lines: costLines, ...heading } = s;
      const number = String(s['number'] ?? '?');
      add(`schedule ${number}`, heading);
      for (const c of arrayOf(clauses)) add(`clause ${String(c['number'] ?? '?')}`, c);
      for (const line of arrayOf(costLines)) {
        add(`schedule ${number} cost line ${String(line['category'] ?? '?')}`, line);
      }
    }
    for (const n of arrayOf(t['change_notes']))
      add(`change note ${String(n['version'] ?? '?')}`, n);
    return map;
  };
  const b = parts(before);
  const a = parts(after);
  const out: PartChange[] = [];
  // In reading order: head's order, then what was removed in base's order.
  for (const [name, value] of a) {
    const old = b.get(name);
    if (old === undefined) out.push({ part: name, kind: 'added' });
    else if (old !== value) out.push({ part: name, kind: 'changed' });
  }
  for (const name of b.keys()) if (!a.has(name)) out.push({ part: name, kind: 'removed' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON helpers

function versionOf(input: DiffInput): { version?: string } {
  const version = asObject(input.meta.value)['version'];
  return typeof version === 'string' ? { version } : {};
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(asObject) : [];
}

/**
 * Top-level properties that differ. Strings stay strings; anything else is compared and shown
 * as stable (key-sorted) JSON, so a reordered object is not a change.
 */
function diffObjects(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  order: readonly string[] = [],
  skip: readonly string[] = [],
): FieldChange[] {
  const show = (v: unknown): string | undefined =>
    v === undefined || v === null || v === ''
      ? undefined
      : typeof v === 'string'
        ? v
        : stableJson(v);
  const fields = [
    ...new Set([...order, ...Object.keys(before).sort(), ...Object.keys(after).sort()]),
  ];
  const out: FieldChange[] = [];
  for (const field of fields) {
    if (skip.includes(field)) continue;
    const b = show(before[field]);
    const a = show(after[field]);
    if (b === a) continue;
    const change: FieldChange = { field };
    if (b !== undefined) change.before = b;
    if (a !== undefined) change.after = a;
    out.push(change);
  }
  return out;
}

/** JSON with object keys sorted, so equal values always print the same. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}
