/**
 * A table as the downloads publish it: typed fields described once, and records of typed
 * values. Every download format (CSV, JSON, XLSX), the Table Schema in datapackage.json and the
 * data dictionary are written from this one description, so they cannot disagree.
 */

/** A cell: text, a date (ISO text, typed by its field), a number, a yes/no, or a list. */
export type CellValue = string | number | boolean | readonly string[] | undefined;

export type DownloadRecord = Readonly<Record<string, CellValue>>;

export type FieldType = 'string' | 'date' | 'integer' | 'number' | 'boolean';

export interface DownloadField {
  name: string;
  title: string;
  description: string;
  /** The type of the value, or of each item of a list. */
  type: FieldType;
  /** A list: `;`-separated in CSV, an array in JSON, `;`-separated text in XLSX. */
  list: boolean;
  required: boolean;
  /** When the field is required only in some rows: says when, in plain English. */
  requiredWhen?: string;
  unique?: boolean;
  format?: 'email' | 'uri';
  /** A JSON Schema (ECMAScript) pattern each value, or each list item, matches. */
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** The codelist the values, or list items, are drawn from. */
  codelist?: string;
  /** The allowed values, or list items (for codelists, the codes). */
  enum?: readonly string[];
  example?: string;
}

export interface ForeignKeyRef {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface DownloadTable {
  /** Frictionless resource name: lower case, digits and `-`. */
  name: string;
  /** Path of the files without extension, relative to the download folder: `codelists/services`. */
  path: string;
  title: string;
  description: string;
  fields: readonly DownloadField[];
  primaryKey: readonly string[];
  foreignKeys: readonly ForeignKeyRef[];
  records: readonly DownloadRecord[];
  /** The JSON Schema each JSON record validates against, when there is one. */
  jsonSchema?: string;
  /** The register file the table is a copy of, when it is one (canonical CSV). */
  source?: string;
}

/** `'a;b'` for a list, the value as text otherwise: how a cell is written in CSV. */
export function cellText(value: CellValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value.join(';');
}
