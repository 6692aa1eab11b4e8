/**
 * Test registers: the small valid fixture (tests/fixtures/register/valid) plus the real
 * codelists from data/, as in-memory Sources that a test can edit cell by cell.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatCsv } from '../../scripts/lib/formatCsv.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { parseReference, type Reference } from '../../scripts/lib/reference.ts';
import { validateRegister } from '../../scripts/lib/validateRegister.ts';
import type { Issue } from '../../scripts/lib/issue.ts';
import { ROOT } from '../../scripts/io/projectRoot.ts';

export { ROOT };
export const VALID_FIXTURE = join(ROOT, 'tests/fixtures/register/valid');
/** The date the fixture is judged as of: KM-000003 expires 2027-05-31, a year later. */
export const FIXTURE_TODAY = '2026-06-01';

let reference: Reference | undefined;
export function realReference(): Reference {
  reference ??= parseReference(readFileSync(join(ROOT, 'reference/postcodes.csv')));
  return reference;
}

/** The fixture register as editable text files, codelists taken from data/codelists. */
export function fixtureFiles(dir = VALID_FIXTURE): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) files.set(name, readFileSync(join(dir, name), 'utf8'));
  const codelists = join(ROOT, 'data/codelists');
  for (const name of readdirSync(codelists)) {
    files.set(`codelists/${name}`, readFileSync(join(codelists, name), 'utf8'));
  }
  return files;
}

export function toSources(
  files: ReadonlyMap<string, string | Uint8Array>,
): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  return new Map(
    [...files].map(([path, text]) => [
      path,
      typeof text === 'string' ? encoder.encode(text) : text,
    ]),
  );
}

/**
 * Sets one cell, addressed as a person reads the file: 1-based line (the header is line 1)
 * and column name. Returns the edited files (the input is not changed).
 */
export function setCell(
  files: ReadonlyMap<string, string>,
  file: string,
  line: number,
  column: string,
  value: string,
): Map<string, string> {
  const rows = parse(files.get(file)!, { relax_column_count: true }) as string[][];
  const header = rows[0]!;
  const index = header.indexOf(column);
  if (index === -1) throw new Error(`${file} has no column ${column}`);
  rows[line - 1]![index] = value;
  return new Map(files).set(file, formatCsv(header, rows.slice(1)));
}

/** Appends a row given as column → value (missing columns empty). */
export function addRow(
  files: ReadonlyMap<string, string>,
  file: string,
  values: Record<string, string>,
): Map<string, string> {
  const rows = parse(files.get(file)!, { relax_column_count: true }) as string[][];
  const header = rows[0]!;
  const row = header.map((h) => values[h] ?? '');
  return new Map(files).set(file, formatCsv(header, [...rows.slice(1), row]));
}

/** The file without one of its columns, as a register written before that column existed. */
export function dropColumn(
  files: ReadonlyMap<string, string>,
  file: string,
  column: string,
): Map<string, string> {
  const rows = parse(files.get(file)!) as string[][];
  const at = rows[0]!.indexOf(column);
  const without = rows.map((r) => r.filter((_, i) => i !== at));
  return new Map(files).set(file, formatCsv(without[0]!, without.slice(1)));
}

export function validateFiles(
  files: ReadonlyMap<string, string | Uint8Array>,
  today = FIXTURE_TODAY,
): Issue[] {
  return validateRegister(loadRegister(toSources(files)), { today, reference: realReference() });
}

/** The issues with a code, reduced to where they point: what the fixture tests assert. */
export function located(issues: readonly Issue[], code: string) {
  return issues
    .filter((i) => i.code === code)
    .map(({ severity, file, line, column, field }) => ({ severity, file, line, column, field }));
}
