/**
 * Every open-data download of one register, as file bytes by path: each table as CSV and JSON,
 * the joined providers-with-status table, the contract templates (tables and their JSON files),
 * one XLSX workbook, the JSON Schemas, register.json, datapackage.json (sizes and SHA-256 of all
 * of it), SHA256SUMS and a README. The same register, date and schemas give the same bytes, which
 * is what lets a version's snapshot be rebuilt and still match the hashes a paper cited.
 */
import { buildRegister } from '../buildRegister.ts';
import type { LoadedRegister } from '../loadRegister.ts';
import { SCHEMAS, TABLES } from '../schemas.ts';
import contractTemplateSchema from '../../../schema/contract-template.schema.json' with { type: 'json' };
import {
  buildDataPackage,
  formatChecksums,
  type DataPackage,
  type PackageFile,
} from '../dataPackage.ts';
import { collectRegisterTables } from './collectRegisterTables.ts';
import { collectTemplateTables } from './collectTemplateTables.ts';
import type { DownloadTable } from './downloadTable.ts';
import { formatJsonRecord } from './formatTable.ts';
import { formatCsv } from '../formatCsv.ts';
import { cellText } from './downloadTable.ts';
import { createHash } from 'node:crypto';
import { joinProvidersWithStatus } from './joinProvidersWithStatus.ts';
import { MAX_CELL_CHARACTERS, writeWorkbook, type WorkbookProblem } from './writeWorkbook.ts';
import { describeLicence, formatCitation, formatCitationCff } from './citation.ts';
import { writeSqlite } from './writeSqlite.ts';
import { datasetteMetadata } from './datasetteMetadata.ts';
import { publishSchemaFiles, publishedSchemaUrl } from '../schemaUrls.ts';
import { checkDataPackage } from '../dataPackageRules.ts';
import type { Geography } from '../geography/geography.ts';
import { createHsdsMapper } from '../hsds/mapToHsds.ts';
import { writeHsdsPackage } from '../hsds/hsdsTabular.ts';

export interface DownloadOptions {
  loaded: LoadedRegister;
  /** `YYYY-MM-DD`: the day statuses in providers-with-status are judged on. */
  asAt: string;
  /** RFC 3339 date-time the data was published: datapackage.json `created`, the XLSX dates. */
  created: string;
  /** Where the set is published (absolute URL of its folder), for the package id and citation. */
  url?: string;
  /** The JSON Schema files that describe this register, by file name (`providers.schema.json`). */
  schemaFiles: ReadonlyMap<string, Uint8Array>;
  /**
   * Where the schemas are published (absolute URL of their folder, ending `/`): their `$id`s
   * and every `$ref` to them say so, so that a validator can fetch them. Left as written in
   * `schema/` when absent.
   */
  schemaUrl?: string;
  /**
   * England's postcode geography: with it the set includes the register in HSDS 3.0's tabular
   * form (`hsds/`), its locations placed at postcode centroids.
   */
  geography?: Geography;
}

/** The folder of the HSDS 3.0 tabular package inside the download set. */
export const HSDS_FOLDER = 'hsds';

/** Something that stops a download being published as it should be. */
export type DownloadProblem =
  | WorkbookProblem
  | { code: 'csv/formula-like-cell'; table: string; row: number; field: string; message: string }
  | { code: 'datapackage/invalid'; at: string; message: string };

/** Where the files go, as they are made: a folder, or memory (tests, small registers). */
export interface DownloadSink {
  /** Writes one file from its chunks, in order. */
  write(path: string, chunks: Iterable<Uint8Array>): Promise<void>;
}

/** A sink that keeps every file in memory, for tests. */
export function memorySink(): DownloadSink & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    write: async (path, chunks) => {
      files.set(path, new Uint8Array(Buffer.concat([...chunks])));
    },
  };
}

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

export interface DownloadSummary {
  /** The size and SHA-256 of every file written, by path relative to the download folder. */
  files: Map<string, WrittenFile>;
  dataPackage: DataPackage;
  tables: DownloadTable[];
  problems: DownloadProblem[];
}

export interface DownloadSet extends Omit<DownloadSummary, 'files'> {
  /** Every file by path relative to the download folder. */
  files: Map<string, Uint8Array>;
}

export const WORKBOOK_FILE = (name: string) => `${name}.xlsx`;
export const SQLITE_FILE = (name: string) => `${name}.sqlite`;
export const DATASETTE_METADATA_FILE = 'datasette-metadata.json';

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

/** The tables published for a register, in the order they are listed everywhere. */
export function collectDownloadTables(loaded: LoadedRegister, asAt: string): DownloadTable[] {
  const all = collectRegisterTables(loaded);
  const core = all.filter((t) => t.name in TABLES);
  const codelists = all.filter((t) => !(t.name in TABLES));
  return [
    ...core,
    joinProvidersWithStatus(buildRegister(loaded, asAt), loaded.codelists),
    ...collectTemplateTables(loaded.templates, loaded.codelists),
    ...codelists,
  ];
}

/** Every download, in memory: for tests and small registers. */
export async function buildDownloads(options: DownloadOptions): Promise<DownloadSet> {
  const files = new Map<string, Uint8Array>();
  const summary = await writeDownloads(options, {
    write: async (path, chunks) => {
      files.set(path, new Uint8Array(Buffer.concat([...chunks])));
    },
  });
  // In the summary's order (the order they were written).
  return { ...summary, files: new Map([...summary.files.keys()].map((p) => [p, files.get(p)!])) };
}

/** Rows per chunk of CSV or JSON: small enough that a 600,000-row table never is one string. */
const ROWS_PER_CHUNK = 2_000;

function* csvChunks(table: DownloadTable): Generator<Uint8Array> {
  const names = table.fields.map((f) => f.name);
  const header = formatCsv(names, []);
  yield utf8(header);
  for (let i = 0; i < table.records.length; i += ROWS_PER_CHUNK) {
    const rows = table.records
      .slice(i, i + ROWS_PER_CHUNK)
      .map((r) => names.map((n) => cellText(r[n])));
    // The one CSV writer, so every chunk is canonical; each call repeats the header line.
    yield utf8(formatCsv(names, rows).slice(header.length));
  }
}

function* jsonChunks(table: DownloadTable): Generator<Uint8Array> {
  if (table.records.length === 0) {
    yield utf8('[]\n');
    return;
  }
  for (let i = 0; i < table.records.length; i += ROWS_PER_CHUNK) {
    const lines = table.records.slice(i, i + ROWS_PER_CHUNK).map((r) => formatJsonRecord(table, r));
    const last = i + ROWS_PER_CHUNK >= table.records.length;
    yield utf8(`${i === 0 ? '[\n' : ''}${lines.join(',\n')}${last ? '\n]\n' : ',\n'}`);
  }
}

/**
 * Writes every download through `sink`, one file at a time, keeping only each file's size and
 * hash; then datapackage.json, README.md and SHA256SUMS.
 */
export async function writeDownloads(
  options: DownloadOptions,
  sink: DownloadSink,
): Promise<DownloadSummary> {
  const { loaded } = options;
  const meta = loaded.meta.value;
  const problems: DownloadProblem[] = [];
  if (!meta) {
    throw new Error('register.json could not be read, so the downloads have no metadata');
  }
  const tables = collectDownloadTables(loaded, options.asAt);
  for (const problem of checkDownloadTables(tables)) problems.push(problem);
  const schemaRef = (id: string) => publishedSchemaUrl(id, options.schemaUrl);
  const written = new Map<string, WrittenFile>();
  const packageFiles: PackageFile[] = [];
  const write = async (path: string, chunks: Iterable<Uint8Array>): Promise<WrittenFile> => {
    const hash = createHash('sha256');
    let bytes = 0;
    await sink.write(
      path,
      (function* () {
        for (const chunk of chunks) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      })(),
    );
    const file = { bytes, sha256: hash.digest('hex') };
    written.set(path, file);
    return file;
  };

  for (const table of tables) {
    const kind = table.name.startsWith('codelist-') ? 'codelist' : 'table';
    packageFiles.push({
      name: table.name,
      path: `${table.path}.csv`,
      format: 'csv',
      title: table.title,
      description: table.description,
      ...(await write(`${table.path}.csv`, csvChunks(table))),
      table,
    });
    packageFiles.push({
      name: `${table.name}-json`,
      path: `${table.path}.json`,
      format: 'json',
      title: `${table.title} (JSON)`,
      description: `The ${kind} ${table.name} as a JSON array of records: lists are arrays and empty values are left out.`,
      ...(await write(`${table.path}.json`, jsonChunks(table))),
      ...(table.jsonSchema
        ? { jsonSchema: { type: 'array', items: { $ref: schemaRef(table.jsonSchema) } } }
        : {}),
    });
  }

  for (const template of [...loaded.templates].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const [, id, file] = template.file.split('/');
    const version = file?.replace(/\.json$/, '') ?? '';
    packageFiles.push({
      name: `contract-template-${id}-${version}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
      path: template.file,
      format: 'json',
      title: `Contract template ${id} version ${version}`,
      description: 'The contract template exactly as held in the register.',
      ...(await write(template.file, [utf8(template.text)])),
      jsonSchema: { $ref: schemaRef(contractTemplateSchema.$id) },
    });
  }

  const workbookName = WORKBOOK_FILE(meta.name);
  const workbook = await writeWorkbook(tables, {
    title: `${meta.title}, version ${meta.version}`,
    creator: meta.publisher.name,
    created: new Date(options.created),
    lines: readmeLines(meta, options),
  });
  // Found by checkDownloadTables already; the workbook's own check is the last word.
  for (const p of workbook.problems)
    if (!problems.some((q) => q.message === p.message)) problems.push(p);
  packageFiles.push({
    name: 'workbook',
    path: workbookName,
    format: 'xlsx',
    title: 'All tables in one workbook',
    description:
      'Every table as a sheet of one XLSX workbook, with a README sheet and a Fields sheet. Cells are typed (dates, numbers, true/false); none is a formula.',
    ...(await write(workbookName, [workbook.bytes])),
  });

  const sqliteName = SQLITE_FILE(meta.name);
  packageFiles.push({
    name: 'database',
    path: sqliteName,
    format: 'sqlite',
    title: 'All tables in one SQLite database',
    description:
      'Every table in one SQLite database, with declared types, primary and foreign keys, indexes and full-text search of providers (FTS5): ready for SQL, Datasette and Datasette Lite.',
    ...(await write(sqliteName, [await writeSqlite(tables)])),
  });
  packageFiles.push({
    name: 'datasette-metadata',
    path: DATASETTE_METADATA_FILE,
    format: 'json',
    title: 'Datasette metadata for the SQLite database',
    description: `Titles, descriptions, licence and source of the database's tables and columns, for \`datasette ${sqliteName} -m ${DATASETTE_METADATA_FILE}\`.`,
    ...(await write(DATASETTE_METADATA_FILE, [
      utf8(
        `${JSON.stringify(
          datasetteMetadata({
            meta,
            tables,
            database: sqliteName.replace(/\.sqlite$/, ''),
            ...(options.url ? { url: options.url } : {}),
          }),
          null,
          2,
        )}\n`,
      ),
    ])),
  });

  const schemaFiles = publishSchemaFiles(options.schemaFiles, options.schemaUrl);
  for (const [name, bytes] of [...schemaFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { $id?: string; title?: string };
    packageFiles.push({
      name: `schema-${name.replace(/\.schema\.json$|\.json$/, '')}`,
      path: `schema/${name}`,
      format: 'json',
      title: `JSON Schema: ${parsed.title ?? name}`,
      description: `The JSON Schema ${parsed.$id ?? name}: the source of truth for columns, types and codelists.`,
      ...(await write(`schema/${name}`, [bytes])),
      jsonSchema: { $ref: 'https://json-schema.org/draft/2020-12/schema' },
    });
  }
  packageFiles.push({
    name: 'register-metadata',
    path: 'register.json',
    format: 'json',
    title: 'Register metadata',
    description:
      'What the register is, who publishes it, its licence and version (data/register.json).',
    ...(await write('register.json', [utf8(loaded.meta.text)])),
    jsonSchema: { $ref: schemaRef(String(SCHEMAS.register['$id'])) },
  });

  packageFiles.push({
    name: 'citation',
    path: 'CITATION.cff',
    format: 'cff',
    title: 'How to cite this version (Citation File Format)',
    description:
      'The title, version, release date, publisher, licence and address of this version, in Citation File Format 1.2.0, which reference managers and GitHub read.',
    ...(await write('CITATION.cff', [
      utf8(
        formatCitationCff(meta, {
          version: { version: meta.version, released: options.created },
          ...(options.url ? { url: options.url } : {}),
          ...(meta.publisher.url?.startsWith('https://github.com/')
            ? { repository: meta.publisher.url }
            : {}),
        }),
      ),
    ])),
  });

  if (options.geography) {
    // Without site addresses, so the same register gives the same bytes wherever it is published.
    const register = buildRegister(loaded, options.asAt);
    const hsds = await writeHsdsPackage(
      {
        register,
        mapper: createHsdsMapper({ register, geography: options.geography }),
        created: options.created,
      },
      async (path, chunks) => {
        await write(`${HSDS_FOLDER}/${path}`, chunks);
      },
    );
    for (const file of hsds) {
      const { table } = file;
      packageFiles.push({
        name: table ? `hsds-${table.resource.name.replace(/_/g, '-')}` : 'hsds-datapackage',
        path: `${HSDS_FOLDER}/${file.path}`,
        format: table ? 'csv' : 'json',
        title: table
          ? `HSDS 3.0: ${table.resource.name} (${table.rows} rows)`
          : 'HSDS 3.0 tabular data package',
        description: table
          ? `${table.resource.description} Part of the HSDS 3.0 tabular package described by ${HSDS_FOLDER}/datapackage.json.`
          : "The register in the tabular form of Open Referral's Human Services Data Specification 3.0: a Tabular Data Package with the specification's resources, fields and types.",
        bytes: file.bytes,
        sha256: file.sha256,
      });
    }
  }

  const dataPackage = buildDataPackage({
    meta,
    created: options.created,
    ...(options.url ? { id: options.url } : {}),
    files: packageFiles,
  });
  for (const p of checkDataPackage(dataPackage))
    problems.push({ code: 'datapackage/invalid', at: p.at, message: p.message });
  await write('datapackage.json', [utf8(`${JSON.stringify(dataPackage, null, 2)}\n`)]);
  await write('README.md', [utf8(formatReadme(meta, options, tables, workbookName))]);
  await write('SHA256SUMS', [utf8(formatChecksums(written))]);
  return { files: written, dataPackage, tables, problems };
}

// A spreadsheet runs a cell starting with = + - @ (or a tab or CR) as a formula. The register's
// validator rejects such cells (cell/formula), so canonical CSV can be published unchanged;
// this is the last check. Phone numbers may start with +44: digits and spaces, nothing to run.
const FORMULA_START = /^[=+\-@\t\r]/;
const SAFE_PHONE = /^\+44 ?[0-9][0-9 ]{8,12}[0-9]$/;

/**
 * What would stop these tables being published as they should be, found before anything is
 * written: formula-like text, and text longer than a spreadsheet cell holds.
 */
export function checkDownloadTables(tables: readonly DownloadTable[]): DownloadProblem[] {
  const problems: DownloadProblem[] = [];
  for (const table of tables) {
    for (const problem of formulaLikeCells(table)) problems.push(problem);
    for (const [i, record] of table.records.entries()) {
      for (const f of table.fields) {
        const v = record[f.name];
        const length = typeof v === 'string' ? v.length : Array.isArray(v) ? v.join(';').length : 0;
        if (length > MAX_CELL_CHARACTERS) {
          problems.push({
            code: 'xlsx/cell-too-long',
            sheet: table.name,
            row: i + 2,
            field: f.name,
            message: `${table.name} row ${i + 2} ${f.name} has ${length} characters; a spreadsheet cell holds at most ${MAX_CELL_CHARACTERS}.`,
          });
        }
      }
    }
  }
  return problems;
}

function formulaLikeCells(table: DownloadTable): DownloadProblem[] {
  const problems: DownloadProblem[] = [];
  const fields = table.fields.filter((f) => f.type === 'string' || f.list);
  table.records.forEach((record, i) => {
    for (const f of fields) {
      const value = record[f.name];
      const texts = Array.isArray(value)
        ? [value.join(';')]
        : typeof value === 'string'
          ? [value]
          : [];
      for (const text of texts) {
        if (!FORMULA_START.test(text) || SAFE_PHONE.test(text)) continue;
        problems.push({
          code: 'csv/formula-like-cell',
          table: table.name,
          row: i + 2,
          field: f.name,
          message: `${table.name} row ${i + 2} ${f.name} starts with "${text[0] === '\t' ? '\\t' : text[0] === '\r' ? '\\r' : text[0]}", which a spreadsheet would run as a formula.`,
        });
      }
    }
  });
  return problems;
}

function readmeLines(
  meta: NonNullable<LoadedRegister['meta']['value']>,
  options: DownloadOptions,
): [string, string][] {
  return [
    ['Description', meta.description],
    ['Version', meta.version],
    ['Published', options.created],
    ['Status judged on', options.asAt],
    ['Publisher', [meta.publisher.name, meta.publisher.url].filter(Boolean).join(', ')],
    ['Licence', describeLicence(meta)],
    ['How to cite', formatCitation(meta, options.created, options.url)],
    ...(options.url ? ([['Source', options.url]] as [string, string][]) : []),
    [
      'Notes',
      'Dates are real dates shown as YYYY-MM-DD. Identifiers (charity, company and other numbers) are text so that leading zeros are kept. Lists are separated by semicolons. No cell is a formula. The CSV files, datapackage.json and the data dictionary describe the same data.',
    ],
    ...(meta.illustrative
      ? ([
          [
            'Illustrative',
            'The providers in this register are fictional; places, councils and NHS bodies are real.',
          ],
        ] as [string, string][])
      : []),
  ];
}

function formatReadme(
  meta: NonNullable<LoadedRegister['meta']['value']>,
  options: DownloadOptions,
  tables: readonly DownloadTable[],
  workbook: string,
): string {
  const lines = [
    `# ${meta.title}`,
    '',
    `Version ${meta.version}, published ${options.created}. Statuses are judged on ${options.asAt}.`,
    '',
    meta.description,
    '',
    '## Licence',
    '',
    describeLicence(meta),
    '',
    '## How to cite',
    '',
    formatCitation(meta, options.created, options.url),
    '',
    '## Files',
    '',
    '- `datapackage.json`: a Frictionless Data Package describing every file, with its size, SHA-256 hash and, for CSV files, a Table Schema.',
    '- `SHA256SUMS`: the SHA-256 of every file; check a copy with `sha256sum -c SHA256SUMS`.',
    '- `CITATION.cff`: how to cite this version, in Citation File Format.',
    `- \`${workbook}\`: every table as a sheet of one workbook.`,
    `- \`${SQLITE_FILE(meta.name)}\`: every table in one SQLite database with keys, indexes and full-text search of providers; \`${DATASETTE_METADATA_FILE}\` describes it for Datasette (\`datasette ${SQLITE_FILE(meta.name)} -m ${DATASETTE_METADATA_FILE}\`).`,
    ...tables.map(
      (t) => `- \`${t.path}.csv\` and \`${t.path}.json\`: ${t.title} (${t.records.length} rows).`,
    ),
    '- `contract-templates/<id>/<version>.json`: the contract templates as held in the register.',
    '- `schema/`: the JSON Schemas the data follows.',
    '- `register.json`: the register metadata.',
    ...(options.geography
      ? [
          `- \`${HSDS_FOLDER}/\`: the providers and services in Open Referral's HSDS 3.0 tabular form (CSV files and their \`datapackage.json\`).`,
        ]
      : []),
    '',
  ];
  return `${lines.join('\n')}`;
}
