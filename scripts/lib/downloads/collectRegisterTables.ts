/**
 * The register's own tables (providers, accreditations, documents, commissioners) and every
 * codelist, as download tables: fields from the JSON Schemas, records exactly as loaded, in key
 * order. Their CSV is the canonical form of the register file it came from.
 */
import { isIsoDate } from '../dates.ts';
import { describeRequirement } from '../describeRequirement.ts';
import type { Codelist, LoadedRegister, Table } from '../loadRegister.ts';
import { capitalise } from '../words.ts';
import {
  CODELIST_TABLE,
  SCHEMAS,
  TABLES,
  TABLE_NAMES,
  type FieldSpec,
  type TableSpec,
} from '../schemas.ts';
import type {
  CellValue,
  DownloadField,
  DownloadRecord,
  DownloadTable,
  ForeignKeyRef,
} from './downloadTable.ts';

/** The resource name of a codelist's table in the data package. */
export const codelistResource = (name: string): string => `codelist-${name}`;

export function collectRegisterTables(loaded: LoadedRegister): DownloadTable[] {
  const tables: DownloadTable[] = [];
  for (const name of TABLE_NAMES) {
    const spec = TABLES[name];
    const table = loaded[name] as Table<object>;
    tables.push({
      name,
      path: name,
      title: spec.title,
      description: spec.description,
      fields: spec.fields.map((f) => fieldFromSpec(f, spec, loaded.codelists)),
      primaryKey: spec.primaryKey,
      foreignKeys: [...spec.foreignKeys, ...codelistKeys(spec.fields, loaded.codelists)],
      records: sortByKey(
        table.rows.map((r) => r.record as DownloadRecord),
        spec.primaryKey,
      ),
      jsonSchema: String(spec.schema['$id']),
      source: spec.file,
    });
  }
  for (const codelist of [...loaded.codelists.values()].sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    tables.push(codelistTable(codelist, loaded.codelists));
  }
  return tables;
}

/** One field described from the schema, with the codes of its codelist as its allowed values. */
export function fieldFromSpec(
  f: FieldSpec,
  table: TableSpec,
  codelists: ReadonlyMap<string, Codelist>,
): DownloadField {
  const source =
    f.kind === 'list' ? ((f.schema['items'] ?? {}) as Record<string, unknown>) : f.schema;
  const field: DownloadField = {
    name: f.name,
    title: f.title,
    description: f.description,
    type: f.format === 'date' ? 'date' : 'string',
    list: f.kind === 'list',
    required: f.required,
  };
  const when = f.conditional ? describeRequirement(table, f.name) : undefined;
  if (when) field.requiredWhen = when;
  if (table.primaryKey.length === 1 && table.primaryKey[0] === f.name) field.unique = true;
  if (f.format === 'email' || f.format === 'uri') field.format = f.format;
  if (f.pattern) field.pattern = f.pattern;
  if (typeof source['minLength'] === 'number') field.minLength = source['minLength'];
  if (f.maxLength !== undefined) field.maxLength = f.maxLength;
  if (f.codelist) {
    field.codelist = f.codelist;
    const codes = codelists.get(f.codelist);
    if (codes) field.enum = [...codes.entries.keys()];
  }
  const example = f.examples[0];
  if (example !== undefined)
    field.example = Array.isArray(example) ? example.join(';') : String(example);
  return field;
}

/** Single-value codelist fields refer to the codelist's table, so relational tools can join. */
function codelistKeys(
  fields: readonly FieldSpec[],
  codelists: ReadonlyMap<string, Codelist>,
): ForeignKeyRef[] {
  return fields
    .filter((f) => f.kind === 'text' && f.codelist && codelists.has(f.codelist))
    .map((f) => ({
      fields: [f.name],
      reference: { resource: codelistResource(f.codelist!), fields: ['code'] },
    }));
}

function codelistTable(
  codelist: Codelist,
  codelists: ReadonlyMap<string, Codelist>,
): DownloadTable {
  const known = CODELIST_TABLE.fields.map((f) => f.name);
  const records = sortByKey(
    codelist.table.rows.map((r) => r.record as unknown as DownloadRecord),
    ['code'],
  );
  const fields: DownloadField[] = CODELIST_TABLE.fields.map((f) =>
    fieldFromSpec(f, CODELIST_TABLE, codelists),
  );
  const foreignKeys: ForeignKeyRef[] = [];
  for (const column of codelist.table.header) {
    if (known.includes(column) || fields.some((f) => f.name === column)) continue;
    const { field, key } = describeExtraColumn(column, records, codelists);
    fields.push(field);
    if (key) foreignKeys.push(key);
  }
  return {
    name: codelistResource(codelist.name),
    path: `codelists/${codelist.name}`,
    title: `Codelist: ${codelist.name}`,
    description: `${CODELIST_TABLE.description} The ${codelist.name} codelist.`,
    fields,
    primaryKey: ['code'],
    foreignKeys,
    records,
    jsonSchema: String(SCHEMAS.codelist['$id']),
    source: codelist.file,
  };
}

/**
 * Codelists may carry extra columns the schema leaves open (a council's region, a document
 * type's `mandatory`). Their type is read from the values: dates when every value is a date;
 * a reference to another codelist when the column is named after it (`nhs_region` →
 * `nhs-regions`) and every value is one of its codes.
 */
function describeExtraColumn(
  column: string,
  records: readonly DownloadRecord[],
  codelists: ReadonlyMap<string, Codelist>,
): { field: DownloadField; key?: ForeignKeyRef } {
  const values = records
    .map((r) => r[column])
    .filter((v): v is string => typeof v === 'string' && v !== '');
  const field: DownloadField = {
    name: column,
    title: humanise(column),
    description: `An extra column of this codelist (${column}).`,
    type: values.length > 0 && values.every((v) => isIsoDate(v)) ? 'date' : 'string',
    list: false,
    required: false,
  };
  const target = codelists.get(`${column.replace(/_/g, '-')}s`);
  if (target && values.length > 0 && values.every((v) => target.entries.has(v))) {
    field.codelist = target.name;
    field.enum = [...target.entries.keys()];
    field.description = `A code from the ${target.name} codelist.`;
    return {
      field,
      key: {
        fields: [column],
        reference: { resource: codelistResource(target.name), fields: ['code'] },
      },
    };
  }
  return { field };
}

const ACRONYMS = new Set(['nhs', 'gss', 'ods', 'cqc', 'id', 'url']);

/** `nhs_region` → `NHS region`. */
export function humanise(name: string): string {
  const words = name.split(/[_-]+/).map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w));
  const first = words[0] ?? '';
  return [capitalise(first), ...words.slice(1)].join(' ');
}

/** Canonical order: by key, compared as text, as `kitemark fix` sorts the files. */
export function sortByKey<T extends DownloadRecord>(
  records: readonly T[],
  key: readonly string[],
): T[] {
  const text = (v: CellValue) => (v === undefined ? '' : String(v));
  return [...records].sort((a, b) => {
    for (const k of key) {
      const x = text(a[k]);
      const y = text(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
