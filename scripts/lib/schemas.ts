/**
 * The data standard, read from the JSON Schemas in `schema/`: the single source of truth for
 * tables, columns, types, codelists and keys. Everything else (validation, the data dictionary,
 * Table Schema, templates, TypeScript types) is derived from what this module exposes.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { isIsoDate } from './dates.ts';
import providersSchema from '../../schema/providers.schema.json' with { type: 'json' };
import accreditationsSchema from '../../schema/accreditations.schema.json' with { type: 'json' };
import documentsSchema from '../../schema/documents.schema.json' with { type: 'json' };
import commissionersSchema from '../../schema/commissioners.schema.json' with { type: 'json' };
import codelistSchema from '../../schema/codelist.schema.json' with { type: 'json' };
import registerSchema from '../../schema/register.schema.json' with { type: 'json' };

export type JsonSchema = Record<string, unknown>;
export type TableName = 'providers' | 'accreditations' | 'documents' | 'commissioners';
export const TABLE_NAMES: readonly TableName[] = [
  'providers',
  'accreditations',
  'documents',
  'commissioners',
];

export interface FieldSpec {
  name: string;
  title: string;
  description: string;
  /** `list` cells hold `;`-separated values. */
  kind: 'text' | 'list';
  required: boolean;
  /** Required unless a condition in the schema's `if` says otherwise. */
  conditional: boolean;
  /**
   * The column may be left out of the file (`x-optional-column`): a column added to the
   * standard later, so registers written before it still validate.
   */
  columnOptional: boolean;
  codelist?: string;
  format?: string;
  pattern?: string;
  maxLength?: number;
  examples: unknown[];
  schema: JsonSchema;
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface TableSpec {
  name: TableName;
  file: string;
  title: string;
  description: string;
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  fields: FieldSpec[];
  schema: JsonSchema;
}

interface XTable {
  name: string;
  file: string;
  title: string;
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
}

const TABLE_SCHEMAS: Record<TableName, JsonSchema> = {
  providers: providersSchema,
  accreditations: accreditationsSchema,
  documents: documentsSchema,
  commissioners: commissionersSchema,
};

export const SCHEMAS = {
  ...TABLE_SCHEMAS,
  codelist: codelistSchema as JsonSchema,
  register: registerSchema as JsonSchema,
};

/** Our annotation keywords: documented in the schemas, ignored by validation itself. */
const ANNOTATIONS = ['x-table', 'x-codelist', 'x-optional-column', 'x-codelist-columns'];

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
  });
  const addFormats = addFormatsModule as unknown as (
    a: Ajv2020,
    options: { mode: 'fast' | 'full'; formats: string[] },
  ) => Ajv2020;
  // A real calendar date, checked without Date objects; the fast forms of uri and email are
  // the same in practice and a tenth of the cost at 50,000 providers.
  addFormats(ajv, { mode: 'fast', formats: ['uri', 'email'] });
  ajv.addFormat('date', isIsoDate);
  for (const keyword of ANNOTATIONS)
    ajv.addKeyword({ keyword, schemaType: ['string', 'object', 'boolean'] });
  return ajv;
}

function fieldSpec(
  name: string,
  schema: JsonSchema,
  required: Set<string>,
  conditional: Set<string>,
): FieldSpec {
  const items = (schema['items'] ?? {}) as JsonSchema;
  const kind = schema['type'] === 'array' ? 'list' : 'text';
  const source = kind === 'list' ? items : schema;
  const spec: FieldSpec = {
    name,
    title: String(schema['title'] ?? name),
    description: String(schema['description'] ?? ''),
    kind,
    required: required.has(name),
    conditional: conditional.has(name),
    columnOptional: schema['x-optional-column'] === true,
    examples: (schema['examples'] as unknown[] | undefined) ?? [],
    schema,
  };
  if (typeof source['x-codelist'] === 'string') spec.codelist = source['x-codelist'];
  if (typeof source['format'] === 'string') spec.format = source['format'];
  if (typeof source['pattern'] === 'string') spec.pattern = source['pattern'];
  if (typeof schema['maxLength'] === 'number') spec.maxLength = schema['maxLength'];
  return spec;
}

/** Fields named in any `required` of an if/then/else branch. */
function conditionallyRequired(schema: JsonSchema): Set<string> {
  const names = new Set<string>();
  for (const branch of ['then', 'else']) {
    const required = (schema[branch] as JsonSchema | undefined)?.['required'];
    if (Array.isArray(required)) for (const n of required) names.add(String(n));
  }
  return names;
}

function tableSpec(schema: JsonSchema): TableSpec {
  const x = schema['x-table'] as XTable;
  const properties = schema['properties'] as Record<string, JsonSchema>;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const conditional = conditionallyRequired(schema);
  return {
    name: x.name as TableName,
    file: x.file,
    title: x.title,
    description: String(schema['description'] ?? ''),
    primaryKey: x.primaryKey,
    foreignKeys: x.foreignKeys ?? [],
    fields: Object.entries(properties).map(([n, s]) => fieldSpec(n, s, required, conditional)),
    schema,
  };
}

export const TABLES: Record<TableName, TableSpec> = {
  providers: tableSpec(providersSchema),
  accreditations: tableSpec(accreditationsSchema),
  documents: tableSpec(documentsSchema),
  commissioners: tableSpec(commissionersSchema),
};

/** Codelists share one schema; `file` is a pattern, one table per codelist. */
export const CODELIST_TABLE: TableSpec = {
  ...tableSpec(codelistSchema),
  name: 'codelists' as TableName,
};
export const CODELIST_FIELDS = CODELIST_TABLE.fields;

/** Every codelist a table column draws on. */
export function codelistsUsed(): string[] {
  const names = new Set<string>();
  for (const t of Object.values(TABLES))
    for (const f of t.fields) if (f.codelist) names.add(f.codelist);
  return [...names].sort();
}

export interface CompiledTable {
  spec: TableSpec;
  /** One validator per column, so every failure lands on its own cell. */
  cell: Map<string, ValidateFunction>;
  /** The schema's whole-row conditions (if/then/else), run on the typed record. */
  row: ValidateFunction | undefined;
}

export function compileTable(ajv: Ajv2020, spec: TableSpec): CompiledTable {
  const cell = new Map<string, ValidateFunction>();
  for (const f of spec.fields) {
    const { title: _t, description: _d, examples: _e, ...rules } = f.schema;
    cell.set(f.name, ajv.compile(rules));
  }
  const { if: condition, then, else: otherwise } = spec.schema;
  const row =
    condition === undefined
      ? undefined
      : ajv.compile({ if: condition, then: then ?? {}, else: otherwise ?? {} });
  return { spec, cell, row };
}

export interface CompiledSchemas {
  tables: Record<TableName, CompiledTable>;
  codelist: CompiledTable;
  register: ValidateFunction;
  ajv: Ajv2020;
}

let compiledCache: CompiledSchemas | undefined;

/** Compiling is the slow part of a small run, so it happens once per process. */
export function compiledSchemas(): CompiledSchemas {
  if (!compiledCache) {
    const ajv = createAjv();
    const tables = Object.fromEntries(
      Object.values(TABLES).map((spec) => [spec.name, compileTable(ajv, spec)]),
    ) as Record<TableName, CompiledTable>;
    compiledCache = {
      tables,
      codelist: compileTable(ajv, CODELIST_TABLE),
      register: ajv.compile(SCHEMAS.register),
      ajv,
    };
  }
  return compiledCache;
}
