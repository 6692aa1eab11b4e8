/**
 * The one loader: turns the register's files (as bytes, wherever they came from: a folder, a git
 * revision, a test) into tables of typed records that remember where each came from. Nothing
 * else parses the register's CSV or JSON.
 */
import { error, type Issue } from './issue.ts';
import { parseTable } from './parseTable.ts';
import { TABLES, compiledSchemas, type CompiledTable, type TableName } from './schemas.ts';
import { validateTable } from './validateTable.ts';
import type { Codelist, JsonSource, LoadedRegister, Row, Sources, Table } from './registerTypes.ts';
import type {
  Accreditation,
  CodelistEntry,
  Commissioner,
  Document,
  Provider,
  RegisterMetadata,
} from './types.generated.ts';
import { appendAll } from './appendAll.ts';

export type { Codelist, JsonSource, LoadedRegister, Row, Sources, Table } from './registerTypes.ts';

export function loadRegister(sources: Sources): LoadedRegister {
  const issues: Issue[] = [];
  const compiled = compiledSchemas();

  const codelists = new Map<string, Codelist>();
  for (const path of [...sources.keys()].sort()) {
    const match = /^codelists\/([a-z0-9-]+)\.csv$/.exec(path);
    if (!match) continue;
    const t = readTable<CodelistEntry>(sources, path, compiled.codelist, new Map(), issues, true);
    const entries = new Map<string, CodelistEntry>();
    for (const row of t.rows)
      if (row.record.code && !entries.has(row.record.code))
        entries.set(row.record.code, row.record);
    codelists.set(match[1]!, { name: match[1]!, file: path, table: t, entries });
  }

  const templates: JsonSource<unknown>[] = [];
  for (const path of [...sources.keys()].sort()) {
    if (/^contract-templates\/[^/]+\/[^/]+\.json$/.test(path)) {
      templates.push(readJson(sources, path, issues));
    }
  }

  // Cost statements are optional: the folder may be absent. Only JSON is published there.
  const costStatements: JsonSource<unknown>[] = [];
  for (const path of [...sources.keys()].sort()) {
    if (!path.startsWith('cost-statements/')) continue;
    if (/^cost-statements\/[A-Za-z0-9][A-Za-z0-9-]*\.json$/.test(path)) {
      costStatements.push(readJson(sources, path, issues));
    } else {
      issues.push(
        error(
          'cost-statement/file-name',
          { file: path, line: 1, column: 1, field: '' },
          `${path} is not where a cost statement is published: statements are JSON files directly in cost-statements/, named with letters, digits and hyphens.`,
          'Save it as cost-statements/<provider_id>-<service>.json (`kitemark price --in FILE --out FILE.json` turns a CSV or XLSX into JSON).',
        ),
      );
    }
  }

  const table = <T>(name: TableName): Table<T> =>
    readTable<T>(sources, TABLES[name].file, compiled.tables[name], codelists, issues);
  return {
    meta: readJson<RegisterMetadata>(sources, 'register.json', issues),
    providers: table<Provider>('providers'),
    accreditations: table<Accreditation>('accreditations'),
    documents: table<Document>('documents'),
    commissioners: table<Commissioner>('commissioners'),
    codelists,
    templates,
    costStatements,
    issues,
  };
}

function readTable<T>(
  sources: Sources,
  file: string,
  compiled: CompiledTable,
  codelists: ReadonlyMap<string, Codelist>,
  issues: Issue[],
  keepExtraColumns = false,
): Table<T> {
  const fields = compiled.spec.fields;
  const bytes = sources.get(file);
  if (bytes === undefined) {
    issues.push(
      error(
        'file/missing',
        { file, line: 1, column: 1, field: '' },
        `${file} is missing from the register.`,
        `Restore ${file}; every table must be present, even if it has only its header row.`,
      ),
    );
    return { file, present: false, header: [], column: new Map(), rows: [] };
  }
  const parsed = parseTable(file, bytes);
  for (const issue of parsed.issues) issues.push(issue);
  const header = parsed.table.header.map((h) => h.trim());
  const column = new Map<string, number>();
  header.forEach((name, i) => {
    if (!column.has(name)) column.set(name, i);
  });

  // Precompute which columns to read, so the per-row loop does no lookups.
  const readers: [name: string, index: number, list: boolean][] = [];
  for (const f of fields) {
    const index = column.get(f.name);
    if (index !== undefined) readers.push([f.name, index, f.kind === 'list']);
  }
  if (keepExtraColumns) {
    const known = new Set(fields.map((f: { name: string }) => f.name));
    header.forEach((name, i) => {
      if (!known.has(name) && column.get(name) === i) readers.push([name, i, false]);
    });
  }

  const rows: Row<T>[] = new Array(parsed.table.rows.length);
  for (let r = 0; r < parsed.table.rows.length; r++) {
    const { line, cells } = parsed.table.rows[r]!;
    const record: Record<string, string | string[]> = {};
    for (const [name, index, list] of readers) {
      const raw = cells[index];
      if (raw === undefined) continue;
      const value = raw.trim();
      if (value === '') continue;
      record[name] = list ? splitList(value) : value;
    }
    rows[r] = { line, record: record as T };
  }
  appendAll(
    issues,
    validateTable(
      { file, present: true, header, column, rows: parsed.table.rows },
      compiled,
      codelists,
      rows.map((r) => r.record as object),
    ),
  );
  return { file, present: true, header, column, rows };
}

/** `a; b;;c` → `['a', 'b', 'c']`: the `;`-separated list cells of the data standard. */
export function splitList(value: string): string[] {
  if (!value.includes(';')) return value === '' ? [] : [value];
  const items: string[] = [];
  for (const part of value.split(';')) {
    const item = part.trim();
    if (item !== '') items.push(item);
  }
  return items;
}

function readJson<T>(sources: Sources, file: string, issues: Issue[]): JsonSource<T> {
  const bytes = sources.get(file);
  if (bytes === undefined) {
    issues.push(
      error(
        'file/missing',
        { file, line: 1, column: 1, field: '' },
        `${file} is missing from the register.`,
        `Restore ${file}.`,
      ),
    );
    return { file, text: '', value: undefined };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    issues.push(
      error(
        'json/encoding',
        { file, line: 1, column: 1, field: '' },
        `${file} is not UTF-8 text.`,
        'Save it as UTF-8.',
      ),
    );
    return { file, text: '', value: undefined };
  }
  try {
    return { file, text, value: JSON.parse(text) as T };
  } catch (e) {
    const { line, column } = jsonErrorPosition(text, e);
    issues.push(
      error(
        'json/syntax',
        { file, line, column, field: '' },
        `${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`,
        'Check for a missing comma or quote, or a trailing comma, just before this point.',
      ),
    );
    return { file, text, value: undefined };
  }
}

function jsonErrorPosition(text: string, e: unknown): { line: number; column: number } {
  const message = e instanceof Error ? e.message : '';
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return { line: 1, column: 1 };
  const before = text.slice(0, Number(position[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
