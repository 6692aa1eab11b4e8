/**
 * Datasette's metadata for the SQLite database (`datasette kitemark-register.sqlite -m
 * datasette-metadata.json`, or Datasette Lite's `?metadata=` address): the register's title,
 * licence and source, and each table's and column's title and description, so the
 * database explains itself as the data dictionary does. Codelists show their titles where
 * other tables refer to them, and providers are searched through their full-text index.
 */
import type { RegisterMetadata } from '../types.generated.ts';
import type { DownloadTable } from './downloadTable.ts';
import { ftsTableName, fullTextColumns, sqlTableName } from './writeSqlite.ts';

export interface DatasetteMetadataOptions {
  meta: RegisterMetadata;
  tables: readonly DownloadTable[];
  /** The database's name in Datasette: its file name without `.sqlite`. */
  database: string;
  /** Where the data is published, for "source". */
  url?: string;
}

export function datasetteMetadata(options: DatasetteMetadataOptions): Record<string, unknown> {
  const { meta } = options;
  const tables = Object.fromEntries(
    options.tables.map((t) => {
      const fts = fullTextColumns(t).length > 0;
      const label = t.fields.some((f) => f.name === 'title')
        ? 'title'
        : t.fields.some((f) => f.name === 'name')
          ? 'name'
          : undefined;
      return [
        sqlTableName(t.name),
        {
          title: t.title,
          description: t.description,
          ...(label ? { label_column: label } : {}),
          ...(fts ? { fts_table: ftsTableName(t.name) } : {}),
          columns: Object.fromEntries(
            t.fields.map((f) => [
              f.name,
              [f.description, f.requiredWhen].filter(Boolean).join(' '),
            ]),
          ),
        },
      ];
    }),
  );
  return {
    title: meta.title,
    description: meta.description,
    license: meta.licence.name,
    license_url: meta.licence.path,
    source: meta.publisher.name,
    ...(options.url
      ? { source_url: options.url }
      : meta.homepage
        ? { source_url: meta.homepage }
        : {}),
    databases: { [options.database]: { tables } },
  };
}
