/**
 * A table's rows read against its Table Schema as frictionless-py reads them: the header, blank
 * rows, extra and missing cells, every cell's type (by Table Schema's default lexical forms for
 * CSV text, or a spreadsheet cell's own type) and constraints, unique fields and the primary
 * key. The tests read every CSV and every XLSX sheet of the downloads back through it.
 */

export interface RowProblem {
  /** Frictionless's error types: `type-error`, `constraint-error`, `extra-cell`, … */
  code:
    | 'incorrect-label'
    | 'missing-label'
    | 'extra-label'
    | 'blank-row'
    | 'extra-cell'
    | 'missing-cell'
    | 'type-error'
    | 'constraint-error'
    | 'unique-error'
    | 'primary-key';
  /** 1-based row number in the file, the header being row 1. */
  row: number;
  field?: string;
  message: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isString = (v: unknown): v is string => typeof v === 'string';
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : isString(v) ? [v] : []);

/** The parts of a Table Schema field that reading a value needs. */
export interface SchemaField {
  name: string;
  type?: string;
  format?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    pattern?: string;
    enum?: unknown[];
    minLength?: number;
    maxLength?: number;
    minimum?: number | string;
    maximum?: number | string;
  };
}

export interface SchemaLike {
  fields: readonly SchemaField[];
  primaryKey?: string | readonly string[];
  missingValues?: readonly string[];
}

type Cast = { ok: true; value: unknown } | { ok: false };

const TRUE_VALUES = ['true', 'True', 'TRUE', '1'];
const FALSE_VALUES = ['false', 'False', 'FALSE', '0'];

/** A CSV cell read as its field's type, by Table Schema's default lexical forms. */
export function castValue(type: string, text: string): Cast {
  switch (type) {
    case 'string':
    case 'any':
      return { ok: true, value: text };
    case 'integer':
      return /^[+-]?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false };
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(NaN|INF|-INF)$/.test(text)
        ? { ok: true, value: Number(text) }
        : { ok: false };
    case 'boolean':
      return TRUE_VALUES.includes(text)
        ? { ok: true, value: true }
        : FALSE_VALUES.includes(text)
          ? { ok: true, value: false }
          : { ok: false };
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return { ok: false };
      const d = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
        ? { ok: true, value: text }
        : { ok: false };
    }
    case 'datetime':
      return RFC3339.test(text) && !Number.isNaN(Date.parse(text))
        ? { ok: true, value: text }
        : { ok: false };
    case 'year':
      return /^\d{4}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false };
    default:
      return { ok: true, value: text };
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CellProblem {
  code: 'type-error' | 'constraint-error';
  message: string;
}

/**
 * Why one cell does not fit its field, or undefined. `text` cells are CSV text to be read as
 * the field's type; `typed` cells are spreadsheet values (string, number, boolean, Date, null),
 * which must already be of the field's type, as a spreadsheet reader sees them.
 */
export function checkCell(
  field: SchemaField,
  cell: unknown,
  physical: 'text' | 'typed',
  missing: readonly string[] = [''],
): CellProblem | undefined {
  const type_ = (message: string): CellProblem => ({ code: 'type-error', message });
  const constraint = (message: string): CellProblem => ({ code: 'constraint-error', message });
  const type = field.type ?? 'string';
  const c = field.constraints ?? {};
  const empty = cell === null || cell === undefined || (isString(cell) && missing.includes(cell));
  if (empty) return c.required ? constraint('is empty, but the field is required') : undefined;
  let value: unknown;
  if (physical === 'text' || isString(cell)) {
    if (physical === 'typed' && type !== 'string' && type !== 'any')
      return type_(`is the text ${JSON.stringify(cell)}, not a ${type}`);
    const cast = castValue(type, String(cell));
    if (!cast.ok) return type_(`is ${JSON.stringify(cell)}, which is not a ${type}`);
    value = cast.value;
  } else if (cell instanceof Date) {
    if (type !== 'date' && type !== 'datetime') return type_(`is a date, not a ${type}`);
    if (Number.isNaN(cell.getTime())) return type_('is not a valid date');
    const iso = cell.toISOString();
    if (type === 'date' && !iso.endsWith('T00:00:00.000Z'))
      return type_(`is a date and time (${iso}), not a date`);
    value = type === 'date' ? iso.slice(0, 10) : iso;
  } else if (typeof cell === 'number') {
    if (type !== 'number' && type !== 'integer')
      return type_(`is the number ${cell}, not a ${type}`);
    if (type === 'integer' && !Number.isInteger(cell))
      return type_(`is ${cell}, not a whole number`);
    value = cell;
  } else if (typeof cell === 'boolean') {
    if (type !== 'boolean') return type_(`is ${String(cell)}, not a ${type}`);
    value = cell;
  } else return type_(`is a ${typeof cell}, not a ${type}`);

  if (type === 'string' && isString(value)) {
    if (field.format === 'email' && !EMAIL.test(value))
      return type_(`is ${JSON.stringify(value)}, not an email address`);
    if (field.format === 'uri' && !/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(value))
      return type_(`is ${JSON.stringify(value)}, not a URI`);
    if (
      field.format === 'uuid' &&
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
    )
      return type_('is not a UUID');
  }
  if (
    c.enum &&
    !c.enum.some(
      (e) =>
        (isString(e) ? castValue(type, e) : { ok: true, value: e }).ok &&
        equalValue(type, e, value),
    )
  )
    return constraint(`is ${JSON.stringify(value)}, which is not one of the allowed values`);
  if (
    c.pattern !== undefined &&
    isString(value) &&
    !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)
  )
    return constraint(`is ${JSON.stringify(value)}, which does not match the pattern ${c.pattern}`);
  if (isString(value)) {
    const length = [...value].length;
    if (c.minLength !== undefined && length < c.minLength)
      return constraint(`has ${length} characters, fewer than ${c.minLength}`);
    if (c.maxLength !== undefined && length > c.maxLength)
      return constraint(`has ${length} characters, more than ${c.maxLength}`);
  }
  if (c.minimum !== undefined && compare(type, value, c.minimum) < 0)
    return constraint(`is ${String(value)}, below the minimum ${String(c.minimum)}`);
  if (c.maximum !== undefined && compare(type, value, c.maximum) > 0)
    return constraint(`is ${String(value)}, above the maximum ${String(c.maximum)}`);
  return undefined;
}

function equalValue(type: string, allowed: unknown, value: unknown): boolean {
  const a = isString(allowed) ? (castValue(type, allowed) as { value: unknown }).value : allowed;
  return a === value;
}

function compare(type: string, value: unknown, bound: number | string): number {
  const b = isString(bound) ? (castValue(type, bound) as { value?: unknown }).value : bound;
  if (typeof value === 'number' && typeof b === 'number') return value - b;
  return String(value) < String(b) ? -1 : String(value) > String(b) ? 1 : 0;
}

/**
 * Rows of a table (header first) checked against its Table Schema as frictionless-py reads
 * them: the header names and their order, blank rows, extra and missing cells, every cell's
 * type and constraints, unique fields and the primary key.
 */
export function checkTableRows(
  schema: SchemaLike,
  rows: Iterable<readonly unknown[]>,
  physical: 'text' | 'typed',
): RowProblem[] {
  const problems: RowProblem[] = [];
  const fields = schema.fields;
  const missing = schema.missingValues ?? [''];
  const key = list(schema.primaryKey).map(String);
  const keyIndexes = key.map((k) => fields.findIndex((f) => f.name === k));
  const uniques = fields
    .map((f, i) => (f.constraints?.unique ? { i, seen: new Set<string>() } : undefined))
    .filter((u) => u !== undefined);
  const keys = new Set<string>();
  let rowNumber = 0;
  for (const row of rows) {
    rowNumber++;
    if (rowNumber === 1) {
      row.forEach((label, i) => {
        const field = fields[i];
        if (!field)
          problems.push({
            code: 'extra-label',
            row: 1,
            message: `column ${i + 1} is headed "${String(label)}", but the schema has only ${fields.length} fields`,
          });
        else if (label !== field.name)
          problems.push({
            code: 'incorrect-label',
            row: 1,
            field: field.name,
            message: `column ${i + 1} is headed "${String(label)}", but the schema's field ${i + 1} is "${field.name}"`,
          });
      });
      for (let i = row.length; i < fields.length; i++)
        problems.push({
          code: 'missing-label',
          row: 1,
          field: fields[i]!.name,
          message: `the header has no column for "${fields[i]!.name}"`,
        });
      continue;
    }
    const isEmpty = (v: unknown) =>
      v === null || v === undefined || (isString(v) && missing.includes(v));
    if (row.every(isEmpty)) {
      problems.push({ code: 'blank-row', row: rowNumber, message: `row ${rowNumber} is blank` });
      continue;
    }
    for (let i = fields.length; i < row.length; i++) {
      if (!isEmpty(row[i]) || physical === 'text')
        problems.push({
          code: 'extra-cell',
          row: rowNumber,
          message: `row ${rowNumber} has a cell in column ${i + 1}, beyond the schema's ${fields.length} fields`,
        });
    }
    fields.forEach((field, i) => {
      if (i >= row.length && physical === 'text') {
        problems.push({
          code: 'missing-cell',
          row: rowNumber,
          field: field.name,
          message: `row ${rowNumber} has no cell for ${field.name}`,
        });
        return;
      }
      const problem = checkCell(field, row[i], physical, missing);
      if (problem)
        problems.push({
          code: problem.code,
          row: rowNumber,
          field: field.name,
          message: `row ${rowNumber} ${field.name} ${problem.message}`,
        });
    });
    for (const u of uniques) {
      const v = row[u.i];
      if (isEmpty(v)) continue;
      const k = cellKey(v);
      if (u.seen.has(k))
        problems.push({
          code: 'unique-error',
          row: rowNumber,
          field: fields[u.i]!.name,
          message: `row ${rowNumber} ${fields[u.i]!.name} repeats ${JSON.stringify(k)}`,
        });
      u.seen.add(k);
    }
    if (keyIndexes.length > 0 && keyIndexes.every((i) => i >= 0)) {
      const values = keyIndexes.map((i) => row[i]);
      const k = JSON.stringify(values.map(cellKey));
      if (values.some(isEmpty) || keys.has(k))
        problems.push({
          code: 'primary-key',
          row: rowNumber,
          message: `row ${rowNumber} has ${values.some(isEmpty) ? 'an empty' : 'a repeated'} primary key (${key.join(', ')})`,
        });
      keys.add(k);
    }
  }
  return problems;
}

const cellKey = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
