import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_SHEETS,
  TEMPLATE_HEADER_ROWS,
  buildCsvTemplates,
  buildWorkbookTemplate,
  readApplicationWorkbook,
} from '../../scripts/lib/applicationTemplates.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { TABLES, TABLE_NAMES } from '../../scripts/lib/schemas.ts';
import { validateRegister } from '../../scripts/lib/validateRegister.ts';
import { fixtureFiles, toSources } from '../support/register.ts';
import { loadOpenDataRegister } from '../support/openDataRegister.ts';

const codelists = loadOpenDataRegister().codelists;
const build = () =>
  buildWorkbookTemplate(codelists, {
    title: 'Application template',
    licence: 'Open Government Licence v3.0',
    created: new Date('2026-01-01T00:00:00Z'),
  });
async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe('buildCsvTemplates', () => {
  it('gives each table the exact header the register expects, and it loads cleanly', () => {
    const templates = buildCsvTemplates();
    expect([...templates.keys()]).toEqual(TABLE_NAMES.map((n) => `${n}.csv`));
    for (const name of TABLE_NAMES) {
      expect(templates.get(`${name}.csv`)).toBe(
        `${TABLES[name].fields.map((f) => f.name).join(',')}\n`,
      );
    }
    const files = new Map(
      [...fixtureFiles()].filter(([p]) => p.startsWith('codelists/') || p === 'register.json'),
    );
    for (const [file, text] of templates) files.set(file, text);
    const issues = validateRegister(loadRegister(toSources(files)), { today: '2026-01-01' });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('buildWorkbookTemplate', () => {
  it('has readable titles, the register’s column names and guidance above the first row of data', async () => {
    const book = await open(await build());
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Guidance',
      'Codes',
      ...APPLICATION_SHEETS.map((s) => s.sheet),
    ]);
    for (const { table, sheet } of APPLICATION_SHEETS) {
      const ws = book.getWorksheet(sheet)!;
      const fields = TABLES[table].fields;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(
        fields.map((f) => (f.required ? `${f.title} (required)` : f.title)),
      );
      expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(fields.map((f) => f.name));
      expect(String(ws.getRow(3).getCell(1).value)).toMatch(/^(Required|Optional)\./);
    }
    const provider = book.getWorksheet('Provider')!;
    const legal = TABLES.providers.fields.findIndex((f) => f.name === 'legal_form') + 1;
    expect(String(provider.getRow(3).getCell(legal).value)).toContain(
      'Pick a code from the list (legal-forms',
    );
  });

  it('offers the codes of each codelist column as a list, and checks dates', async () => {
    const zip = await JSZip.loadAsync(await build());
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const all = sheets.join('\n');
    expect(all).toMatch(
      /<dataValidation type="list"[^>]*>.*?<formula1>Codes!\$[A-Z]+\$2:\$[A-Z]+\$\d+<\/formula1>/s,
    );
    expect(all).toMatch(/<dataValidation type="date"/);
    expect(all).not.toMatch(/<f[ >]/);
  });

  it('is the same bytes every time', async () => {
    expect(Buffer.from(await build()).equals(Buffer.from(await build()))).toBe(true);
  });
});

describe('readApplicationWorkbook', () => {
  it('turns a filled-in template into the register’s CSV', async () => {
    const book = await open(await build());
    const sheet = book.getWorksheet('Provider')!;
    const values: Record<string, unknown> = {
      name: 'Wessex Carers Trust',
      legal_form: 'charitable-incorporated-organisation',
      charity_number: '1123456',
      address_line_1: '12 Church Street',
      town: 'Dorchester',
      postcode: 'DT1 1AB',
      local_authority: 'E06000059',
      services: 'carers-support',
      user_groups: 'carers',
      added_on: new Date(Date.UTC(2026, 0, 2)),
    };
    TABLES.providers.fields.forEach((f, i) => {
      if (values[f.name] !== undefined)
        sheet.getRow(TEMPLATE_HEADER_ROWS + 1).getCell(i + 1).value = values[
          f.name
        ] as ExcelJS.CellValue;
    });
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const { files, problems } = await readApplicationWorkbook(bytes);
    expect(problems).toEqual([]);
    const csv = files.get('providers.csv')!;
    const [header, row] = csv.trim().split('\n');
    expect(header).toBe(TABLES.providers.fields.map((f) => f.name).join(','));
    expect(row).toBe(
      ',Wessex Carers Trust,charitable-incorporated-organisation,1123456,,,,,12 Church Street,,Dorchester,DT1 1AB,E06000059,,carers-support,carers,,,,,2026-01-02,',
    );
    expect(files.get('documents.csv')).toBe(
      `${TABLES.documents.fields.map((f) => f.name).join(',')}\n`,
    );
  });
});
