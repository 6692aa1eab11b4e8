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

/** Rows per INSERT statement: SQLite parses a long statement far faster than it binds values. */
const ROWS_PER_STATEMENT = 500;

/**
 * A value as an SQL literal. Text is quoted with `'` doubled; a NUL (which would end the
 * statement's C string) is spliced in with `char(0)`. Writing literals rather than binding
 * each value is what makes 780,000 rows take seconds, not minutes, in WebAssembly.
 */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'string') throw new Error('binary values are not written');
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return value.includes('\0') ? `(${quoted.split('\0').join("' || char(0) || '")})` : quoted;
}

export async function writeSqlite(tables: readonly DownloadTable[]): Promise<Uint8Array> {
  const sqlite3 = await loadSqlite();
  const db: Database = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    // Fixed settings, so the bytes depend on the data alone.
    db.exec('PRAGMA page_size = 4096; PRAGMA encoding = "UTF-8"; PRAGMA journal_mode = OFF');
    const schema = sqliteSchema(tables);
    const later = (s: string) => s.startsWith('CREATE INDEX') || s.startsWith('CREATE VIRTUAL');
    for (const statement of schema.filter((s) => !later(s))) db.exec(statement);
    // Rows first, then indexes and full-text indexes over them: faster than keeping them up.
    for (const table of tables) {
      const into = `INSERT INTO ${quote(sqlTableName(table.name))} (${table.fields.map((f) => quote(f.name)).join(', ')}) VALUES\n`;
      db.exec('BEGIN');
      for (let i = 0; i < table.records.length; i += ROWS_PER_STATEMENT) {
        const rows = table.records
          .slice(i, i + ROWS_PER_STATEMENT)
          .map(
            (r) => `(${table.fields.map((f) => sqlLiteral(sqlValue(f, r[f.name]))).join(', ')})`,
          );
        db.exec(into + rows.join(',\n'));
      }
      db.exec('COMMIT');
    }
    for (const statement of schema.filter(later)) db.exec(statement);
    for (const table of tables) {
      if (fullTextColumns(table).length === 0) continue;
      const fts = quote(ftsTableName(table.name));
      db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`);
      db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('optimize')`);
    }
    db.exec('ANALYZE');
    return sqlite3.capi.sqlite3_js_db_export(db);
  } finally {
    db.close();
  }
}
