/**
 * The XLSX workbook: a README sheet (what the data is, its licence, how to cite it), a Fields
 * sheet (every column described), then one sheet per table. Every cell is a typed value (text,
 * number, true/false, or a date shown as YYYY-MM-DD) and never a formula: text that starts with
 * `=` is stored as text, which spreadsheets show and never run. The bytes are the same for the
 * same tables and date, so a snapshot's hash never changes.
 */
import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import type { CellValue, DownloadField, DownloadTable } from './downloadTable.ts';
import { fixZipDates } from './fixZipDates.ts';

export interface WorkbookReadme {
  title: string;
  /** Paragraphs and `label: value` lines shown on the README sheet, in order. */
  lines: readonly (string | readonly [label: string, value: string])[];
  /** Who made the workbook, for its properties. */
  creator: string;
  /** When the data was published: the workbook's created date and every file date in the zip. */
  created: Date;
}

export interface WorkbookProblem {
  code: 'xlsx/cell-too-long';
  sheet: string;
  row: number;
  field: string;
  message: string;
}

export interface WorkbookResult {
  bytes: Uint8Array;
  problems: WorkbookProblem[];
}

/**
 * exceljs's streaming writer leaves out what readers rely on: a sheet's `<dimension>` (which
 * openpyxl's read-only mode, and so pandas and frictionless-py, take the row width from) and a
 * `_xlnm._FilterDatabase` name per autofilter (without which LibreOffice drops the filter).
 * It writes a sheet's opening as the sheet is added, so the dimension is passed in the
 * sheet's properties and written after its `<sheetPr>`, where the format puts it; the defined
 * names are given to the workbook's model when it is written. The tests read both back.
 */
interface SheetProperties {
  dimension?: string;
}
const WorksheetWriter = createRequire(import.meta.url)(
  'exceljs/lib/stream/xlsx/worksheet-writer.js',
) as {
  prototype: {
    _writeSheetProperties(
      this: { properties?: SheetProperties },
      xml: { addText(text: string): void },
      ...rest: unknown[]
    ): void;
  };
};
const writeSheetProperties = WorksheetWriter.prototype._writeSheetProperties;
WorksheetWriter.prototype._writeSheetProperties = function (xml, ...rest) {
  writeSheetProperties.call(this, xml, ...rest);
  const dimension = this.properties?.dimension;
  if (dimension && /^[A-Z]+[0-9]+(:[A-Z]+[0-9]+)?$/.test(dimension))
    xml.addText(`<dimension ref="${dimension}"/>`);
};

/** A sheet's properties carrying its dimension to the writer above. */
const sheetProperties = (dimension: string) =>
  ({ dimension }) as SheetProperties as Partial<ExcelJS.WorksheetProperties>;

/** `A1:V401`: the cells from A1 to the last column and row, as a sheet's dimension. */
function rangeRef(rows: number, columns: number): string {
  return `A1:${columnLetters(Math.max(1, columns))}${Math.max(1, rows)}`;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `'providers'!$A$1:$V$401`, the form a defined name refers to a range in. */
function absoluteRange(sheet: string, rows: number, columns: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1:$${columnLetters(columns)}$${rows}`;
}

/** The most characters a spreadsheet cell holds. */
export const MAX_CELL_CHARACTERS = 32_767;
/** The most rows of data a sheet holds (1,048,576 rows, one of them the header). */
export const MAX_SHEET_ROWS = 1_048_575;
const MAX_SHEET_NAME = 31;

export async function writeWorkbook(
  tables: readonly DownloadTable[],
  readme: WorkbookReadme,
  /** Rows of data per sheet; smaller only in tests. */
  maxSheetRows = MAX_SHEET_ROWS,
): Promise<WorkbookResult> {
  // The streaming writer: rows are written out as they are added, so a register of 50,000
  // providers and 600,000 documents never has its whole workbook in memory as cells.
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 6 } },
  });
  workbook.creator = readme.creator;
  workbook.lastModifiedBy = readme.creator;
  workbook.created = readme.created;
  workbook.modified = readme.created;
  workbook.title = readme.title;
  const problems: WorkbookProblem[] = [];
  // A sheet holds at most 1,048,576 rows: a longer table goes on as many sheets as it needs.
  const parts = tables.flatMap((table) => {
    const count = Math.max(1, Math.ceil(table.records.length / maxSheetRows));
    return Array.from({ length: count }, (_, p) => ({
      table,
      from: p * maxSheetRows,
      name: count === 1 ? table.name : `${table.name}-${p + 1}`,
    }));
  });
  const names = sheetNames(['README', 'Fields', ...parts.map((p) => p.name)]);

  const aboutRows = 1 + readme.lines.length + 2 + parts.length;
  const about = workbook.addWorksheet(names[0]!, {
    properties: sheetProperties(rangeRef(aboutRows, 2)),
  });
  about.columns = [{ width: 28 }, { width: 110 }];
  const add = (sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], bold = false) => {
    const row = sheet.addRow(values);
    if (bold) row.font = { bold: true };
    row.commit();
  };
  add(about, [escapeText(readme.title)], true);
  for (const line of readme.lines) {
    if (typeof line === 'string') add(about, [escapeText(line)]);
    else {
      const row = about.addRow(line.map(escapeText));
      row.getCell(1).font = { bold: true };
      row.commit();
    }
  }
  add(about, []);
  add(about, ['Sheet', 'What it holds'], true);
  parts.forEach(({ table: t, from }, i) => {
    const rows = Math.min(maxSheetRows, t.records.length - from);
    const part =
      t.records.length > maxSheetRows
        ? ` Rows ${from + 1} to ${from + rows} of ${t.records.length}.`
        : '';
    add(about, [names[i + 2]!, escapeText(`${t.title} (${rows} rows).${part} ${t.description}`)]);
  });
  about.commit();

  const fieldRows = 1 + parts.reduce((n, p) => n + (p.from > 0 ? 0 : p.table.fields.length), 0);
  const fieldsSheet = workbook.addWorksheet(names[1]!, {
    views: [{ state: 'frozen', ySplit: 1 }],
    properties: sheetProperties(rangeRef(fieldRows, 6)),
  });
  fieldsSheet.columns = [20, 24, 30, 10, 12, 100].map((width) => ({ width }));
  add(fieldsSheet, ['sheet', 'field', 'title', 'type', 'required', 'description'], true);
  parts.forEach(({ table: t, from }, i) => {
    if (from > 0) return;
    for (const f of t.fields) {
      add(
        fieldsSheet,
        [
          names[i + 2]!,
          f.name,
          f.title,
          f.list ? `list of ${f.type}` : f.type,
          f.required ? 'required' : f.requiredWhen ? 'conditional' : 'optional',
          [f.description, f.requiredWhen].filter(Boolean).join(' '),
        ].map(escapeText),
      );
    }
  });
  fieldsSheet.commit();

  const filters: { name: string; localSheetId: number; ranges: string[] }[] = [];
  for (const [i, { table, from }] of parts.entries()) {
    const name = names[i + 2]!;
    const end = Math.min(table.records.length, from + maxSheetRows);
    const rows = 1 + end - from;
    const columns = table.fields.length;
    const sheet = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      properties: sheetProperties(rangeRef(rows, columns)),
    });
    // Every column has a style, so an empty cell is still written (`<c r="V3" s="…"/>`) and no
    // row ends short of its header; top alignment also keeps long descriptions readable.
    sheet.columns = table.fields.map((f) => ({
      width: columnWidth(f, table),
      style: {
        alignment: { vertical: 'top' },
        ...(f.type === 'date' && !f.list ? { numFmt: 'yyyy-mm-dd' } : {}),
      },
    }));
    if (columns > 0) {
      // The filter covers the data, not only the header, as Excel and LibreOffice write it.
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows, column: columns } };
      filters.push({
        name: '_xlnm._FilterDatabase',
        localSheetId: i + 2,
        ranges: [absoluteRange(name, rows, columns)],
      });
    }
    add(
      sheet,
      table.fields.map((f) => f.name),
      true,
    );
    for (let r = 0; r < end - from; r++) {
      const record = table.records[from + r]!;
      add(
        sheet,
        table.fields.map((f) => {
          const value = typedCell(f, record[f.name]);
          if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) {
            problems.push({
              code: 'xlsx/cell-too-long',
              sheet: name,
              row: r + 2,
              field: f.name,
              message: `${name} row ${r + 2} ${f.name} has ${value.length} characters; a spreadsheet cell holds at most ${MAX_CELL_CHARACTERS}.`,
            });
          }
          return value;
        }),
      );
    }
    sheet.commit();
  }
  // exceljs keeps one range per name; each sheet's filter needs its own sheet-local name.
  Object.defineProperty((workbook as unknown as { _definedNames: object })._definedNames, 'model', {
    get: () => filters,
  });
  await workbook.commit();
  const bytes = new Uint8Array(Buffer.concat(chunks));
  return { bytes: fixZipDates(bytes, readme.created), problems };
}

/** Dates become UTC dates (shown as YYYY-MM-DD); lists become `;`-separated text. */
function typedCell(field: DownloadField, value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (Array.isArray(value)) return escapeText(value.join(';'));
  if (field.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return escapeText(String(value));
}

// Characters XML 1.0 cannot hold; OOXML writes them as _xHHHH_, and a literal `_xHHHH_` in the
// text has its underscore escaped (_x005F_), so Excel (and exceljs) reads exactly the
// register's text back.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to replace
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

export function escapeText(text: string): string {
  return text.replace(
    UNSAFE,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** Unique sheet names of at most 31 characters without the characters Excel forbids. */
function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w) => {
    const base = w.replace(/[[\]:*?/\\]/g, '-').slice(0, MAX_SHEET_NAME);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `~${n}`;
      name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Wide enough for the header and typical values (sampled), never wider than 60. */
function columnWidth(field: DownloadField, table: DownloadTable): number {
  if (field.type === 'date') return 12;
  let widest = field.name.length;
  const step = Math.max(1, Math.floor(table.records.length / 200));
  for (let i = 0; i < table.records.length; i += step) {
    const v = table.records[i]![field.name];
    const length = Array.isArray(v) ? v.join(';').length : v === undefined ? 0 : String(v).length;
    if (length > widest) widest = length;
  }
  return Math.min(60, Math.max(8, widest + 2));
}
