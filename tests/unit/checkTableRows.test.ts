import { describe, expect, it } from 'vitest';
import { checkTableRows, type SchemaLike } from '../../scripts/lib/checkTableRows.ts';

describe('checkTableRows', () => {
  const schema: SchemaLike = {
    fields: [
      { name: 'id', type: 'string', constraints: { required: true, pattern: 'P[0-9]{2}' } },
      { name: 'on', type: 'date' },
      { name: 'n', type: 'integer', constraints: { minimum: 0 } },
      { name: 'ok', type: 'boolean' },
    ],
    primaryKey: ['id'],
    missingValues: [''],
  };
  const codes = (rows: unknown[][], physical: 'text' | 'typed' = 'text') =>
    checkTableRows(schema, rows, physical).map(
      (p) => `${p.code}@${p.row}${p.field ? `:${p.field}` : ''}`,
    );

  it('finds what frictionless-py reports: labels, blank rows, extra and missing cells', () => {
    const header = ['id', 'on', 'n', 'ok'];
    expect(codes([header, ['P01', '2026-01-31', '3', 'true']])).toEqual([]);
    expect(codes([['id', 'date', 'n', 'ok']])).toEqual(['incorrect-label@1:on']);
    expect(codes([header, ['', '', '', '']])).toEqual(['blank-row@2']);
    expect(codes([header, ['P01', '', '', '', 'x']])).toEqual(['extra-cell@2']);
    expect(codes([header, ['P01', '']])).toEqual(['missing-cell@2:n', 'missing-cell@2:ok']);
  });

  it('finds type and constraint errors and repeated keys', () => {
    const header = ['id', 'on', 'n', 'ok'];
    expect(
      codes([
        header,
        ['P01', '2026-02-30', '-1', 'yes'],
        ['P1', '', '1.5', ''],
        ['P01', '', '', ''],
        ['', '2026-01-01', '', ''],
      ]),
    ).toEqual([
      'type-error@2:on',
      'constraint-error@2:n',
      'type-error@2:ok',
      'constraint-error@3:id',
      'type-error@3:n',
      'primary-key@4',
      'constraint-error@5:id',
      'primary-key@5',
    ]);
  });

  it('reads spreadsheet cells by their own types: a number in a text field is a type error', () => {
    const header = ['id', 'on', 'n', 'ok'];
    expect(codes([header, ['P01', new Date('2026-01-31T00:00:00Z'), 3, true]], 'typed')).toEqual(
      [],
    );
    expect(codes([header, ['P01', '2026-01-31', '3', 'true']], 'typed')).toEqual([
      'type-error@2:on',
      'type-error@2:n',
      'type-error@2:ok',
    ]);
    expect(codes([header, ['P01', new Date('2026-01-31T10:00:00Z'), null, null]], 'typed')).toEqual(
      ['type-error@2:on'],
    );
  });
});
