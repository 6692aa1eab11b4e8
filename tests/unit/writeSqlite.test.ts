import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATASETTE_METADATA_FILE,
  buildDownloads,
  type DownloadSet,
} from '../../scripts/lib/downloads/buildDownloads.ts';
import {
  ftsTableName,
  sqlTableName,
  writeSqlite,
} from '../../scripts/lib/downloads/writeSqlite.ts';
import { setCell } from '../support/register.ts';
import {
  OPEN_DATA_TODAY,
  UNICODE_NAME,
  loadOpenDataRegister,
  openDataFiles,
  schemaFiles,
} from '../support/openDataRegister.ts';

const DATABASE = 'kitemark-register-fixture.sqlite';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let set: DownloadSet;
let dir: string;

beforeAll(async () => {
  const files = setCell(openDataFiles(), 'providers.csv', 2, 'company_number', '01234567');
  set = await buildDownloads({
    loaded: loadOpenDataRegister(files),
    asAt: OPEN_DATA_TODAY,
    created: '2026-06-01T09:30:00Z',
    schemaFiles: schemaFiles(),
  });
  dir = mkdtempSync(join(tmpdir(), 'kitemark-sqlite-'));
  writeFileSync(join(dir, DATABASE), set.files.get(DATABASE)!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs Python's own sqlite3 (an independent SQLite) on the database; prints JSON. */
function python(script: string): unknown {
  const out = execFileSync(
    'python3',
    [
      '-c',
      `import json, sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\n${script}`,
      join(dir, DATABASE),
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}

describe('the SQLite database', () => {
  it('holds every CSV as a table, row for row and value for value', () => {
    const dump = python(`
out = {}
virtual = [r[0] for r in db.execute("select name from sqlite_master where sql like 'CREATE VIRTUAL TABLE%'")]
for (name,) in db.execute("select name from sqlite_master where type = 'table' and sql like 'CREATE TABLE%' and name not like 'sqlite%'"):
    # The full-text index's own tables
    if any(name.startswith(v + '_') for v in virtual): continue
    cur = db.execute(f'select * from "{name}" order by rowid')
    out[name] = {"columns": [d[0] for d in cur.description], "rows": cur.fetchall()}
print(json.dumps(out))`) as Record<string, { columns: string[]; rows: unknown[][] }>;
    const csvs = set.tables.map((t) => t.path);
    expect(Object.keys(dump).sort()).toEqual(set.tables.map((t) => sqlTableName(t.name)).sort());
    expect(csvs.length).toBeGreaterThan(20);
    for (const t of set.tables) {
      const [header, ...rows] = parse(set.files.get(`${t.path}.csv`)!) as string[][];
      const got = dump[sqlTableName(t.name)]!;
      expect(got.columns, t.name).toEqual(header);
      expect(got.rows.length, t.name).toBe(rows.length);
      got.rows.forEach((row, i) =>
        row.forEach((value, j) => {
          const f = t.fields[j]!;
          const cell = rows[i]![j]!;
          const expected =
            cell === ''
              ? null
              : f.list
                ? cell
                : f.type === 'boolean'
                  ? cell === 'true'
                    ? 1
                    : 0
                  : f.type === 'integer' || f.type === 'number'
                    ? Number(cell)
                    : cell;
          expect(value, `${t.name} row ${i + 2} ${f.name}`).toEqual(expected);
        }),
      );
    }
  });

  it('keeps identifiers as text, leading zeros included, and declares every column type', () => {
    const result = python(`
print(json.dumps([
  db.execute("select typeof(company_number), company_number from providers where company_number like '0%'").fetchone(),
  db.execute("select typeof(days_to_expiry) from providers_with_status where days_to_expiry is not null").fetchone(),
  [r[2] for r in db.execute('pragma table_info("providers")')],
]))`) as [[string, string], [string], string[]];
    expect(result[0]).toEqual(['text', '01234567']);
    expect(result[1]).toEqual(['integer']);
    expect(result[2].every((t) => ['TEXT', 'INTEGER', 'REAL'].includes(t))).toBe(true);
  });

  it('declares primary and foreign keys that the data keeps, with an index on each foreign key', () => {
    const result = python(`
print(json.dumps({
  "integrity": db.execute("pragma integrity_check").fetchone()[0],
  "violations": db.execute("pragma foreign_key_check").fetchall(),
  "pk": [r[1] for r in db.execute('pragma table_info("documents")') if r[5] > 0],
  "fks": [[r[2], r[3], r[4]] for r in db.execute('pragma foreign_key_list("accreditations")')],
  "indexes": [r[1] for r in db.execute('pragma index_list("accreditations")')],
}))`) as {
      integrity: string;
      violations: unknown[];
      pk: string[];
      fks: string[][];
      indexes: string[];
    };
    expect(result.integrity).toBe('ok');
    expect(result.violations).toEqual([]);
    expect(result.pk).toEqual(['provider_id', 'document_type']);
    expect(result.fks).toContainEqual(['providers', 'provider_id', 'provider_id']);
    expect(result.fks).toContainEqual(['codelist_accreditation_statuses', 'status', 'code']);
    expect(result.indexes).toContain('idx_accreditations_provider_id');
  });

  it('finds providers by words of their names and descriptions, accents or not (FTS5)', () => {
    const fts = ftsTableName('providers');
    const search = (q: string) =>
      python(
        `
print(json.dumps([r[0] for r in db.execute('select provider_id from providers where rowid in (select rowid from "${fts}" where "${fts}" match ?) order by provider_id', (sys.argv[2],))]))`.replace(
          'sys.argv[2]',
          JSON.stringify(q),
        ),
      ) as string[];
    const unicode = set.tables[0]!.records.find((r) => r['name'] === UNICODE_NAME)!;
    expect(search('llyn')).toEqual([unicode['provider_id']]);
    expect(search('Ffrindiau')).toContain(unicode['provider_id']);
    expect(search('quotes')).toContain('P000004');
    expect(search('nosuchwordanywhere')).toEqual([]);
    const sql = python(
      `print(json.dumps(db.execute("select sql from sqlite_master where name = '${fts}'").fetchone()[0]))`,
    ) as string;
    // Datasette finds a table's full-text index by this form of its SQL.
    expect(sql).toMatch(/VIRTUAL TABLE.*USING fts5.*content=\[providers\]/);
  });

  it('writes any text exactly: quotes, NUL, line breaks, emoji, SQL that is only text', async () => {
    const values = ["it's", 'a\u0000b', "');DROP TABLE t;--", 'line\nbreak', '😀 Llŷn', "''"];
    const bytes = await writeSqlite([
      {
        name: 'tricky',
        path: 'tricky',
        title: 'Tricky',
        description: 'Values that break naive SQL.',
        fields: [
          { name: 'n', title: 'N', description: '', type: 'integer', list: false, required: true },
          {
            name: 'text',
            title: 'Text',
            description: '',
            type: 'string',
            list: false,
            required: false,
          },
          { name: 'x', title: 'X', description: '', type: 'number', list: false, required: false },
        ],
        primaryKey: ['n'],
        foreignKeys: [],
        records: values.map((text, n) => ({ n, text, x: n / 3 })),
      },
    ]);
    const file = join(dir, 'tricky.sqlite');
    writeFileSync(file, bytes);
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import json, sqlite3, sys\nprint(json.dumps(sqlite3.connect(sys.argv[1]).execute("select n, text, x from tricky order by n").fetchall()))',
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(values.map((text, n) => [n, text, n / 3]));
  });

  it('is the same bytes when written again', async () => {
    const again = await writeSqlite(set.tables);
    expect(sha(again)).toBe(sha(set.files.get(DATABASE)!));
  });

  it('is described for Datasette: titles, descriptions, licence, search and labels', () => {
    const metadata = JSON.parse(
      new TextDecoder().decode(set.files.get(DATASETTE_METADATA_FILE)!),
    ) as {
      license: string;
      databases: Record<string, { tables: Record<string, Record<string, unknown>> }>;
    };
    expect(metadata.license).toBe('OGL-UK-3.0');
    const tables = metadata.databases['kitemark-register-fixture']!.tables;
    expect(Object.keys(tables).sort()).toEqual(set.tables.map((t) => sqlTableName(t.name)).sort());
    expect(tables['providers']).toMatchObject({ title: 'Providers', fts_table: 'providers_fts' });
    expect(tables['codelist_services']).toMatchObject({ label_column: 'title' });
    expect((tables['providers']!['columns'] as Record<string, string>)['provider_id']).toMatch(
      /P and six digits/,
    );
  });
});
