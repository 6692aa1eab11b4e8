import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDownloads, type DownloadSet } from '../../scripts/lib/downloads/buildDownloads.ts';
import type { DownloadTable } from '../../scripts/lib/downloads/downloadTable.ts';
import { fixRegister } from '../../scripts/lib/fixRegister.ts';
import type { LoadedRegister } from '../../scripts/lib/loadRegister.ts';
import { createAjv, SCHEMAS, TABLE_NAMES } from '../../scripts/lib/schemas.ts';
import { setCell, toSources } from '../support/register.ts';
import {
  OPEN_DATA_TODAY,
  TRICKY_DESCRIPTION,
  UNICODE_NAME,
  loadOpenDataRegister,
  openDataFiles,
  schemaFiles,
} from '../support/openDataRegister.ts';

const require = createRequire(import.meta.url);
const { Package } = require('datapackage') as {
  Package: {
    load(descriptor: string, basePath?: string, strict?: boolean): Promise<DataPackageJs>;
  };
};
interface DataPackageJs {
  valid: boolean;
  errors: Error[];
  resources: {
    name: string;
    tabular: boolean;
    descriptor: { profile: string };
    read(options: { relations?: boolean; keyed?: boolean }): Promise<Record<string, unknown>[]>;
  }[];
}

const CREATED = '2026-06-01T09:30:00Z';

/**
 * Reads a cell's text as Excel does: `_xHHHH_` is the character HHHH (OOXML's escape for what
 * XML cannot hold; a literal `_x…_` is written `_x005F_x…_`). exceljs decodes it only in shared
 * strings, and the workbook uses inline strings.
 */
const excelText = (value: unknown) =>
  String(value).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

let loaded: LoadedRegister;
let set: DownloadSet;
let dir: string;

beforeAll(async () => {
  loaded = loadOpenDataRegister();
  set = await buildDownloads({
    loaded,
    asAt: OPEN_DATA_TODAY,
    created: CREATED,
    url: 'https://example.org/data/v/1.0.0/',
    schemaFiles: schemaFiles(),
  });
  dir = mkdtempSync(join(tmpdir(), 'kitemark-downloads-'));
  for (const [path, bytes] of set.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const table = (name: string): DownloadTable => {
  const t = set.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
const csvRecords = (path: string) =>
  parse(set.files.get(path)!, { columns: true, bom: false }) as Record<string, string>[];
/** A loaded record as CSV cells: lists joined, absent as empty. */
const asCells = (record: object, columns: readonly string[]) =>
  Object.fromEntries(
    columns.map((c) => {
      const v = (record as Record<string, unknown>)[c];
      return [c, v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v)];
    }),
  );

describe('CSV downloads', () => {
  it('hold every record of every register table, unaltered, in key order', () => {
    for (const name of TABLE_NAMES) {
      const columns = table(name).fields.map((f) => f.name);
      const expected = loaded[name].rows.map((r) => asCells(r.record, columns));
      const got = csvRecords(`${name}.csv`);
      expect(got).toHaveLength(expected.length);
      expect(new Set(got.map((r) => JSON.stringify(r)))).toEqual(
        new Set(expected.map((r) => JSON.stringify(r))),
      );
    }
    const names = csvRecords('providers.csv').map((r) => r['name']);
    expect(names).toContain(UNICODE_NAME);
    const tricky = csvRecords('providers.csv').find((r) => r['provider_id'] === 'P000004')!;
    expect(tricky['description']).toBe(TRICKY_DESCRIPTION);
    expect(tricky['phone']).toBe('+44 1632 960123');
  });

  it('are the canonical form of the register files, byte for byte', () => {
    const fixed = fixRegister(toSources(openDataFiles()));
    const canonical = (file: string) => fixed.files.get(file) ?? openDataFiles().get(file)!;
    for (const name of TABLE_NAMES)
      expect(decode(set.files.get(`${name}.csv`)!)).toBe(canonical(`${name}.csv`));
    for (const [name] of loaded.codelists) {
      expect(decode(set.files.get(`codelists/${name}.csv`)!)).toBe(
        canonical(`codelists/${name}.csv`),
      );
    }
  });

  it('hold every codelist entry with its extra columns', () => {
    for (const [name, codelist] of loaded.codelists) {
      const got = csvRecords(`codelists/${name}.csv`);
      expect(got.map((r) => asCells(r, codelist.table.header))).toEqual(
        codelist.table.rows
          .map((r) => asCells(r.record, codelist.table.header))
          .sort((a, b) => (a['code']! < b['code']! ? -1 : 1)),
      );
    }
  });

  it('flatten the contract templates without losing a clause', () => {
    const clauses = csvRecords('contract-template-clauses.csv');
    for (const source of loaded.templates) {
      const t = source.value as {
        id: string;
        version: string;
        sections: { clauses: { number: string; text: string; topics: string[] }[] }[];
        schedules: { clauses: { number: string; text: string; topics: string[] }[] }[];
      };
      const expected = [...t.sections, ...t.schedules].flatMap((s) => s.clauses);
      const got = clauses.filter((c) => c['template_id'] === t.id && c['version'] === t.version);
      expect(got.map((c) => [c['number'], c['text'], c['topics']])).toEqual(
        expected.map((c) => [c.number, c.text, c.topics.join(';')]),
      );
    }
    expect(decode(set.files.get(loaded.templates[0]!.file)!)).toBe(loaded.templates[0]!.text);
  });

  it('never hold a cell a spreadsheet would run, except +44 phone numbers', () => {
    expect(set.problems).toEqual([]);
    for (const [path, bytes] of set.files) {
      if (!path.endsWith('.csv')) continue;
      const rows = parse(bytes) as string[][];
      for (const row of rows.slice(1)) {
        for (const cell of row) {
          // Numbers (days to expiry may be negative) are numbers to a spreadsheet, not formulas.
          if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^(\+44 ?[0-9 ]+|-[0-9]+)$/);
        }
      }
    }
  });

  it('report a formula-looking cell in a register that skipped validation', async () => {
    const files = setCell(openDataFiles(), 'providers.csv', 2, 'description', '=HYPERLINK("x")');
    const bad = await buildDownloads({
      loaded: loadOpenDataRegister(files),
      asAt: OPEN_DATA_TODAY,
      created: CREATED,
      schemaFiles: schemaFiles(),
    });
    expect(bad.problems).toEqual([
      expect.objectContaining({
        code: 'csv/formula-like-cell',
        table: 'providers',
        row: 2,
        field: 'description',
      }),
    ]);
  });
});

describe('JSON downloads', () => {
  it('hold the same records as the register, each valid against its JSON Schema', () => {
    const ajv = createAjv();
    for (const name of TABLE_NAMES) {
      const records = JSON.parse(decode(set.files.get(`${name}.json`)!)) as object[];
      const validate = ajv.compile(SCHEMAS[name]);
      for (const record of records)
        expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
      const key = (r: object) => JSON.stringify(r);
      expect(new Set(records.map(key))).toEqual(
        new Set(loaded[name].rows.map((r) => key(r.record))),
      );
    }
  });

  it('type providers-with-status values (numbers as numbers, lists as arrays)', () => {
    const rows = JSON.parse(decode(set.files.get('providers-with-status.json')!)) as Record<
      string,
      unknown
    >[];
    const p4 = rows.find((r) => r['provider_id'] === 'P000004')!;
    expect(p4).toMatchObject({
      status: 'expired',
      status_on: OPEN_DATA_TODAY,
      accreditation_id: 'KM-000004',
      expires_on: '2026-04-30',
      days_to_expiry: -32,
      services: ['carers-support', 'befriending'],
      org_id: 'GB-CHC-1145678',
      region: 'E12000009',
      nhs_region: 'E40000006',
      documents_verified: 12,
    });
    expect(rows.find((r) => r['provider_id'] === 'P000005')).toMatchObject({
      status: 'none',
      org_id: 'XI-KITEMARK-P000005',
    });
    expect(rows.find((r) => r['provider_id'] === 'P000002')).toMatchObject({ status: 'applied' });
  });
});

describe('the XLSX workbook', () => {
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;
  beforeAll(async () => {
    const bytes = set.files.get('kitemark-register-fixture.xlsx')!;
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    zip = await JSZip.loadAsync(bytes);
  });

  it('has a README and Fields sheet, then a sheet per table', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'README',
      'Fields',
      ...set.tables.map((t) => t.name.slice(0, 31)),
    ]);
    const readme = workbook.getWorksheet('README')!;
    const text: string[] = [];
    readme.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join('\n')).toContain('Open Government Licence v3.0');
    expect(text.join('\n')).toContain('OGL-UK-3.0');
  });

  it('has no formula in any cell', async () => {
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
      );
    }
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml).not.toMatch(/<f[ >]/);
    }
  });

  it('holds every value typed: dates as dates, numbers as numbers, text as written', () => {
    for (const t of set.tables) {
      const sheet = workbook.getWorksheet(t.name.slice(0, 31))!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...t.fields.map((f) => f.name)]);
      expect(sheet.rowCount).toBe(t.records.length + 1);
      t.records.forEach((record, i) => {
        const row = sheet.getRow(i + 2);
        t.fields.forEach((f, j) => {
          const value = record[f.name];
          const cell = row.getCell(j + 1).value;
          if (value === undefined) expect(cell).toBeNull();
          else if (Array.isArray(value)) expect(excelText(cell)).toBe(value.join(';'));
          else if (f.type === 'date') expect((cell as Date).toISOString().slice(0, 10)).toBe(value);
          else if (typeof value === 'string') expect(excelText(cell)).toBe(value);
          else expect(cell).toBe(value);
        });
      });
    }
  });

  it('is the same bytes when built again', async () => {
    const again = await buildDownloads({
      loaded: loadOpenDataRegister(),
      asAt: OPEN_DATA_TODAY,
      created: CREATED,
      url: 'https://example.org/data/v/1.0.0/',
      schemaFiles: schemaFiles(),
    });
    expect([...again.files.keys()]).toEqual([...set.files.keys()]);
    for (const [path, bytes] of set.files)
      expect(sha(again.files.get(path)!), path).toBe(sha(bytes));
  });

  it('holds control characters, which XML cannot, as Excel escapes them', async () => {
    const files = setCell(
      openDataFiles(),
      'providers.csv',
      2,
      'description',
      'bell\u0007 and \uFFFE here',
    );
    const odd = await buildDownloads({
      loaded: loadOpenDataRegister(files),
      asAt: OPEN_DATA_TODAY,
      created: CREATED,
      schemaFiles: schemaFiles(),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(odd.files.get('kitemark-register-fixture.xlsx')!) as unknown as ArrayBuffer,
    );
    const sheet = book.getWorksheet('providers')!;
    const column = odd.tables[0]!.fields.findIndex((f) => f.name === 'description') + 1;
    expect(excelText(sheet.getRow(2).getCell(column).value)).toBe('bell\u0007 and \uFFFE here');
  });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('datapackage.json', () => {
  it('is a valid Data Package by an independent implementation', async () => {
    const pkg = await Package.load(join(dir, 'datapackage.json'), undefined, true);
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
  });

  it('describes every CSV with a Table Schema the data satisfies, keys and references included', async () => {
    const pkg = await Package.load(join(dir, 'datapackage.json'), undefined, true);
    const tabular = pkg.resources.filter((r) => r.descriptor.profile === 'tabular-data-resource');
    expect(tabular.map((r) => r.name).sort()).toEqual(set.tables.map((t) => t.name).sort());
    for (const resource of tabular) {
      const rows = await resource.read({ relations: true, keyed: true });
      expect(rows.length, resource.name).toBe(table(resource.name).records.length);
    }
  });

  it('catches a broken reference, so the check above is real', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'kitemark-broken-'));
    try {
      for (const [path, bytes] of set.files) {
        mkdirSync(dirname(join(broken, path)), { recursive: true });
        writeFileSync(join(broken, path), bytes);
      }
      const csv = readFileSync(join(broken, 'accreditations.csv'), 'utf8');
      writeFileSync(join(broken, 'accreditations.csv'), csv.replace(',P000001,', ',P999999,'));
      const pkg = await Package.load(join(broken, 'datapackage.json'), undefined, true);
      const resource = pkg.resources.find((r) => r.name === 'accreditations')!;
      await expect(resource.read({ relations: true })).rejects.toThrow();
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('gives the true size and SHA-256 of every file it lists, and lists every data file', () => {
    const descriptor = JSON.parse(decode(set.files.get('datapackage.json')!)) as {
      resources: { path: string; bytes: number; hash: string }[];
    };
    for (const r of descriptor.resources) {
      const bytes = readFileSync(join(dir, r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${sha(bytes)}`);
    }
    const listed = new Set(descriptor.resources.map((r) => r.path));
    const unlisted = [...set.files.keys()].filter((p) => !listed.has(p));
    expect(unlisted.sort()).toEqual(['README.md', 'SHA256SUMS', 'datapackage.json']);
  });

  it('states the licence, version and creation time', () => {
    const descriptor = JSON.parse(decode(set.files.get('datapackage.json')!)) as Record<
      string,
      unknown
    >;
    expect(descriptor).toMatchObject({
      profile: 'data-package',
      name: 'kitemark-register-fixture',
      version: '1.0.0',
      created: CREATED,
      id: 'https://example.org/data/v/1.0.0/',
      licenses: [{ name: 'OGL-UK-3.0', title: 'Open Government Licence v3.0' }],
    });
  });

  it('turns codelists into enum constraints and lists into patterns of codes', () => {
    const descriptor = JSON.parse(decode(set.files.get('datapackage.json')!)) as {
      resources: {
        name: string;
        schema?: {
          fields: { name: string; constraints?: Record<string, unknown> }[];
          foreignKeys?: unknown[];
        };
      }[];
    };
    const providers = descriptor.resources.find((r) => r.name === 'providers')!.schema!;
    const field = (n: string) => providers.fields.find((f) => f.name === n)!;
    expect(field('legal_form').constraints!['enum']).toContain('charitable-company');
    const services = new RegExp(`^(?:${String(field('services').constraints!['pattern'])})$`);
    expect(services.test('carers-support;befriending')).toBe(true);
    expect(services.test('carers-support;not-a-service')).toBe(false);
    const postcode = new RegExp(`^(?:${String(field('postcode').constraints!['pattern'])})$`);
    expect(postcode.test('DT1 1AB')).toBe(true);
    expect(postcode.test('dt1 1ab')).toBe(false);
    const website = new RegExp(`^(?:${String(field('website').constraints!['pattern'])})$`);
    expect(website.test('https://www.example.org')).toBe(true);
    expect(providers.foreignKeys).toContainEqual({
      fields: ['legal_form'],
      reference: { resource: 'codelist-legal-forms', fields: ['code'] },
    });
  });

  it('matches SHA256SUMS', () => {
    const sums = decode(set.files.get('SHA256SUMS')!).trim().split('\n');
    expect(sums).toHaveLength(set.files.size - 1);
    for (const line of sums) {
      const [hash, path] = line.split('  ') as [string, string];
      expect(sha(set.files.get(path)!), path).toBe(hash);
    }
  });
});

describe('writeWorkbook', () => {
  it('continues a table longer than a sheet on further sheets, losing no row', async () => {
    const { writeWorkbook } = await import('../../scripts/lib/downloads/writeWorkbook.ts');
    const documents = set.tables.find((t) => t.name === 'documents')!;
    const { bytes } = await writeWorkbook(
      [documents],
      { title: 'Split', lines: [], creator: 'Tests', created: new Date(CREATED) },
      20,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheets = book.worksheets.slice(2);
    expect(sheets.map((s) => s.name)).toEqual(
      Array.from(
        { length: Math.ceil(documents.records.length / 20) },
        (_, i) => `documents-${i + 1}`,
      ),
    );
    const keys = sheets.flatMap((s) =>
      Array.from(
        { length: s.rowCount - 1 },
        (_, r) =>
          `${String(s.getRow(r + 2).getCell(1).value)}/${String(s.getRow(r + 2).getCell(2).value)}`,
      ),
    );
    expect(keys).toEqual(
      documents.records.map((r) => `${String(r['provider_id'])}/${String(r['document_type'])}`),
    );
  });
});
