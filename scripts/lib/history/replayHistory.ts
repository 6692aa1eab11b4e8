/**
 * Replays the register's history commit by commit and diffs each step, doing work in proportion
 * to what a commit changed rather than to the size of the register:
 *
 * - Loading: a changed table is split into row texts; rows whose text is unchanged keep their
 *   parsed record, and only new or edited rows go through the loader (as a small CSV of the
 *   header and those rows). Other files (codelists, templates, register.json) load whole.
 * - Diffing: the diff sees only the rows that changed, plus the unchanged rows it needs for
 *   context, on both sides alike (so they are not changes): the provider rows that name an award
 *   or document that changed, and a provider's earlier award when a new one is added (which is
 *   what makes it a renewal). That gives exactly the diff of the two whole registers, which
 *   the tests check.
 *
 * A file it cannot split simply (a carriage return, a blank line, a new header) is loaded and
 * diffed whole: slower, never different.
 */
import { diffRegisters, type DiffInput } from '../diffRegisters.ts';
import {
  loadRegister,
  type Codelist,
  type JsonSource,
  type LoadedRegister,
  type Row,
  type Table,
} from '../loadRegister.ts';
import { TABLES, TABLE_NAMES, type TableName } from '../schemas.ts';
import type { HistoryCommit, HistoryStep } from './historyTypes.ts';
import { pullRequestNumber } from './pullRequestNumber.ts';
import { splitCsvRecords } from './splitCsvRecords.ts';

/** A commit and the files it changed: new bytes, or null for a file deleted. */
export interface CommitFiles {
  commit: HistoryCommit;
  files: ReadonlyMap<string, Uint8Array | null>;
}

type AnyRow = Row<Record<string, unknown>>;
type AnyTable = Table<Record<string, unknown>>;

/** A loaded table with the text of each row, so the next version can reuse unchanged rows. */
interface TextTable {
  table: AnyTable;
  header?: string;
  /** The text of each row of `table`, in order; absent when the file could not be split. */
  texts?: string[];
  /** Whether a key is on more than one row, once known. */
  repeated?: boolean;
}

interface State {
  meta: DiffInput['meta'];
  tables: Record<TableName, TextTable>;
  codelists: Map<string, Codelist>;
  templates: Map<string, JsonSource<unknown>>;
}

/** What a commit changed in one table: the rows that left and the rows that arrived. */
interface Delta {
  before: AnyRow[];
  after: AnyRow[];
}

interface Changed {
  /** Per changed table: the rows that differ, or undefined to diff the whole table. */
  tables: Map<TableName, Delta | undefined>;
  codelists: Set<string>;
  templates: Set<string>;
}

const FILE_TABLE = new Map<string, TableName>(TABLE_NAMES.map((n) => [TABLES[n].file, n]));

function emptyTable(file: string): AnyTable {
  return { file, present: false, header: [], column: new Map(), rows: [] };
}

function emptyState(): State {
  return {
    meta: { file: 'register.json', text: '', value: undefined },
    tables: Object.fromEntries(
      TABLE_NAMES.map((n): [TableName, TextTable] => [
        n,
        { table: emptyTable(TABLES[n].file), texts: [] },
      ]),
    ) as unknown as Record<TableName, TextTable>,
    codelists: new Map(),
    templates: new Map(),
  };
}

function loadOnly(files: ReadonlyMap<string, Uint8Array>): LoadedRegister {
  return loadRegister({ keys: () => files.keys(), get: (p) => files.get(p) });
}

/** Loads a table, parsing only the rows the previous version did not have. */
function loadTable(previous: TextTable, name: TableName, bytes: Uint8Array): TextTable {
  const file = TABLES[name].file;
  const split = splitCsvRecords(new TextDecoder().decode(bytes));
  const whole = (): TextTable => {
    const table = loadOnly(new Map([[file, bytes]]))[name] as unknown as AnyTable;
    return split && split.records.length === table.rows.length
      ? { table, header: split.header, texts: split.records.map((r) => r.text) }
      : { table };
  };
  if (!split || !previous.texts || split.header !== previous.header) return whole();
  const known = new Map<string, Record<string, unknown>>();
  previous.texts.forEach((text, i) => known.set(text, previous.table.rows[i]!.record));
  const fresh = [...new Set(split.records.map((r) => r.text).filter((t) => !known.has(t)))];
  if (fresh.length > 0) {
    const mini = new TextEncoder().encode(`${split.header}\n${fresh.join('\n')}\n`);
    const parsed = (loadOnly(new Map([[file, mini]]))[name] as unknown as AnyTable).rows;
    if (parsed.length !== fresh.length) return whole();
    fresh.forEach((text, i) => known.set(text, parsed[i]!.record));
  }
  return {
    table: {
      // Same header text, so the same header and columns.
      ...previous.table,
      present: true,
      rows: split.records.map((r) => ({ line: r.line, record: known.get(r.text)! })),
    },
    header: split.header,
    texts: split.records.map((r) => r.text),
  };
}

/** True when a key is on more than one row: the diff keeps the first, so diff the whole table. */
function hasRepeatedKey(name: TableName, t: TextTable): boolean {
  if (t.repeated !== undefined) return t.repeated;
  const fields = TABLES[name].primaryKey;
  const seen = new Set<string>();
  t.repeated = false;
  for (const row of t.table.rows) {
    const key =
      fields.length === 1
        ? String(row.record[fields[0]!] ?? '')
        : fields.map((f) => String(row.record[f] ?? '')).join('\u0000');
    if (seen.has(key)) {
      t.repeated = true;
      break;
    }
    seen.add(key);
  }
  return t.repeated;
}

/** The rows whose text differs between two versions of a table, when both were split. */
function delta(name: TableName, before: TextTable, after: TextTable): Delta | undefined {
  if (!before.texts || !after.texts || before.header !== after.header) return undefined;
  if (hasRepeatedKey(name, before) || hasRepeatedKey(name, after)) return undefined;
  const old = new Set(before.texts);
  const now = new Set(after.texts);
  return {
    before: before.table.rows.filter((_, i) => !now.has(before.texts![i]!)),
    after: after.table.rows.filter((_, i) => !old.has(after.texts![i]!)),
  };
}

/** The state after a commit, loading only what it changed. */
function apply(state: State, files: ReadonlyMap<string, Uint8Array | null>): [State, Changed] {
  const others = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) {
    if (bytes !== null && !FILE_TABLE.has(path)) others.set(path, bytes);
  }
  const loaded = others.size > 0 ? loadOnly(others) : undefined;
  const next: State = {
    ...state,
    tables: { ...state.tables },
    codelists: new Map(state.codelists),
    templates: new Map(state.templates),
  };
  const changed: Changed = { tables: new Map(), codelists: new Set(), templates: new Set() };
  for (const [path, bytes] of files) {
    const table = FILE_TABLE.get(path);
    const codelist = /^codelists\/([a-z0-9-]+)\.csv$/.exec(path)?.[1];
    if (path === 'register.json') {
      next.meta = bytes === null || !loaded ? emptyState().meta : loaded.meta;
    } else if (table) {
      const before = state.tables[table];
      const after =
        bytes === null ? { table: emptyTable(path), texts: [] } : loadTable(before, table, bytes);
      next.tables[table] = after;
      changed.tables.set(table, delta(table, before, after));
    } else if (codelist) {
      const list = loaded?.codelists.get(codelist);
      if (bytes === null || !list) next.codelists.delete(codelist);
      else next.codelists.set(codelist, list);
      changed.codelists.add(codelist);
    } else if (/^contract-templates\/[^/]+\/[^/]+\.json$/.test(path)) {
      const template = loaded?.templates.find((t) => t.file === path);
      if (bytes === null || !template) next.templates.delete(path);
      else next.templates.set(path, template);
      changed.templates.add(path);
    }
  }
  return [next, changed];
}

/** The two sides the diff needs to see for these changes. */
function sides(before: State, after: State, changed: Changed): [DiffInput, DiffInput] {
  const base = slice(before, changed);
  const head = slice(after, changed);
  const rows = (name: TableName, side: 'before' | 'after', state: State): AnyRow[] => {
    if (!changed.tables.has(name)) return [];
    const d = changed.tables.get(name);
    return d ? d[side] : state.tables[name].table.rows;
  };
  const withRows = (state: State, name: TableName, own: AnyRow[], context: AnyRow[]): AnyTable => ({
    ...state.tables[name].table,
    rows: [...own, ...context],
  });

  // An award added for a provider that already had one is a renewal: show the diff one of the
  // provider's earlier, unchanged awards (on both sides, so it is no change).
  const awardContext: AnyRow[] = [];
  const awards = changed.tables.get('accreditations');
  if (awards) {
    const keys = new Set(
      before.tables.accreditations.table.rows.map((r) => r.record['accreditation_id']),
    );
    const leaving = new Set(awards.before);
    const needed = new Set(
      awards.after
        .filter((r) => !keys.has(r.record['accreditation_id']))
        .map((r) => r.record['provider_id']),
    );
    for (const provider of needed) {
      if (awards.before.some((r) => r.record['provider_id'] === provider)) continue;
      const earlier = before.tables.accreditations.table.rows.find(
        (r) => r.record['provider_id'] === provider && !leaving.has(r),
      );
      if (earlier) awardContext.push(earlier);
    }
  }

  // The diff names the provider of each award and document that changed.
  const named = new Set<unknown>();
  for (const name of ['accreditations', 'documents'] as const) {
    for (const side of ['before', 'after'] as const) {
      for (const r of rows(name, side, side === 'before' ? before : after))
        named.add(r.record['provider_id']);
    }
  }
  const providers = changed.tables.get('providers');
  const providersChanged = changed.tables.has('providers');
  const nameContext = (state: State, own: AnyRow[]) => {
    const have = new Set(own.map((r) => r.record['provider_id']));
    return state.tables.providers.table.rows.filter(
      (r) => named.has(r.record['provider_id']) && !have.has(r.record['provider_id']),
    );
  };
  for (const [side, state, out] of [
    ['before', before, base],
    ['after', after, head],
  ] as const) {
    for (const name of ['accreditations', 'documents', 'commissioners'] as const) {
      if (changed.tables.get(name)) {
        (out as unknown as Record<TableName, AnyTable>)[name] = withRows(
          state,
          name,
          rows(name, side, state),
          name === 'accreditations' ? awardContext : [],
        );
      }
    }
    if (!providersChanged || providers) {
      const own = providersChanged ? rows('providers', side, state) : [];
      out.providers = withRows(state, 'providers', own, nameContext(state, own)) as never;
    }
  }
  return [base, head];
}

/** Whole tables for what changed, empty ones for what did not. */
function slice(state: State, changed: Changed): DiffInput {
  const empty = emptyState();
  const pick = (name: TableName) =>
    (changed.tables.has(name) ? state.tables[name] : empty.tables[name]).table as never;
  const changedIds = new Set([...changed.templates].map((f) => f.split('/')[1]!));
  return {
    meta: state.meta,
    providers: pick('providers'),
    accreditations: pick('accreditations'),
    documents: pick('documents'),
    commissioners: pick('commissioners'),
    codelists: new Map(
      [...changed.codelists].flatMap((n) => {
        const list = state.codelists.get(n);
        return list ? [[n, list] as const] : [];
      }),
    ),
    // Every version of a changed template, so a new version is told apart from a new template.
    templates: [...state.templates.values()].filter((t) => changedIds.has(t.file.split('/')[1]!)),
  };
}

/**
 * Diffs each commit against the state before it. `start` is the register as it was before the
 * first commit given (all its files), for resuming after steps already known; without it the
 * history starts from nothing, so the first commit adds the whole register.
 */
export async function* replayHistory(
  commits: AsyncIterable<CommitFiles> | Iterable<CommitFiles>,
  start?: ReadonlyMap<string, Uint8Array>,
): AsyncGenerator<HistoryStep> {
  let state = start ? apply(emptyState(), start)[0] : emptyState();
  for await (const { commit, files } of commits) {
    const [next, changed] = apply(state, files);
    const [base, head] = sides(state, next, changed);
    const diff = diffRegisters(base, head);
    state = next;
    const step: HistoryStep = { commit, diff };
    const pr = pullRequestNumber(commit.subject);
    if (pr !== undefined) step.pullRequest = pr;
    yield step;
  }
}
