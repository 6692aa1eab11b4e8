import { describe, expect, it } from 'vitest';
import { fullMatchPattern, toTableSchema } from '../../scripts/lib/tableSchema.ts';
import type { DownloadTable } from '../../scripts/lib/downloads/downloadTable.ts';

/** How Table Schema implementations apply a pattern: to the whole value. */
const matches = (pattern: string, value: string) => new RegExp(`^(?:${pattern})$`).test(value);

describe('fullMatchPattern', () => {
  it.each([
    ['^P[0-9]{6}$', 'P[0-9]{6}', ['P000001'], ['P0000012', 'xP000001']],
    ['^https?://', 'https?://.*', ['https://a.example/x'], ['ftp://a']],
    [
      '^(?:[0-9]{8}|[A-Z]{2}[0-9]{6})$',
      '([0-9]{8}|[A-Z]{2}[0-9]{6})',
      ['04123456', 'SC123456'],
      ['0412345', 'x04123456'],
    ],
    [
      '^(?:GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$',
      '(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})',
      ['DT1 1AA', 'GIR 0AA'],
      ['dt1 1aa'],
    ],
    ['^a|b$', '(a|b)', ['a', 'b'], ['ab']],
    ['price\\$$', '.*price\\$', ['price$'], ['price']],
  ])('%s → %s', (json, table, good, bad) => {
    const converted = fullMatchPattern(json);
    expect(converted).toBe(table);
    for (const v of good) expect(matches(converted, v), v).toBe(true);
    for (const v of bad) expect(matches(converted, v), v).toBe(false);
  });
});

const TABLE: DownloadTable = {
  name: 'things',
  path: 'things',
  title: 'Things',
  description: 'Test things.',
  fields: [
    {
      name: 'id',
      title: 'ID',
      description: 'Key.',
      type: 'string',
      list: false,
      required: true,
      unique: true,
      pattern: '^T[0-9]+$',
    },
    {
      name: 'kind',
      title: 'Kind',
      description: 'A code.',
      type: 'string',
      list: false,
      required: true,
      codelist: 'kinds',
      enum: ['a-b', 'c.d'],
    },
    {
      name: 'tags',
      title: 'Tags',
      description: 'Codes.',
      type: 'string',
      list: true,
      required: false,
      enum: ['x', 'y+z'],
    },
    {
      name: 'slugs',
      title: 'Slugs',
      description: 'Slugs.',
      type: 'string',
      list: true,
      required: false,
      pattern: '^[a-z]+$',
    },
    {
      name: 'on',
      title: 'On',
      description: 'A date.',
      type: 'date',
      list: false,
      required: false,
      requiredWhen: 'Required when Kind is "a-b".',
      maxLength: 10,
    },
    {
      name: 'n',
      title: 'N',
      description: 'A count.',
      type: 'integer',
      list: false,
      required: false,
      minimum: 0,
    },
    {
      name: 'site',
      title: 'Site',
      description: 'A link.',
      type: 'string',
      list: false,
      required: false,
      format: 'uri',
      maxLength: 300,
      example: 'https://x.example',
    },
  ],
  primaryKey: ['id'],
  foreignKeys: [
    { fields: ['kind'], reference: { resource: 'codelist-kinds', fields: ['code'] } },
    { fields: ['id'], reference: { resource: 'elsewhere', fields: ['id'] } },
  ],
  records: [],
};

describe('toTableSchema', () => {
  const schema = toTableSchema(TABLE, new Set(['things', 'codelist-kinds']));
  const field = (name: string) => schema.fields.find((f) => f.name === name)!;

  it('carries types, keys and the constraints of each field', () => {
    expect(schema.primaryKey).toEqual(['id']);
    expect(schema.missingValues).toEqual(['']);
    expect(field('id')).toEqual({
      name: 'id',
      title: 'ID',
      description: 'Key.',
      type: 'string',
      constraints: { required: true, unique: true, pattern: 'T[0-9]+' },
    });
    expect(field('kind').constraints).toEqual({ required: true, enum: ['a-b', 'c.d'] });
    expect(field('on')).toMatchObject({
      type: 'date',
      description: 'A date. Required when Kind is "a-b".',
    });
    expect(field('on').constraints).toBeUndefined();
    expect(field('n')).toMatchObject({ type: 'integer', constraints: { minimum: 0 } });
    expect(field('site')).toMatchObject({
      format: 'uri',
      example: 'https://x.example',
      constraints: { maxLength: 300 },
    });
  });

  it('lets a list hold only its codes, or only items matching its pattern, separated by ;', () => {
    const tags = field('tags').constraints!.pattern!;
    expect(matches(tags, 'x;y+z')).toBe(true);
    expect(matches(tags, 'x;yyz')).toBe(false);
    expect(matches(tags, 'x;')).toBe(false);
    const slugs = field('slugs').constraints!.pattern!;
    expect(matches(slugs, 'abc;def')).toBe(true);
    expect(matches(slugs, 'abc;DEF')).toBe(false);
  });

  it('keeps only the foreign keys to resources the package holds', () => {
    expect(schema.foreignKeys).toEqual([
      { fields: ['kind'], reference: { resource: 'codelist-kinds', fields: ['code'] } },
    ]);
  });
});
