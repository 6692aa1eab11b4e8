/**
 * Frictionless Table Schema (v1) for a download table, derived from the same field descriptions
 * as the files: types, required, unique, patterns, lengths, codelist values as `enum`, primary
 * and foreign keys. List fields (`;`-separated in CSV) are strings whose pattern only allows
 * items from the list's codelist or item pattern.
 */
import type { DownloadField, DownloadTable } from './downloads/downloadTable.ts';

export interface TableSchemaField {
  name: string;
  title: string;
  description: string;
  type: 'string' | 'date' | 'integer' | 'number' | 'boolean';
  format?: string;
  example?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    pattern?: string;
    enum?: string[];
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
  };
}

export interface TableSchema {
  fields: TableSchemaField[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  missingValues: string[];
}

export function toTableSchema(
  table: DownloadTable,
  /** Resources the package holds: keys to anything else are left out. */
  resources?: ReadonlySet<string>,
): TableSchema {
  const foreignKeys = table.foreignKeys
    .filter((k) => !resources || resources.has(k.reference.resource))
    .map((k) => ({
      fields: [...k.fields],
      reference: { ...k.reference, fields: [...k.reference.fields] },
    }));
  return {
    fields: table.fields.map(toField),
    primaryKey: [...table.primaryKey],
    ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
    missingValues: [''],
  };
}

function toField(f: DownloadField): TableSchemaField {
  const field: TableSchemaField = {
    name: f.name,
    title: f.title,
    description: [f.description, f.requiredWhen].filter(Boolean).join(' '),
    type: f.list ? 'string' : f.type,
  };
  if (f.format && !f.list) field.format = f.format;
  if (f.example !== undefined) field.example = f.example;
  const c: NonNullable<TableSchemaField['constraints']> = {};
  if (f.required) c.required = true;
  if (f.unique) c.unique = true;
  if (f.list) {
    const item = f.enum
      ? alternatives(f.enum)
      : f.pattern
        ? group(fullMatchPattern(f.pattern))
        : undefined;
    if (item) c.pattern = `${item}(;${item})*`;
  } else {
    if (f.enum) c.enum = [...f.enum];
    else if (f.pattern) c.pattern = fullMatchPattern(f.pattern);
    if (f.type === 'string') {
      if (f.minLength !== undefined) c.minLength = f.minLength;
      if (f.maxLength !== undefined) c.maxLength = f.maxLength;
    }
  }
  if (f.minimum !== undefined) c.minimum = f.minimum;
  if (f.maximum !== undefined) c.maximum = f.maximum;
  if (Object.keys(c).length > 0) field.constraints = c;
  return field;
}

/**
 * JSON Schema patterns find a match anywhere in the value (ECMAScript); Table Schema patterns
 * must match the whole value (XML Schema style, no anchors, no `(?:`). `^P[0-9]{6}$` becomes
 * `P[0-9]{6}`; `^https?://` becomes `https?://.*`.
 */
export function fullMatchPattern(pattern: string): string {
  let core = pattern;
  const anchoredStart = core.startsWith('^');
  if (anchoredStart) core = core.slice(1);
  const anchoredEnd = /(^|[^\\])\$$/.test(core);
  if (anchoredEnd) core = core.slice(0, -1);
  core = core.replace(/\(\?:/g, '(');
  if (anchoredStart && anchoredEnd) return group(core);
  return `${anchoredStart ? '' : '.*'}${group(core)}${anchoredEnd ? '' : '.*'}`;
}

/** Wraps a pattern with a top-level `|` so that text around it binds to the whole. */
function group(pattern: string): string {
  let depth = 0;
  let escaped = false;
  let inClass = false;
  for (const ch of pattern) {
    if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return `(${pattern})`;
  }
  return pattern;
}

function alternatives(values: readonly string[]): string {
  return `(${values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}
