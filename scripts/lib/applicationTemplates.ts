/**
 * Blank templates for people preparing an application, generated from the schemas: a CSV per
 * register table (the exact header the register expects, so a filled-in copy drops straight
 * in), and one XLSX workbook with readable column titles, guidance under each title, drop-down
 * lists of codes, date checks and a Guidance sheet. readApplicationWorkbook turns a filled-in
 * workbook back into the register's CSV, so the templates are tested to round-trip.
 */
import ExcelJS from 'exceljs';
import { formatCsv } from './formatCsv.ts';
import type { Codelist } from './loadRegister.ts';
import { TABLES, TABLE_NAMES, type TableName } from './schemas.ts';
import { fieldFromSpec } from './downloads/collectRegisterTables.ts';
import type { DownloadField } from './downloads/downloadTable.ts';
import { escapeText } from './downloads/writeWorkbook.ts';
import { fixZipDates } from './downloads/fixZipDates.ts';

/** The sheets of the application workbook: what an applicant supplies. */
export const APPLICATION_SHEETS: readonly { table: TableName; sheet: string; intro: string }[] = [
  {
    table: 'providers',
    sheet: 'Provider',
    intro: 'One row: your organisation. Leave Provider ID empty; the maintainers give you one.',
  },
  {
    table: 'documents',
    sheet: 'Documents',
    intro:
      'One row per document of the standard set. Leave Provider ID, Verified on and SHA-256 empty; the assessor fills them in.',
  },
];

/** Rows above the first row of data: titles, column names, guidance. */
export const TEMPLATE_HEADER_ROWS = 3;
/** How many rows carry drop-down lists and date checks. */
const TEMPLATE_ROWS = 500;

/** `templates/providers.csv` and the like: the header row each register table expects. */
export function buildCsvTemplates(): Map<string, string> {
  return new Map(
    TABLE_NAMES.map((name) => [
      `${name}.csv`,
      formatCsv(
        TABLES[name].fields.map((f) => f.name),
        [],
      ),
    ]),
  );
}

/** What to write in a column, in one or two short sentences. */
export function columnGuidance(field: DownloadField): string {
  const parts: string[] = [];
  parts.push(field.required ? 'Required.' : field.requiredWhen ? field.requiredWhen : 'Optional.');
  if (field.codelist) {
    parts.push(
      field.list
        ? `Codes from the ${field.codelist} list (Codes sheet), separated by semicolons.`
        : `Pick a code from the list (${field.codelist}, Codes sheet).`,
    );
  } else if (field.type === 'date') parts.push('A date, YYYY-MM-DD.');
  else if (field.format === 'uri') parts.push('A full web address starting https://.');
  else if (field.format === 'email') parts.push('An email address.');
  if (field.maxLength !== undefined) parts.push(`At most ${field.maxLength} characters.`);
  if (field.example !== undefined) parts.push(`For example: ${field.example}`);
  return parts.join(' ');
}

export async function buildWorkbookTemplate(
  codelists: ReadonlyMap<string, Codelist>,
  options: { title: string; licence: string; created: Date },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = options.created;
  workbook.modified = options.created;
  workbook.title = options.title;

  const guidance = workbook.addWorksheet('Guidance');
  guidance.columns = [{ width: 30 }, { width: 26 }, { width: 24 }, { width: 90 }];
  guidance.addRow([options.title]).font = { bold: true, size: 14 };
  for (const line of [
    'Fill in one sheet at a time, starting on row 4 (rows 1 to 3 are the column titles, the column names the register uses, and guidance).',
    'Do not rename, move or delete columns. Dates are YYYY-MM-DD. Where a cell offers a list, pick from it.',
    'Cells must not start with = + - or @ (a phone number may start with +44).',
    `What you send is published as open data under the ${options.licence}.`,
  ]) {
    guidance.addRow([line]);
  }
  guidance.addRow([]);
  const head = guidance.addRow(['Sheet and column', 'Column name', 'Required', 'What to write']);
  head.font = { bold: true };

  const codes = workbook.addWorksheet('Codes');
  const codeColumns = new Map<string, string>();
  const needed = new Set<string>();
  const sheetFields = APPLICATION_SHEETS.map(({ table }) =>
    TABLES[table].fields.map((f) => fieldFromSpec(f, TABLES[table], codelists)),
  );
  for (const fields of sheetFields) for (const f of fields) if (f.codelist) needed.add(f.codelist);
  [...needed].sort().forEach((name, i) => {
    const list = codelists.get(name);
    if (!list) return;
    const column = i * 3 + 1;
    codes.getColumn(column).width = 30;
    codes.getColumn(column + 1).width = 50;
    codes.getCell(1, column).value = name;
    codes.getCell(1, column).font = { bold: true };
    codes.getCell(1, column + 1).value = 'title';
    codes.getCell(1, column + 1).font = { bold: true };
    let row = 2;
    for (const entry of list.entries.values()) {
      codes.getCell(row, column).value = escapeText(entry.code);
      codes.getCell(row, column + 1).value = escapeText(entry.title);
      row++;
    }
    const letter = codes.getColumn(column).letter;
    codeColumns.set(name, `Codes!$${letter}$2:$${letter}$${row - 1}`);
  });

  APPLICATION_SHEETS.forEach(({ sheet: sheetName, intro }, s) => {
    const fields = sheetFields[s]!;
    const sheet = workbook.addWorksheet(sheetName);
    guidance.addRow([`${sheetName}: ${intro}`]).font = { italic: true };
    sheet.columns = fields.map((f) => ({
      width: Math.min(40, Math.max(14, f.title.length + 4)),
      ...(f.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }));
    const titles = sheet.addRow(
      fields.map((f) => (f.required ? `${f.title} (required)` : f.title)),
    );
    titles.font = { bold: true };
    const names = sheet.addRow(fields.map((f) => f.name));
    names.font = { color: { argb: 'FF595959' }, size: 9 };
    const help = sheet.addRow(fields.map(columnGuidance));
    help.font = { italic: true, size: 9 };
    help.alignment = { wrapText: true, vertical: 'top' };
    help.height = 90;
    sheet.views = [{ state: 'frozen', ySplit: TEMPLATE_HEADER_ROWS }];
    // exceljs writes validations for whole ranges, but its types only describe cells.
    const validations = (sheet as unknown as RangeValidations).dataValidations;
    fields.forEach((f, i) => {
      const column = sheet.getColumn(i + 1).letter;
      const range = `${column}${TEMPLATE_HEADER_ROWS + 1}:${column}${TEMPLATE_HEADER_ROWS + TEMPLATE_ROWS}`;
      const list = f.codelist && !f.list ? codeColumns.get(f.codelist) : undefined;
      if (list) {
        validations.add(range, {
          type: 'list',
          allowBlank: !f.required,
          formulae: [list],
          showErrorMessage: true,
          errorTitle: f.title,
          error: `Pick a code from the ${f.codelist} list.`,
        });
      } else if (f.type === 'date') {
        validations.add(range, {
          type: 'date',
          operator: 'greaterThan',
          allowBlank: true,
          formulae: [new Date(Date.UTC(1900, 0, 2))],
          showErrorMessage: true,
          errorTitle: f.title,
          error: 'Enter a date, YYYY-MM-DD.',
        });
      } else if (f.maxLength !== undefined) {
        validations.add(range, {
          type: 'textLength',
          operator: 'lessThanOrEqual',
          allowBlank: true,
          formulae: [f.maxLength],
          showErrorMessage: true,
          errorTitle: f.title,
          error: `At most ${f.maxLength} characters.`,
        });
      }
      guidance.addRow([
        `${sheetName}: ${f.title}`,
        f.name,
        f.required ? 'required' : (f.requiredWhen ?? 'optional'),
        `${f.description} ${columnGuidance(f)}`,
      ]);
    });
  });
  guidance.getColumn(4).alignment = { wrapText: true, vertical: 'top' };

  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return fixZipDates(written, options.created);
}

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export interface TemplateReadProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/**
 * A filled-in application workbook as the register's CSV (one file per sheet, header as the
 * register expects), with problems where a cell cannot be read as text or a date. Rows with
 * nothing in them are skipped.
 */
export async function readApplicationWorkbook(
  bytes: Uint8Array,
): Promise<{ files: Map<string, string>; problems: TemplateReadProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const files = new Map<string, string>();
  const problems: TemplateReadProblem[] = [];
  for (const { table, sheet: sheetName } of APPLICATION_SHEETS) {
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) continue;
    const header = TABLES[table].fields.map((f) => f.name);
    const names = (sheet.getRow(2).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const rows: string[][] = [];
    for (let r = TEMPLATE_HEADER_ROWS + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells = header.map((name) => {
        const index = names.indexOf(name);
        if (index === -1) return '';
        const value = row.getCell(index + 1).value;
        if (value === null || value === undefined) return '';
        if (value instanceof Date) return value.toISOString().slice(0, 10);
        if (typeof value === 'string') return value.trim();
        if (typeof value === 'number' || typeof value === 'boolean') return String(value);
        if (typeof value === 'object' && 'richText' in value) {
          return value.richText
            .map((t) => t.text)
            .join('')
            .trim();
        }
        if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
        problems.push({
          sheet: sheetName,
          row: r,
          column: name,
          message: 'The cell holds a formula or an object, not a value.',
        });
        return '';
      });
      if (cells.some((c) => c !== '')) rows.push(cells);
    }
    files.set(TABLES[table].file, formatCsv(header, rows));
  }
  return { files, problems };
}
