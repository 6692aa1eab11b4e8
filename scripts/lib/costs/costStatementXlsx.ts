/**
 * A cost statement or its blank template as an XLSX workbook, and the rows of one read back:
 * the same layout as the CSV (costStatementCsv.ts), with numbers as numbers, a list to pick the
 * basis from, and a second sheet explaining the categories and bases. No cell is a formula.
 * A workbook a provider filled in may use formulas: their calculated values are read.
 */
import ExcelJS from 'exceljs';
import type { CategoryTitles } from './calculateFullCost.ts';
import { BASES, UNITS } from './costBases.ts';
import type { CostStatement } from './costStatement.ts';
import {
  costStatementRows,
  LINE_HEADER,
  orderedCategories,
  type SheetRow,
} from './costStatementCsv.ts';

const SHEET = 'Cost statement';
const NUMERIC = /^\d+(\.\d+)?$/;

export async function writeCostStatementXlsx(
  statement: CostStatement | undefined,
  categories: CategoryTitles,
  descriptions: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kitemark Register';
  // A fixed date, so the same statement always makes the same bytes.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(SHEET);
  const rows = costStatementRows(statement, categories);
  const headerAt = rows.findIndex((r) => r[0] === 'category');
  rows.forEach((cells, i) => {
    const row = sheet.addRow(
      cells.map((c, column) =>
        // Figures are numbers; names, codes and dates stay text (a spreadsheet never runs them).
        i > 0 && column > 0 && NUMERIC.test(c) && !(i < headerAt && cells[0] !== 'volume')
          ? Number(c)
          : c,
      ),
    );
    if (cells[0] === 'field' || cells[0] === 'category' || cells[0] === 'total')
      row.font = { bold: true };
  });
  const basisList = `"${BASES.map((b) => b.code).join(',')}"`;
  const basisColumn = LINE_HEADER.indexOf('basis') + 1;
  for (let r = headerAt + 2; r <= headerAt + 1 + orderedCategories(categories).length; r++) {
    sheet.getCell(r, basisColumn).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [basisList],
      showErrorMessage: true,
      errorTitle: 'Basis',
      error: 'Choose one of the listed bases.',
    };
  }
  const unitRow = rows.findIndex((r) => r[0] === 'unit') + 1;
  sheet.getCell(unitRow, 2).dataValidation = {
    type: 'list',
    allowBlank: false,
    formulae: [`"${UNITS.map((u) => u.code).join(',')}"`],
  };
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 34 : 20));

  const guide = workbook.addWorksheet('How to fill it in');
  guide.addRow([
    "Amounts are in pounds. Enter the service's direct costs in service_direct and the organisation's shared costs in organisation_shared; for each shared cost, the service's and the rest of the organisation's measures on the basis. Leave service_share, service_total and the totals empty: they are worked out.",
  ]);
  guide.addRow([]);
  guide.addRow(['category', 'title', 'description']).font = { bold: true };
  for (const c of orderedCategories(categories))
    guide.addRow([c, categories[c] ?? c, descriptions[c] ?? '']);
  guide.addRow([]);
  guide.addRow(['basis', 'title', 'measure', 'description']).font = { bold: true };
  for (const b of BASES) guide.addRow([b.code, b.title, b.measure, b.description]);
  guide.columns.forEach((c, i) => (c.width = i === 0 ? 28 : i === 1 ? 34 : 60));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The first sheet's rows as text, as the CSV reader takes them. */
export async function readCostStatementXlsx(bytes: Uint8Array): Promise<SheetRow[] | string> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return 'The file is not an XLSX workbook.';
  }
  const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
  if (!sheet) return 'The workbook has no sheets.';
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      let v: unknown = cell.value;
      if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result;
      if (v && typeof v === 'object' && 'richText' in v)
        v = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
      if (v instanceof Date) v = v.toISOString().slice(0, 10);
      cells[column - 1] = v === null || v === undefined ? '' : String(v);
    });
    rows.push({ line: number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}
