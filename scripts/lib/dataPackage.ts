/**
 * `datapackage.json`: a Frictionless Data Package (v1) describing every published file, with its
 * size and SHA-256 hash so anyone can check a copy, and a Table Schema for every CSV. The
 * `version` is the register's; `created` the moment the data was published.
 *
 * Every resource says what it is with `type` (Data Package v2's property, which v1 readers
 * ignore): a CSV of a table is a `table`, JSON is `json`, anything else (the workbook, the
 * SQLite database) a `file`. Without it a reader such as frictionless-py reads the workbook as
 * a table from its first sheet and every JSON Schema as a Table Schema, and reports errors in
 * files that have none. The rules are checked in dataPackageRules.ts.
 */
import { createHash } from 'node:crypto';
import type { RegisterMetadata } from './types.generated.ts';
import type { DownloadTable } from './downloads/downloadTable.ts';
import { toTableSchema, type TableSchema } from './tableSchema.ts';

export const MEDIA_TYPES = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sqlite: 'application/vnd.sqlite3',
  cff: 'application/yaml',
} as const;

/** What the register is about, for catalogues: datapackage.json, CITATION.cff, DCAT. */
export const REGISTER_KEYWORDS = [
  'kitemark',
  'health',
  'social care',
  'voluntary sector',
  'charities',
  'commissioning',
  'England',
];

/** What a resource is: a table (with a Table Schema), a JSON document, or any other file. */
export type ResourceType = 'table' | 'json' | 'file';

export type FileFormat = keyof typeof MEDIA_TYPES;

/** One published file: what it is and its exact bytes. */
export interface PackageFile {
  /** Unique resource name: lower case, digits, `-`, `.` and `_`. */
  name: string;
  /** POSIX path relative to datapackage.json. */
  path: string;
  format: FileFormat;
  title: string;
  description: string;
  /** Size in bytes. */
  bytes: number;
  /** SHA-256 of the bytes, hexadecimal. */
  sha256: string;
  /** For a CSV of a table: its Table Schema is derived from this. */
  table?: DownloadTable;
  /** For JSON: the JSON Schema its content (or each item of it) validates against. */
  jsonSchema?: { $ref: string } | { type: 'array'; items: { $ref: string } };
}

export interface DataPackageOptions {
  meta: RegisterMetadata;
  /** RFC 3339 date-time the data was published. */
  created: string;
  /** A stable identifier for this package, such as the URL of the version's folder. */
  id?: string;
  files: readonly PackageFile[];
}

export interface DataResource {
  profile: 'tabular-data-resource' | 'data-resource';
  type: ResourceType;
  name: string;
  path: string;
  title: string;
  description: string;
  format: FileFormat;
  mediatype: string;
  encoding?: 'utf-8';
  bytes: number;
  hash: string;
  dialect?: Record<string, unknown>;
  schema?: TableSchema;
  jsonSchema?: PackageFile['jsonSchema'];
}

export interface DataPackage {
  profile: 'data-package';
  name: string;
  id?: string;
  title: string;
  description: string;
  version: string;
  created: string;
  homepage?: string;
  keywords: string[];
  licenses: { name: string; title: string; path: string }[];
  contributors: { title: string; path?: string; role: string }[];
  sources?: { title: string; path?: string }[];
  resources: DataResource[];
}

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The CSV dialect of every CSV the register publishes (Frictionless CSV Dialect). */
export const CSV_DIALECT = {
  delimiter: ',',
  lineTerminator: '\n',
  quoteChar: '"',
  doubleQuote: true,
  header: true,
};

export function buildDataPackage(options: DataPackageOptions): DataPackage {
  const { meta } = options;
  const names = new Set(options.files.filter((f) => f.table).map((f) => f.name));
  const resources = options.files.map((file): DataResource => {
    const tabular = file.table !== undefined && file.format === 'csv';
    const resource: DataResource = {
      profile: tabular ? 'tabular-data-resource' : 'data-resource',
      type: tabular ? 'table' : file.format === 'json' ? 'json' : 'file',
      name: file.name,
      path: file.path,
      title: file.title,
      description: file.description,
      format: file.format,
      mediatype: MEDIA_TYPES[file.format],
      ...(file.format === 'csv' || file.format === 'json' || file.format === 'cff'
        ? { encoding: 'utf-8' as const }
        : {}),
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
    };
    if (tabular && file.table) {
      resource.dialect = CSV_DIALECT;
      resource.schema = toTableSchema(file.table, names);
    }
    if (file.jsonSchema) resource.jsonSchema = file.jsonSchema;
    return resource;
  });
  const seen = new Set<string>();
  for (const r of resources) {
    if (seen.has(r.name)) throw new Error(`two resources are named ${r.name}`);
    seen.add(r.name);
  }
  const pkg: DataPackage = {
    profile: 'data-package',
    name: meta.name,
    ...(options.id ? { id: options.id } : {}),
    title: meta.title,
    description: meta.description,
    version: meta.version,
    created: options.created,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    keywords: [...REGISTER_KEYWORDS],
    licenses: [{ name: meta.licence.name, title: meta.licence.title, path: meta.licence.path }],
    contributors: [
      {
        title: meta.publisher.name,
        ...(meta.publisher.url ? { path: meta.publisher.url } : {}),
        role: 'publisher',
      },
    ],
    resources,
  };
  const sources = (meta.sources ?? []).map((s) => ({
    title: `${s.title} (licence: ${s.licence})`,
    ...(s.path ? { path: s.path } : {}),
  }));
  if (sources.length > 0) pkg.sources = sources;
  return pkg;
}

/** `sha256sum -c` compatible: `<hash>  <path>` per file, sorted by path. */
export function formatChecksums(
  files: ReadonlyMap<string, Uint8Array | { sha256: string }>,
): string {
  return [...files]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, f]) => `${f instanceof Uint8Array ? sha256(f) : f.sha256}  ${path}\n`)
    .join('');
}
