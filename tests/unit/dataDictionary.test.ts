import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  DICTIONARY_CSV_COLUMNS,
  describeDataDictionary,
  formatDictionaryCsv,
  formatDictionaryJson,
} from '../../scripts/lib/dataDictionary.ts';
import { collectDownloadTables } from '../../scripts/lib/downloads/buildDownloads.ts';
import { TABLES, TABLE_NAMES } from '../../scripts/lib/schemas.ts';
import { OPEN_DATA_TODAY, loadOpenDataRegister } from '../support/openDataRegister.ts';

const loaded = loadOpenDataRegister();
const tables = collectDownloadTables(loaded, OPEN_DATA_TODAY);
const dictionary = describeDataDictionary(tables, loaded.codelists);
const table = (name: string) => dictionary.tables.find((t) => t.name === name)!;
const field = (t: string, f: string) => table(t).fields.find((x) => x.name === f)!;

describe('describeDataDictionary', () => {
  it('describes every field of every schema, in schema order, with its title and description', () => {
    for (const name of TABLE_NAMES) {
      expect(table(name).fields.map((f) => [f.name, f.title, f.description])).toEqual(
        TABLES[name].fields.map((f) => [f.name, f.title, f.description]),
      );
      expect(table(name).source).toBe(true);
    }
    expect(table('providers-with-status').source).toBe(false);
  });

  it('says whether each field is required, and when a conditional one is', () => {
    expect(field('providers', 'name').required).toBe('required');
    expect(field('providers', 'website').required).toBe('optional');
    expect(field('accreditations', 'expires_on').required).toBe(
      'Required unless Status is "applied".',
    );
  });

  it('gives types, formats, patterns and examples from the schema', () => {
    expect(field('providers', 'added_on')).toMatchObject({
      type: 'date',
      format: 'YYYY-MM-DD',
      example: '2025-06-01',
    });
    expect(field('providers', 'services').type).toBe('list of text (separated by ;)');
    expect(field('providers', 'postcode').pattern).toBe(
      String(TABLES.providers.fields.find((f) => f.name === 'postcode')!.pattern),
    );
    expect(field('providers', 'email').format).toBe('email address');
    expect(field('contract-template-parameters', 'required').type).toBe('true or false');
    expect(field('providers-with-status', 'days_to_expiry').type).toBe('whole number');
  });

  it('lists a codelist field’s codes with their titles', () => {
    const legal = field('providers', 'legal_form').codelist!;
    expect(legal.name).toBe('legal-forms');
    expect(legal.codes).toEqual(
      [...loaded.codelists.get('legal-forms')!.entries.values()].map((e) => ({
        code: e.code,
        title: e.title,
      })),
    );
    expect(dictionary.codelists.map((c) => c.name)).toEqual([...loaded.codelists.keys()].sort());
  });

  it('lists the checks that apply to each field, from the issue-code catalogue', () => {
    const codes = (t: string, f: string) => field(t, f).rules.map((r) => r.code);
    expect(codes('providers', 'postcode')).toEqual(
      expect.arrayContaining(['postcode/format', 'postcode/unknown', 'cell/required']),
    );
    expect(codes('accreditations', 'expires_on')).toEqual(
      expect.arrayContaining(['date/format', 'date/order', 'accreditation/term']),
    );
    expect(codes('accreditations', 'provider_id')).toContain('reference/provider');
    expect(field('accreditations', 'provider_id').references).toEqual({
      table: 'providers',
      field: 'provider_id',
    });
    expect(codes('providers-with-status', 'status')).toEqual([]);
    expect(dictionary.fileRules.map((r) => r.code)).toContain('csv/encoding');
    expect(dictionary.templateRules.map((r) => r.code)).toContain('template/schema');
    expect(dictionary.costStatementRules.map((r) => r.code)).toContain('cost/percent-sum');
  });

  it('changes when a table changes, with nothing written by hand', () => {
    const extra = {
      ...tables[0]!,
      fields: [
        ...tables[0]!.fields,
        {
          name: 'new_field',
          title: 'New field',
          description: 'Added.',
          type: 'string' as const,
          list: false,
          required: false,
        },
      ],
    };
    const changed = describeDataDictionary([extra], loaded.codelists);
    expect(changed.tables[0]!.fields.at(-1)).toMatchObject({
      name: 'new_field',
      title: 'New field',
      required: 'optional',
    });
  });
});

describe('formatDictionaryCsv and formatDictionaryJson', () => {
  it('give one row per field and the same facts as JSON', () => {
    const rows = parse(formatDictionaryCsv(dictionary), { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0]!)).toEqual([...DICTIONARY_CSV_COLUMNS]);
    expect(rows).toHaveLength(dictionary.tables.reduce((n, t) => n + t.fields.length, 0));
    expect(
      rows.find((r) => r['table'] === 'providers' && r['field'] === 'legal_form'),
    ).toMatchObject({
      codelist: 'legal-forms',
      required: 'required',
    });
    const json = JSON.parse(formatDictionaryJson(dictionary)) as {
      tables: { name: string }[];
      rules: Record<string, { severity: string }>;
    };
    expect(json.tables.map((t) => t.name)).toEqual(dictionary.tables.map((t) => t.name));
    expect(json.rules['postcode/format']!.severity).toBe('error');
  });
});
