/**
 * The data dictionary, derived from the same table descriptions as the downloads (which are
 * derived from the JSON Schemas) and from the issue-code catalogue: every table and field with
 * its title, type, whether it is required, its format or pattern, allowed codes with titles,
 * an example and the validation rules that apply. Nothing in it is written by hand.
 */
import type { Codelist } from './loadRegister.ts';
import type { DownloadField, DownloadTable } from './downloads/downloadTable.ts';
import {
  costStatementRules,
  fileRules,
  rulesForField,
  templateRules,
  type IssueCodeInfo,
} from './issueCodes.ts';
import { TABLES, type TableName } from './schemas.ts';
import { formatCsv } from './formatCsv.ts';

export interface DictionaryCode {
  code: string;
  title: string;
}

export interface DictionaryField {
  name: string;
  title: string;
  description: string;
  /** `text`, `date`, `whole number`, `number`, `true or false`; lists say `list of …`. */
  type: string;
  /** `required`, `optional`, or the condition under which it is required. */
  required: string;
  /** `email address`, `web address (URI)`, `YYYY-MM-DD`, or empty. */
  format?: string;
  /** The regular expression values match (JSON Schema, ECMAScript). */
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** The codelist values come from, with its codes (all of them). */
  codelist?: { name: string; codes: DictionaryCode[] };
  /** Allowed values that are not from a codelist. */
  values?: string[];
  example?: string;
  /** The validation rules (issue codes) that can be raised on this field. */
  rules: IssueCodeInfo[];
  /** The field is a reference to another table. */
  references?: { table: string; field: string };
}

export interface DictionaryTable {
  name: string;
  title: string;
  description: string;
  /** The CSV file, relative to the downloads folder. */
  file: string;
  /** True for the register's own tables; false for tables derived for convenience. */
  source: boolean;
  primaryKey: string[];
  fields: DictionaryField[];
}

export interface DictionaryCodelist {
  name: string;
  /** The CSV file, relative to the downloads folder. */
  file: string;
  codes: (DictionaryCode & { description?: string })[];
}

export interface DataDictionary {
  tables: DictionaryTable[];
  codelists: DictionaryCodelist[];
  /** Rules about whole files (encoding, CSV syntax, headers). */
  fileRules: IssueCodeInfo[];
  /** Rules about contract template files, which the template tables are derived from. */
  templateRules: IssueCodeInfo[];
  /** Rules about published cost statements (cost-statements/*.json). */
  costStatementRules: IssueCodeInfo[];
}

const TYPE_WORDS: Record<DownloadField['type'], string> = {
  string: 'text',
  date: 'date',
  integer: 'whole number',
  number: 'number',
  boolean: 'true or false',
};

export function describeDataDictionary(
  tables: readonly DownloadTable[],
  codelists: ReadonlyMap<string, Codelist>,
): DataDictionary {
  return {
    tables: tables.map((t) => describeTable(t, codelists)),
    codelists: [...codelists.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((c) => ({
        name: c.name,
        file: `codelists/${c.name}.csv`,
        codes: [...c.entries.values()].map((e) => ({
          code: e.code,
          title: e.title,
          ...(e.description ? { description: e.description } : {}),
        })),
      })),
    fileRules: fileRules(),
    templateRules: templateRules(),
    costStatementRules: costStatementRules(),
  };
}

function describeTable(
  t: DownloadTable,
  codelists: ReadonlyMap<string, Codelist>,
): DictionaryTable {
  const spec = t.name in TABLES ? TABLES[t.name as TableName] : undefined;
  return {
    name: t.name,
    title: t.title,
    description: t.description,
    file: `${t.path}.csv`,
    source: t.source !== undefined,
    primaryKey: [...t.primaryKey],
    fields: t.fields.map((f) => {
      const field: DictionaryField = {
        name: f.name,
        title: f.title,
        description: f.description,
        type: f.list ? `list of ${TYPE_WORDS[f.type]} (separated by ;)` : TYPE_WORDS[f.type],
        required: f.required ? 'required' : (f.requiredWhen ?? 'optional'),
        rules: [],
      };
      const format =
        f.format === 'email'
          ? 'email address'
          : f.format === 'uri'
            ? 'web address (http:// or https://)'
            : f.type === 'date'
              ? 'YYYY-MM-DD'
              : undefined;
      if (format) field.format = format;
      if (f.pattern) field.pattern = f.pattern;
      if (f.maxLength !== undefined) field.maxLength = f.maxLength;
      if (f.minimum !== undefined) field.minimum = f.minimum;
      if (f.maximum !== undefined) field.maximum = f.maximum;
      if (f.example !== undefined) field.example = f.example;
      if (f.codelist) {
        const list = codelists.get(f.codelist);
        field.codelist = {
          name: f.codelist,
          codes: list
            ? [...list.entries.values()].map((e) => ({ code: e.code, title: e.title }))
            : [],
        };
      } else if (f.enum) field.values = [...f.enum];
      const reference = t.foreignKeys.find(
        (k) =>
          k.fields.length === 1 &&
          k.fields[0] === f.name &&
          !k.reference.resource.startsWith('codelist-'),
      );
      if (reference)
        field.references = {
          table: reference.reference.resource,
          field: reference.reference.fields[0]!,
        };
      if (spec) {
        const fieldSpec = spec.fields.find((x) => x.name === f.name);
        if (fieldSpec) field.rules = rulesForField(fieldSpec, spec);
      }
      return field;
    }),
  };
}

export const DICTIONARY_CSV_COLUMNS = [
  'table',
  'file',
  'field',
  'title',
  'description',
  'type',
  'required',
  'format',
  'pattern',
  'max_length',
  'codelist',
  'allowed_values',
  'example',
  'rules',
] as const;

/** The dictionary as one row per field, for a spreadsheet. */
export function formatDictionaryCsv(dictionary: DataDictionary): string {
  const rows: string[][] = [];
  for (const t of dictionary.tables) {
    for (const f of t.fields) {
      rows.push([
        t.name,
        t.file,
        f.name,
        f.title,
        f.description,
        f.type,
        f.required,
        f.format ?? '',
        f.pattern ?? '',
        f.maxLength === undefined ? '' : String(f.maxLength),
        f.codelist?.name ?? '',
        f.codelist ? '' : (f.values ?? []).join(';'),
        f.example ?? '',
        f.rules.map((r) => r.code).join(';'),
      ]);
    }
  }
  return formatCsv(DICTIONARY_CSV_COLUMNS, rows);
}

/** The dictionary as JSON: the same facts, for programs. */
export function formatDictionaryJson(dictionary: DataDictionary): string {
  return `${JSON.stringify(
    {
      tables: dictionary.tables.map((t) => ({
        ...t,
        fields: t.fields.map((f) => ({
          ...f,
          rules: f.rules.map((r) => r.code),
        })),
      })),
      rules: Object.fromEntries(
        [
          ...new Map(
            [
              ...dictionary.fileRules,
              ...dictionary.tables.flatMap((t) => t.fields.flatMap((f) => f.rules)),
            ].map((r) => [r.code, r]),
          ).values(),
        ].map((r) => [
          r.code,
          { severity: r.severity, title: r.title, description: r.description },
        ]),
      ),
    },
    null,
    1,
  )}\n`;
}
