import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDownloads, type DownloadSet } from '../../scripts/lib/downloads/buildDownloads.ts';
import type { DataPackage } from '../../scripts/lib/dataPackage.ts';
import { checkDataPackage, patternProblem } from '../../scripts/lib/dataPackageRules.ts';
import { checkTableRows, type SchemaLike } from '../../scripts/lib/checkTableRows.ts';
import { createAjv } from '../../scripts/lib/schemas.ts';
import { SCHEMA_ID_BASE } from '../../scripts/lib/schemaUrls.ts';
import { OPEN_DATA_TODAY, loadOpenDataRegister, schemaFiles } from '../support/openDataRegister.ts';

const SCHEMA_URL = 'https://register.example.org/schema/';
const WORKBOOK = 'kitemark-register-fixture.xlsx';
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
/** A cell's text as Excel reads it: `_xHHHH_` is the character HHHH. */
const excelText = (value: string) =>
  value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

let set: DownloadSet;
let pkg: DataPackage;

beforeAll(async () => {
  set = await buildDownloads({
    loaded: loadOpenDataRegister(),
    asAt: OPEN_DATA_TODAY,
    created: '2026-06-01T09:30:00Z',
    url: 'https://register.example.org/data/',
    schemaUrl: SCHEMA_URL,
    schemaFiles: schemaFiles(),
  });
  pkg = JSON.parse(decode(set.files.get('datapackage.json')!)) as DataPackage;
});

/** The published descriptor, changed by `edit`, checked again. */
const codesAfter = (edit: (p: DataPackage) => void) => {
  const copy = structuredClone(pkg);
  edit(copy);
  return checkDataPackage(copy).map((p) => p.code);
};
const resource = (p: DataPackage, name: string) => p.resources.find((r) => r.name === name)!;
const field = (p: DataPackage, table: string, name: string) =>
  resource(p, table).schema!.fields.find((f) => f.name === name)!;

describe('the published datapackage.json', () => {
  it('keeps every rule of the Data Package, Data Resource, CSV Dialect and Table Schema specifications', () => {
    expect(checkDataPackage(pkg)).toEqual([]);
    expect(set.problems).toEqual([]);
  });

  it('types every resource by what it is: CSVs are tables, JSON is json, the workbook a file', () => {
    for (const r of pkg.resources) {
      // A CSV is a table where this package gives its Table Schema (the HSDS package's CSVs
      // are described by their own datapackage.json).
      const expected = r.schema ? 'table' : r.format === 'json' ? 'json' : 'file';
      if (r.format === 'csv' && !r.path.startsWith('hsds/')) expect(r.schema, r.name).toBeDefined();
      expect(r.type, r.name).toBe(expected);
      expect(r.profile, r.name).toBe(
        expected === 'table' ? 'tabular-data-resource' : 'data-resource',
      );
      if (expected !== 'table') {
        expect(r.schema, r.name).toBeUndefined();
        expect(r.dialect, r.name).toBeUndefined();
      }
    }
    expect(resource(pkg, 'workbook')).toMatchObject({ type: 'file', format: 'xlsx' });
    expect(resource(pkg, 'workbook')).not.toHaveProperty('encoding');
    for (const r of pkg.resources.filter((x) => x.path.endsWith('.schema.json')))
      expect(r.type, r.name).toBe('json');
  });

  it('describes each CSV exactly as a reader finds it: header, cells, types, constraints, keys', () => {
    const tables = pkg.resources.filter((r) => r.type === 'table');
    expect(tables.length).toBe(set.tables.length);
    for (const r of tables) {
      const rows = parse(set.files.get(r.path)!, { relax_column_count: true }) as string[][];
      expect(checkTableRows(r.schema as SchemaLike, rows, 'text'), r.name).toEqual([]);
    }
  });

  it('has each JSON document valid against the JSON Schema it names, found at its published address', () => {
    const ajv = createAjv();
    for (const [path, bytes] of set.files) {
      if (path.startsWith('schema/')) ajv.addSchema(JSON.parse(decode(bytes)) as object);
    }
    for (const r of pkg.resources.filter((x) => x.type === 'json')) {
      const document = JSON.parse(decode(set.files.get(r.path)!)) as unknown;
      if (!r.jsonSchema || r.path.startsWith('schema/')) continue;
      const validate = ajv.compile(r.jsonSchema);
      expect(validate(document), `${r.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('gives every schema $id and $ref the address it is published at, never the placeholder', () => {
    const text = decode(set.files.get('datapackage.json')!);
    expect(text).not.toContain(SCHEMA_ID_BASE);
    const refs = [...text.matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    const published = new Set(
      [...set.files.keys()]
        .filter((p) => p.startsWith('schema/'))
        .map((p) => SCHEMA_URL + p.slice('schema/'.length)),
    );
    for (const ref of refs.filter((r) => !r.startsWith('https://json-schema.org/')))
      expect(published, ref).toContain(ref);
    for (const [path, bytes] of set.files) {
      if (!path.startsWith('schema/')) continue;
      const schema = JSON.parse(decode(bytes)) as { $id: string };
      expect(schema.$id).toBe(SCHEMA_URL + path.slice('schema/'.length));
      expect(decode(bytes)).not.toContain(SCHEMA_ID_BASE);
    }
  });
});

describe('each XLSX sheet', () => {
  it("holds its table as the table's Table Schema describes it", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(set.files.get(WORKBOOK)!) as unknown as ArrayBuffer);
    for (const table of set.tables) {
      const sheet = book.getWorksheet(table.name.slice(0, 31))!;
      const schema = resource(pkg, table.name).schema as SchemaLike;
      const rows = sheetRows(sheet, schema.fields.length);
      expect(rows).toHaveLength(table.records.length + 1);
      expect(checkTableRows(schema, rows, 'typed'), table.name).toEqual([]);
    }
  });

  it('is caught when a cell is not of its field type, so the check above is real', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(set.files.get(WORKBOOK)!) as unknown as ArrayBuffer);
    const schema = resource(pkg, 'providers').schema as SchemaLike;
    const rows = sheetRows(book.getWorksheet('providers')!, schema.fields.length);
    const charity = schema.fields.findIndex((f) => f.name === 'charity_number');
    const withNumber = rows.map((r, i) =>
      i === 1 ? r.map((c, j) => (j === charity ? 1123456 : c)) : r,
    );
    expect(checkTableRows(schema, withNumber, 'typed')).toEqual([
      expect.objectContaining({ code: 'type-error', row: 2, field: 'charity_number' }),
    ]);
  });
});

/** A sheet's rows as typed values, text decoded as Excel does, empty cells null. */
function sheetRows(sheet: ExcelJS.Worksheet, width: number): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) {
      const v = row.getCell(c).value;
      cells.push(typeof v === 'string' ? excelText(v) : v === undefined ? null : v);
    }
    rows.push(cells);
  });
  return rows;
}

describe('checkDataPackage', () => {
  it('fails a workbook declared as a table (a reader takes its first sheet, the README)', () => {
    const codes = codesAfter((p) => {
      const r = resource(p, 'workbook');
      r.profile = 'tabular-data-resource';
      r.type = 'table';
      r.schema = resource(p, 'providers').schema!;
    });
    expect(codes).toContain('resource/not-a-table');
  });

  it('fails a resource that leaves its type to be guessed, and a JSON Schema read as a table', () => {
    expect(
      codesAfter((p) => {
        delete (resource(p, 'workbook') as { type?: string }).type;
      }),
    ).toEqual(['resource/untyped']);
    const codes = codesAfter((p) => {
      const r = resource(p, 'schema-providers');
      r.type = 'table';
    });
    expect(codes).toContain('resource/not-a-table');
    expect(codes).toContain('resource/no-schema');
  });

  it('fails a constraint its field type does not take', () => {
    expect(
      codesAfter((p) => {
        field(p, 'accreditations', 'awarded_on').constraints = { pattern: '\\d{4}-\\d{2}-\\d{2}' };
      }),
    ).toEqual(['schema/constraint-type']);
    expect(
      codesAfter((p) => {
        field(p, 'providers', 'name').constraints = { minimum: 2 };
      }),
    ).toContain('schema/constraint-type');
  });

  it('fails foreign keys to a resource or field that is not there, or that is not a key', () => {
    const to = (reference: { resource: string; fields: string[] }) =>
      codesAfter((p) => {
        resource(p, 'accreditations').schema!.foreignKeys = [
          { fields: ['provider_id'], reference },
        ];
      });
    expect(to({ resource: 'no-such-table', fields: ['provider_id'] })).toEqual([
      'schema/foreign-key',
    ]);
    expect(to({ resource: 'providers', fields: ['no_such_field'] })).toContain(
      'schema/foreign-key',
    );
    expect(to({ resource: 'providers', fields: ['town'] })).toEqual(['schema/foreign-key']);
    expect(to({ resource: 'providers-json', fields: ['provider_id'] })).toEqual([
      'schema/foreign-key',
    ]);
    expect(to({ resource: 'providers', fields: ['provider_id'] })).toEqual([]);
  });

  it('fails a primary key, type, format, enum or example that breaks the Table Schema', () => {
    expect(codesAfter((p) => (resource(p, 'providers').schema!.primaryKey = ['id']))).toEqual([
      'schema/primary-key',
    ]);
    expect(
      codesAfter((p) => ((field(p, 'providers', 'name') as { type: string }).type = 'text')),
    ).toEqual(['schema/field-type']);
    expect(codesAfter((p) => (field(p, 'providers', 'name').format = 'email-address'))).toEqual([
      'schema/field-format',
    ]);
    expect(
      codesAfter((p) => {
        field(p, 'providers-with-status', 'days_to_expiry').constraints = { enum: ['soon'] };
      }),
    ).toEqual(['schema/enum']);
    expect(codesAfter((p) => (field(p, 'providers', 'provider_id').example = 'X1'))).toEqual([
      'schema/example',
    ]);
    expect(
      codesAfter((p) => {
        const fields = resource(p, 'providers').schema!.fields;
        fields.push({ ...fields[0]! });
      }),
    ).toContain('schema/duplicate-field');
  });

  it('fails patterns that are not XML Schema regular expressions', () => {
    expect(patternProblem('P[0-9]{6}')).toBeUndefined();
    expect(patternProblem('(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})')).toBeUndefined();
    expect(patternProblem('[^;]+')).toBeUndefined();
    expect(patternProblem('^P[0-9]{6}$')).toMatch(/anchor/);
    expect(patternProblem('(?:a|b)')).toMatch(/\(\?/);
    expect(patternProblem('a+?')).toMatch(/lazy/);
    expect(patternProblem('(a)\\1')).toMatch(/back-reference/);
    expect(patternProblem('[a-')).toBeDefined();
  });

  it("fails names, paths, hashes, media types and encodings that break the resource's rules", () => {
    expect(codesAfter((p) => (resource(p, 'providers').name = 'Providers'))).toContain(
      'resource/name',
    );
    expect(codesAfter((p) => (resource(p, 'providers-json').name = 'providers'))).toContain(
      'resource/duplicate-name',
    );
    for (const path of [
      '../providers.csv',
      '/providers.csv',
      'a//b.csv',
      './providers.csv',
      'a\\b.csv',
    ])
      expect(
        codesAfter((p) => (resource(p, 'providers').path = path)),
        path,
      ).toContain('resource/path');
    expect(codesAfter((p) => (resource(p, 'providers').hash = 'sha256:abc'))).toEqual([
      'resource/hash',
    ]);
    expect(
      codesAfter((p) => (resource(p, 'providers').hash = 'SHA-256:' + '0'.repeat(64))),
    ).toEqual(['resource/hash']);
    expect(codesAfter((p) => (resource(p, 'providers').mediatype = 'application/json'))).toEqual([
      'resource/mediatype',
    ]);
    expect(codesAfter((p) => (resource(p, 'providers').format = 'json'))).toContain(
      'resource/format',
    );
    expect(codesAfter((p) => (resource(p, 'workbook').encoding = 'utf-8'))).toEqual([
      'resource/encoding',
    ]);
    expect(codesAfter((p) => ((resource(p, 'providers').bytes as number) = -1))).toEqual([
      'resource/bytes',
    ]);
    expect(
      codesAfter(
        (p) =>
          (resource(p, 'providers-json').jsonSchema = { $ref: 'schema/providers.schema.json' }),
      ),
    ).toEqual(['resource/json-schema']);
  });

  it('fails a CSV dialect property that is not in the specification', () => {
    expect(
      codesAfter((p) => (resource(p, 'providers').dialect = { delimiter: ',', separator: ';' })),
    ).toEqual(['dialect/invalid']);
    expect(codesAfter((p) => (resource(p, 'providers').dialect = { delimiter: ',,' }))).toEqual([
      'dialect/invalid',
    ]);
    expect(codesAfter((p) => (resource(p, 'providers-json').dialect = { delimiter: ',' }))).toEqual(
      ['resource/dialect'],
    );
  });

  it('fails package metadata that breaks its rules', () => {
    expect(codesAfter((p) => (p.name = 'Kitemark Register'))).toEqual(['package/name']);
    expect(codesAfter((p) => (p.created = '1 June 2026'))).toEqual(['package/created']);
    expect(codesAfter((p) => (p.version = 'v1'))).toEqual(['package/version']);
    expect(codesAfter((p) => (p.licenses = []))).toEqual(['package/licenses']);
    expect(codesAfter((p) => (p.contributors[0]!.role = 'owner'))).toEqual([
      'package/contributor-role',
    ]);
    expect(codesAfter((p) => (p.resources = []))).toEqual(['package/no-resources']);
  });
});
