/**
 * The register as one SQLite database, for SQL, Datasette and Datasette Lite: a table per
 * download table (its CSV's columns, in order), with declared types, NOT NULL where a value is
 * required, the primary key, foreign keys to the tables and codelists it refers to, an index
 * on every foreign key, and full-text search (FTS5, as Datasette expects it) on providers'
 * names, other names and descriptions. Values are as in the CSV: dates ISO text, lists
 * `;`-joined text, identifiers text (leading zeros kept), numbers numbers, yes/no 1 or 0.
 *
 * SQLite itself (the official WebAssembly build, so nothing is compiled on install) writes the
 * database in memory; the same tables give the same bytes, which lets a release be hashed.
 */
import type { Database, Sqlite3Static, SqlValue } from '@sqlite.org/sqlite-wasm';
import type { CellValue, DownloadField, DownloadTable } from './downloadTable.ts';

/** Full-text search per table: the columns searched. */
export const FULL_TEXT: Readonly<Record<string, readonly string[]>> = {
  providers: ['name', 'other_names', 'description'],
};

/** A download table's name in SQL: `providers-with-status` is `providers_with_status`. */
export const sqlTableName = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, '_');
/** The full-text index of a table, named as Datasette and sqlite-utils look for it. */
export const ftsTableName = (name: string): string => `${sqlTableName(name)}_fts`;

/** The columns of `table` its full-text index covers (none when it has none). */
export function fullTextColumns(table: DownloadTable): string[] {
  return (FULL_TEXT[table.name] ?? []).filter((c) => table.fields.some((f) => f.name === c));
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The column type a field's values are stored with. */
export function sqlType(field: DownloadField): 'TEXT' | 'INTEGER' | 'REAL' {
  if (field.list) return 'TEXT';
  if (field.type === 'integer' || field.type === 'boolean') return 'INTEGER';
  if (field.type === 'number') return 'REAL';
  return 'TEXT';
}

/** The SQL that creates the tables, keys, indexes and full-text indexes, in order. */
export function sqliteSchema(tables: readonly DownloadTable[]): string[] {
  const present = new Set(tables.map((t) => t.name));
  const statements: string[] = [];
  for (const table of tables) {
    const name = sqlTableName(table.name);
    const lines = table.fields.map(
      (f) =>
        `  ${quote(f.name)} ${sqlType(f)}${f.required ? ' NOT NULL' : ''}${
          f.type === 'boolean' && !f.list ? ` CHECK (${quote(f.name)} IN (0, 1))` : ''
        }`,
    );
    if (table.primaryKey.length > 0)
      lines.push(`  PRIMARY KEY (${table.primaryKey.map(quote).join(', ')})`);
    const keys = table.foreignKeys.filter((k) => present.has(k.reference.resource));
    for (const k of keys) {
      lines.push(
        `  FOREIGN KEY (${k.fields.map(quote).join(', ')}) REFERENCES ${quote(sqlTableName(k.reference.resource))} (${k.reference.fields.map(quote).join(', ')})`,
      );
    }
    statements.push(`CREATE TABLE ${quote(name)} (\n${lines.join(',\n')}\n)`);
    const indexed = new Set<string>();
    for (const k of keys) {
      const columns = k.fields.join(',');
      // The primary key's own index serves a key that starts it.
      if (indexed.has(columns) || table.primaryKey.slice(0, k.fields.length).join(',') === columns)
        continue;
      indexed.add(columns);
      statements.push(
        `CREATE INDEX ${quote(`idx_${name}_${k.fields.join('_')}`)} ON ${quote(name)} (${k.fields.map(quote).join(', ')})`,
      );
    }
    const searched = fullTextColumns(table);
    if (searched.length > 0) {
      statements.push(
        `CREATE VIRTUAL TABLE ${quote(ftsTableName(table.name))} USING fts5 (${searched.map(quote).join(', ')}, tokenize='porter unicode61 remove_diacritics 2', content=[${name}])`,
      );
    }
  }
  return statements;
}

/** A cell as SQLite stores it. */
export function sqlValue(field: DownloadField, value: CellValue): SqlValue {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(';');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (field.type === 'integer' || field.type === 'number') return Number(value);
  return String(value);
}

let sqlite: Promise<Sqlite3Static> | undefined;

/** SQLite, loaded once per process and only when a database is written or read. */
export function loadSqlite(): Promise<Sqlite3Static> {
  sqlite ??= import('@sqlite.org/sqlite-wasm').then((m) =>
    (m as unknown as { default: () => Promise<Sqlite3Static> }).default(),
  );
  return sqlite;
}

/** Rows per transaction: big enough to be fast, small enough to bound the journal. */
const ROWS_PER_TRANSACTION = 50_000;

export async function writeSqlite(tables: readonly DownloadTable[]): Promise<Uint8Array> {
  const sqlite3 = await loadSqlite();
  const db: Database = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    // Fixed settings, so the bytes depend on the data alone.
    db.exec('PRAGMA page_size = 4096; PRAGMA encoding = "UTF-8"; PRAGMA journal_mode = OFF');
    for (const statement of sqliteSchema(tables)) db.exec(statement);
    for (const table of tables) {
      if (table.records.length === 0) continue;
      const name = sqlTableName(table.name);
      const statement = db.prepare(
        `INSERT INTO ${quote(name)} (${table.fields.map((f) => quote(f.name)).join(', ')}) VALUES (${table.fields.map(() => '?').join(', ')})`,
      );
      try {
        const row: SqlValue[] = new Array<SqlValue>(table.fields.length);
        for (let i = 0; i < table.records.length; i += ROWS_PER_TRANSACTION) {
          db.exec('BEGIN');
          const end = Math.min(table.records.length, i + ROWS_PER_TRANSACTION);
          for (let r = i; r < end; r++) {
            const record = table.records[r]!;
            table.fields.forEach((f, j) => (row[j] = sqlValue(f, record[f.name])));
            statement.bind(row).stepReset();
          }
          db.exec('COMMIT');
        }
      } finally {
        statement.finalize();
      }
      if (fullTextColumns(table).length > 0) {
        const fts = quote(ftsTableName(table.name));
        db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`);
        db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('optimize')`);
      }
    }
    db.exec('ANALYZE');
    db.exec('VACUUM');
    return sqlite3.capi.sqlite3_js_db_export(db);
  } finally {
    db.close();
  }
}
