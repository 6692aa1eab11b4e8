/**
 * A cost statement as CSV, laid out for a spreadsheet: the details (`field,value` rows), a
 * blank row, the lines (one row per cost category, in pounds), a blank row, then the totals.
 * The blank template is the same layout with the figures empty, one line per category of the
 * codelist, so a provider can fill it in a spreadsheet and open it in the calculator or give
 * it to `kitemark price`. The worked columns (share, total, working) and the totals may be left
 * empty; where given they are checked. Pure; bundled into the browser.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { parse } from 'csv-parse/browser/esm/sync';
import type { CategoryTitles, CostResult } from './calculateFullCost.ts';
import {
  readCostStatement,
  STATEMENT_VERSION,
  type CostStatement,
  type StatementIssueCode,
} from './costStatement.ts';
import { CONTINGENCY_CATEGORY } from './costBases.ts';
import { parsePounds, penceToPounds } from './money.ts';

export const DETAIL_HEADER = ['field', 'value'] as const;
export const LINE_HEADER = [
  'category',
  'title',
  'basis',
  'service_direct',
  'organisation_shared',
  'service_measure',
  'other_measure',
  'service_share',
  'service_total',
] as const;
export const TOTALS_HEADER = ['total', 'value'] as const;

/** CSV columns of money, in pounds, and the statement fields they hold in pence. */
const MONEY_COLUMNS: Record<string, string> = {
  service_direct: 'service_direct_pence',
  organisation_shared: 'organisation_shared_pence',
  service_share: 'service_share_pence',
  service_total: 'service_total_pence',
};

/** The basis a blank template suggests for each category; a provider may choose another. */
const SUGGESTED_BASIS: Record<string, string> = {
  'direct-staff': 'direct',
  'direct-non-staff': 'direct',
  premises: 'floor-area',
  'management-and-governance': 'direct-staff-cost',
  'support-services': 'staff-time',
  'volunteer-costs': 'headcount',
  depreciation: 'floor-area',
  [CONTINGENCY_CATEGORY]: 'contingency',
};

/**
 * The order a price is built in: direct costs, then the shared costs, contingency last (it is
 * worked from the others). Categories the codelist adds later follow, in its order.
 */
const BUILD_ORDER = [
  'direct-staff',
  'direct-non-staff',
  'premises',
  'management-and-governance',
  'support-services',
  'volunteer-costs',
  'depreciation',
];

export function orderedCategories(categories: CategoryTitles): string[] {
  const codes = Object.keys(categories);
  const known = BUILD_ORDER.filter((c) => codes.includes(c));
  const rest = codes.filter((c) => !BUILD_ORDER.includes(c) && c !== CONTINGENCY_CATEGORY);
  return [
    ...known,
    ...rest,
    ...(codes.includes(CONTINGENCY_CATEGORY) ? [CONTINGENCY_CATEGORY] : []),
  ];
}

export type Cell = string;

/** The statement's rows (also the rows of the XLSX). */
export function costStatementRows(
  statement: CostStatement | undefined,
  categories: CategoryTitles,
): Cell[][] {
  const s = statement;
  const details: Cell[][] = [
    [...DETAIL_HEADER],
    ['statement_version', STATEMENT_VERSION],
    ['provider_name', s?.provider_name ?? ''],
    ['provider_id', s?.provider_id ?? ''],
    ['service_name', s?.service_name ?? ''],
    ['prepared_on', s?.prepared_on ?? ''],
    ['unit', s?.unit ?? ''],
    ['volume', s === undefined ? '' : String(s.volume)],
  ];
  const measure = (n: number | undefined) => (n === undefined ? '' : String(n));
  const lines: Cell[][] = s
    ? s.lines.map((l) => [
        l.category,
        categories[l.category] ?? l.category,
        l.basis,
        l.basis === 'contingency' ? '' : penceToPounds(l.service_direct_pence),
        l.basis === 'contingency' ? '' : penceToPounds(l.organisation_shared_pence),
        measure(l.service_measure),
        measure(l.other_measure),
        penceToPounds(l.service_share_pence),
        penceToPounds(l.service_total_pence),
      ])
    : orderedCategories(categories).map((c) => [
        c,
        categories[c] ?? c,
        SUGGESTED_BASIS[c] ?? 'direct',
        ...LINE_HEADER.slice(3).map(() => ''),
      ]);
  const totals: Cell[][] = s
    ? Object.entries(s.totals).map(([name, value]) =>
        name.endsWith('_pence')
          ? [name.replace(/_pence$/, ''), penceToPounds(value)]
          : [name, String(value)],
      )
    : [];
  return [
    ...details,
    [],
    [...LINE_HEADER],
    ...lines,
    ...(totals.length ? [[], [...TOTALS_HEADER], ...totals] : []),
  ];
}

/** A cost statement as CSV; without a statement, the blank template. */
export function formatCostStatementCsv(
  statement: CostStatement | undefined,
  categories: CategoryTitles,
): string {
  return stringify(costStatementRows(statement, categories), {
    record_delimiter: 'unix',
    eof: true,
  });
}

export interface CsvIssue {
  code: StatementIssueCode | 'cost-statement/csv';
  /** 1-based line and cell. */
  line: number;
  column: number;
  field: string;
  message: string;
  fix: string;
}

export type ReadCsvResult =
  | { ok: true; statement: CostStatement; result: CostResult; issues: [] }
  | { ok: false; issues: CsvIssue[] };

export interface SheetRow {
  /** 1-based line (CSV) or row number (XLSX). */
  line: number;
  cells: string[];
}

/** Reads CSV text into rows, with the line each row starts on. */
export function csvRows(text: string): SheetRow[] | CsvIssue {
  try {
    const records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // `info.lines` is the line the record ends on; a record starts after the previous one ends.
    let next = 1;
    return records.map(({ record, info }) => {
      const row = { line: next, cells: record };
      next = info.lines + 1;
      return row;
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return {
      code: 'cost-statement/csv',
      line,
      column: 1,
      field: '',
      message: `The file is not readable CSV: ${e instanceof Error ? e.message : String(e)}.`,
      fix: 'Save the sheet as CSV (comma-separated, UTF-8) again, or start from the blank template.',
    };
  }
}

interface Layout {
  /** The statement's fields as given, amounts in pence, not yet checked. */
  value: Record<string, unknown>;
  issues: CsvIssue[];
  headerLine: number;
  column: (name: string) => number;
  details: Map<string, SheetRow>;
  lineRows: SheetRow[];
  totalRows: SheetRow[];
}

/**
 * The statement's fields from the rows of a sheet in the template's layout, as given: what the
 * calculator page fills its form with, even before the figures are complete.
 */
export function statementValueFromRows(rows: readonly SheetRow[]): Layout | CsvIssue {
  const issues: CsvIssue[] = [];
  const blank = (r: SheetRow) => r.cells.every((c) => c.trim() === '');
  const headerAt = rows.findIndex((r) => r.cells[0]?.trim() === 'category');
  if (headerAt < 0) {
    return {
      code: 'cost-statement/csv',
      line: 1,
      column: 1,
      field: 'category',
      message: 'There is no header row for the cost lines (a row starting "category").',
      fix: 'Start from the blank template, which has the rows in the right places.',
    };
  }
  const header = rows[headerAt]!.cells.map((c) => c.trim());
  const detailRows = rows
    .slice(0, headerAt)
    .filter((r) => !blank(r) && r.cells[0]?.trim() !== 'field');
  let end = rows.findIndex((r, i) => i > headerAt && blank(r));
  if (end < 0) end = rows.length;
  const lineRows = rows.slice(headerAt + 1, end).filter((r) => !blank(r));
  const totalRows = rows.slice(end).filter((r) => !blank(r) && r.cells[0]?.trim() !== 'total');

  const details = new Map<string, SheetRow>();
  for (const r of detailRows) details.set(r.cells[0]!.trim(), r);
  const detail = (name: string) => details.get(name)?.cells[1]?.trim() ?? '';
  const value: Record<string, unknown> = {
    statement_version: detail('statement_version') || STATEMENT_VERSION,
    provider_name: detail('provider_name'),
    ...(detail('provider_id') ? { provider_id: detail('provider_id') } : {}),
    service_name: detail('service_name'),
    prepared_on: detail('prepared_on'),
    unit: detail('unit'),
    volume: detail('volume'),
  };
  const column = (name: string) => header.indexOf(name);
  const lines = lineRows.map((r) => {
    const line: Record<string, unknown> = {};
    for (const name of LINE_HEADER) {
      if (name === 'title') continue;
      const c = column(name);
      const cell = c < 0 ? '' : (r.cells[c] ?? '').trim();
      if (cell === '') continue;
      const money = MONEY_COLUMNS[name];
      if (money) {
        const pence = parsePounds(cell);
        if (pence === undefined) {
          issues.push({
            code: 'cost/amount',
            line: r.line,
            column: c + 1,
            field: name,
            message: `"${cell}" in ${name} is not an amount of money.`,
            fix: 'Enter pounds and pence, 0 or more, such as 86400 or 1,250.50.',
          });
        } else line[money] = pence;
      } else line[name] = cell;
    }
    return line;
  });
  if (totalRows.length > 0) {
    const totals: Record<string, unknown> = {};
    for (const r of totalRows) {
      const name = r.cells[0]!.trim();
      const cell = r.cells[1]?.trim() ?? '';
      if (cell === '') continue;
      if (name.endsWith('_percent') || name.includes('percent')) totals[name] = Number(cell);
      else totals[`${name}_pence`] = parsePounds(cell) ?? cell;
    }
    if (Object.keys(totals).length > 0) value['totals'] = totals;
  }
  value['lines'] = lines;
  return { value, issues, headerLine: rows[headerAt]!.line, column, details, lineRows, totalRows };
}

/** A cost statement from the rows of a CSV or XLSX in the template's layout. */
export function readCostStatementRows(
  rows: readonly SheetRow[],
  categories: CategoryTitles,
): ReadCsvResult {
  const layout = statementValueFromRows(rows);
  if (!('value' in layout)) return { ok: false, issues: [layout] };
  const { value, issues, headerLine, column, details, lineRows, totalRows } = layout;
  if (issues.length > 0) return { ok: false, issues };

  const read = readCostStatement(value, categories);
  if (read.ok) return { ok: true, statement: read.statement, result: read.result, issues: [] };
  const totalsByName = new Map(totalRows.map((r) => [r.cells[0]!.trim(), r]));
  return {
    ok: false,
    issues: read.issues.map((i) => {
      const [, first, index, name] = i.path.split('/');
      let line = headerLine;
      let col = 1;
      let fieldName = name ?? first ?? '';
      if (first === 'lines' && index !== undefined && lineRows[Number(index)]) {
        line = lineRows[Number(index)]!.line;
        fieldName =
          Object.entries(MONEY_COLUMNS).find(([, pence]) => pence === name)?.[0] ?? name ?? '';
        col = Math.max(column(fieldName), 0) + 1;
      } else if (first === 'totals' && index !== undefined) {
        fieldName = index.replace(/_pence$/, '');
        line = totalsByName.get(fieldName)?.line ?? line;
        col = 2;
      } else if (first !== undefined && first !== 'lines') {
        line = details.get(first)?.line ?? 1;
        col = 2;
        fieldName = first;
      }
      return { code: i.code, line, column: col, field: fieldName, message: i.message, fix: i.fix };
    }),
  };
}

export function parseCostStatementCsv(text: string, categories: CategoryTitles): ReadCsvResult {
  const rows = csvRows(text);
  if (!Array.isArray(rows)) return { ok: false, issues: [rows] };
  return readCostStatementRows(rows, categories);
}
