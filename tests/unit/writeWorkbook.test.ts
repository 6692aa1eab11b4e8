import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectDownloadTables } from '../../scripts/lib/downloads/buildDownloads.ts';
import type { DownloadTable } from '../../scripts/lib/downloads/downloadTable.ts';
import { writeWorkbook } from '../../scripts/lib/downloads/writeWorkbook.ts';
import { OPEN_DATA_TODAY, loadOpenDataRegister } from '../support/openDataRegister.ts';

const README = {
  title: 'Workbook',
  lines: ['A line.'],
  creator: 'Tests',
  created: new Date('2026-06-01T09:30:00Z'),
};

interface Sheet {
  name: string;
  xml: string;
}
let tables: DownloadTable[];
let sheets: Sheet[];
let workbookXml: string;

/** The sheets of a workbook by name, in order, as their XML. */
async function readSheets(bytes: Uint8Array): Promise<{ sheets: Sheet[]; workbook: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = (id: string) =>
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  const result: Sheet[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const path = `xl/${target(m[2]!).replace(/^\/?xl\//, '')}`;
    result.push({ name: m[1]!, xml: await zip.file(path)!.async('string') });
  }
  return { sheets: result, workbook };
}

const column = (ref: string) =>
  [...ref.replace(/[0-9]/g, '')].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const rowsOf = (xml: string) =>
  [...xml.matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)].map((m) => ({
    r: Number(m[1]),
    cells: [...m[2]!.matchAll(/<c r="([A-Z]+)\d+"/g)].map((c) => c[1]!),
  }));

beforeAll(async () => {
  tables = collectDownloadTables(loadOpenDataRegister(), OPEN_DATA_TODAY);
  const { bytes } = await writeWorkbook(tables, README);
  ({ sheets, workbook: workbookXml } = await readSheets(bytes));
});

describe('writeWorkbook', () => {
  it('gives every sheet a <dimension> that is the range its cells fill', () => {
    for (const [i, sheet] of sheets.entries()) {
      const ref = /<dimension ref="([^"]+)"\/>/.exec(sheet.xml)?.[1];
      expect(ref, sheet.name).toBeDefined();
      // The format puts it before the sheet views and the rows.
      const next = sheet.xml.includes('<sheetViews') ? '<sheetViews' : '<sheetFormatPr';
      expect(sheet.xml.indexOf('<dimension')).toBeLessThan(sheet.xml.indexOf(next));
      const rows = rowsOf(sheet.xml);
      const lastRow = Math.max(...rows.map((r) => r.r));
      const lastColumn = Math.max(...rows.flatMap((r) => r.cells.map(column)));
      const [, letters, number] = /^A1:([A-Z]+)(\d+)$/.exec(ref!)!;
      expect([column(letters!), Number(number)], `${i} ${sheet.name}`).toEqual([
        lastColumn,
        lastRow,
      ]);
    }
  });

  it('writes every cell of every row of a table, empty ones included, so no row ends short', () => {
    for (const table of tables) {
      const sheet = sheets.find((s) => s.name === table.name.slice(0, 31))!;
      const rows = rowsOf(sheet.xml);
      expect(rows).toHaveLength(table.records.length + 1);
      for (const row of rows)
        expect(row.cells.map(column), `${table.name} row ${row.r}`).toEqual(
          table.fields.map((_, j) => j + 1),
        );
    }
  });

  it('filters each table over all its rows, with the sheet-local _xlnm._FilterDatabase name LibreOffice keeps', () => {
    const names = [
      ...workbookXml.matchAll(
        /<definedName name="_xlnm\._FilterDatabase" localSheetId="(\d+)"[^>]*>([^<]+)<\/definedName>/g,
      ),
    ].map((m) => [Number(m[1]), m[2]!.replace(/&apos;/g, "'")] as const);
    expect(names).toHaveLength(tables.length);
    for (const table of tables) {
      const index = sheets.findIndex((s) => s.name === table.name.slice(0, 31));
      const filter = /<autoFilter ref="([^"]+)"\/>/.exec(sheets[index]!.xml)?.[1];
      const dimension = /<dimension ref="([^"]+)"\/>/.exec(sheets[index]!.xml)?.[1];
      expect(filter, table.name).toBe(dimension);
      const [, last, rows] = /^A1:([A-Z]+)(\d+)$/.exec(filter!)!;
      expect(names, table.name).toContainEqual([
        index,
        `'${sheets[index]!.name}'!$A$1:$${last}$${rows}`,
      ]);
    }
    // The definedNames element comes where the format puts it: after the sheets.
    expect(workbookXml.indexOf('<definedNames>')).toBeGreaterThan(workbookXml.indexOf('</sheets>'));
  });

  it('gives each part of a long table its own dimension, filter and name', async () => {
    const documents = tables.find((t) => t.name === 'documents')!;
    const { bytes } = await writeWorkbook([documents], README, 20);
    const split = await readSheets(bytes);
    const parts = split.sheets.slice(2);
    expect(parts.length).toBe(Math.ceil(documents.records.length / 20));
    for (const [i, part] of parts.entries()) {
      const rows = 1 + Math.min(20, documents.records.length - i * 20);
      const ref = `A1:${String.fromCharCode(64 + documents.fields.length)}${rows}`;
      expect(/<dimension ref="([^"]+)"/.exec(part.xml)?.[1], part.name).toBe(ref);
      expect(/<autoFilter ref="([^"]+)"/.exec(part.xml)?.[1], part.name).toBe(ref);
      expect(split.workbook).toContain(`localSheetId="${i + 2}"`);
    }
  });
});
