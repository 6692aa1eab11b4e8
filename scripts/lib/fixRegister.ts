/**
 * `kitemark fix`: every mechanical repair, and nothing else. Trims cells; normalises postcodes,
 * company, charity and OSCR numbers, dates, links, email addresses and fingerprints; corrects the
 * case of codes; tidies `;` lists; adds columns the standard added later; writes canonical CSV
 * (schema column order, minimal quoting, LF, no BOM) sorted by key. Idempotent. A file whose
 * CSV cannot be read safely is left untouched. Removes invisible and control characters from
 * free text (see textPolicy).
 */
import {
  fixCharityNumber,
  fixCompanyNumber,
  fixDate,
  fixEmail,
  fixLink,
  fixOscrNumber,
  fixPostcode,
} from './cellFixes.ts';
import { formatCsv } from './formatCsv.ts';
import { parseTable } from './parseTable.ts';
import { CODELIST_FIELDS, TABLES, type FieldSpec } from './schemas.ts';
import { codeInOtherCase } from './suggest.ts';
import { MULTILINE_FIELDS, removeInvisible } from './textPolicy.ts';
import type { Sources } from './loadRegister.ts';

export interface FixChange {
  file: string;
  line: number;
  field: string;
  kind: string;
  before: string;
  after: string;
}

export interface FixResult {
  /** New contents of each file that changed. */
  files: Map<string, string>;
  changes: FixChange[];
  /** Files left alone, with the reason. */
  skipped: { file: string; reason: string }[];
}

const FIELD_FIXES: Record<string, [kind: string, fix: (v: string) => string | undefined]> = {
  postcode: ['postcode', fixPostcode],
  company_number: ['company number', fixCompanyNumber],
  charity_number: ['charity number', fixCharityNumber],
  oscr_number: ['OSCR number', fixOscrNumber],
  email: ['email', fixEmail],
  sha256: [
    'fingerprint case',
    (v) => (/^[0-9A-F]{64}$/i.test(v) && v !== v.toLowerCase() ? v.toLowerCase() : undefined),
  ],
};

export function fixRegister(sources: Sources): FixResult {
  const result: FixResult = { files: new Map(), changes: [], skipped: [] };
  const codes = new Map<string, string[]>();
  for (const path of sources.keys()) {
    const bytes = sources.get(path)!;
    const name = /^codelists\/([a-z0-9-]+)\.csv$/.exec(path)?.[1];
    if (!name) continue;
    const { table } = parseTable(path, bytes);
    const i = table.header.indexOf('code');
    if (i >= 0) codes.set(name, table.rows.map((r) => (r.cells[i] ?? '').trim()).filter(Boolean));
  }

  const targets: [file: string, fields: readonly FieldSpec[], key: string[]][] = [
    ...Object.values(TABLES).map((t): [string, FieldSpec[], string[]] => [
      t.file,
      t.fields,
      t.primaryKey,
    ]),
    ...[...sources.keys()]
      .filter((p) => /^codelists\/[a-z0-9-]+\.csv$/.test(p))
      .map((p): [string, FieldSpec[], string[]] => [p, CODELIST_FIELDS, ['code']]),
  ];
  for (const [file, fields, key] of targets) {
    const bytes = sources.get(file);
    if (!bytes) continue;
    const fixed = fixTable(file, bytes, fields, key, codes, result);
    if (fixed !== undefined && fixed !== new TextDecoder().decode(bytes))
      result.files.set(file, fixed);
  }
  return result;
}

function fixTable(
  file: string,
  bytes: Uint8Array,
  fields: readonly FieldSpec[],
  key: string[],
  codes: Map<string, string[]>,
  result: FixResult,
): string | undefined {
  const { table, issues } = parseTable(file, bytes);
  const blocking = issues.find((i) => i.severity === 'error');
  if (blocking) {
    result.skipped.push({
      file,
      reason: `${blocking.code} on line ${blocking.line}: fix it by hand first`,
    });
    return undefined;
  }
  const header = table.header.map((h) => h.trim());
  if (new Set(header).size !== header.length) {
    result.skipped.push({
      file,
      reason: 'a column appears twice in the header: fix it by hand first',
    });
    return undefined;
  }
  // Schema columns in schema order, then any others as they were (never drop a cell). A column
  // added to the standard later is added, empty, so the file has every column of the standard.
  const known = fields
    .filter((f) => header.includes(f.name) || f.columnOptional)
    .map((f) => f.name);
  for (const name of known.filter((n) => !header.includes(n)))
    result.changes.push({
      file,
      line: 1,
      field: name,
      kind: 'new column',
      before: '',
      after: name,
    });
  const order = [...known, ...header.filter((h) => !known.includes(h))];
  const source = order.map((name) => header.indexOf(name));
  const specs = order.map((name) => fields.find((f) => f.name === name));

  const rows = table.rows.map(({ line, cells }) =>
    source.map((from, i) => {
      const before = cells[from] ?? '';
      const spec = specs[i];
      const after = spec ? fixCell(spec, before, codes) : { value: before.trim(), kind: 'trimmed' };
      if (after.value !== before) {
        result.changes.push({
          file,
          line,
          field: order[i]!,
          kind: after.kind,
          before,
          after: after.value,
        });
      }
      return after.value;
    }),
  );
  const keyIndexes = key.map((k) => order.indexOf(k)).filter((i) => i >= 0);
  rows.sort((a, b) => {
    for (const i of keyIndexes) {
      const x = a[i]!;
      const y = b[i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  return formatCsv(order, rows);
}

function fixCell(
  field: FieldSpec,
  raw: string,
  codes: Map<string, string[]>,
): { value: string; kind: string } {
  let value = raw.trim();
  let kind = 'trimmed';
  if (value === '') return { value, kind };
  if (!field.codelist && !field.format && !field.pattern) {
    const visible = removeInvisible(value, { multiline: MULTILINE_FIELDS.has(field.name) }).trim();
    if (visible !== value) {
      value = visible;
      kind = 'invisible characters';
    }
  }
  const list = field.codelist ? codes.get(field.codelist) : undefined;
  if (field.kind === 'list') {
    const items = value
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    const fixedItems = items.map((item) => (list ? (codeInOtherCase(item, list) ?? item) : item));
    const joined = fixedItems.join(';');
    if (joined !== value) kind = fixedItems.some((x, i) => x !== items[i]) ? 'code case' : 'list';
    return { value: joined, kind };
  }
  if (list && !list.includes(value)) {
    const other = codeInOtherCase(value, list);
    if (other) return { value: other, kind: 'code case' };
  }
  const special = FIELD_FIXES[field.name];
  const fixer: [string, (v: string) => string | undefined] | undefined =
    special ??
    (field.format === 'date'
      ? ['date', fixDate]
      : field.format === 'uri'
        ? ['link', fixLink]
        : undefined);
  if (fixer) {
    const fixed = fixer[1](value);
    if (fixed !== undefined) {
      value = fixed;
      kind = fixer[0];
    }
  }
  return { value, kind };
}
