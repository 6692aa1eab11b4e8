import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../scripts/lib/parseTable.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { validateRegister } from '../../scripts/lib/validateRegister.ts';
import { fixtureFiles, toSources } from '../support/register.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('parseTable', () => {
  it('stops reading on after a stray quote once 100 rows are broken, and says so', () => {
    const { table, issues } = parseTable('t.csv', text(`a,b\n1,2\n${'x"\n'.repeat(200_000)}`));
    const gaveUp = issues.find((i) => i.code === 'csv/too-many-errors')!;
    expect(gaveUp).toMatchObject({ severity: 'error', file: 't.csv' });
    expect(gaveUp.line).toBeLessThan(110);
    expect(table.rows.length).toBeLessThan(110);
    expect(issues.length).toBeLessThan(110);
  });

  it('gives each row the line it starts on, past blank lines and line breaks in cells', () => {
    const { table, issues } = parseTable('t.csv', text('a,b\n1,"x\ny"\n\n3,4\n'));
    expect(issues).toEqual([]);
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'x\ny'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('reads CRLF files the same as LF files', () => {
    expect(parseTable('t.csv', text('a,b\r\n1,2\r\n')).table.rows).toEqual([
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('reads a 50 MB line without trouble', () => {
    const long = 'x'.repeat(50 * 1024 * 1024);
    const { table, issues } = parseTable('t.csv', text(`a,b\n${long},2\n`));
    expect(issues).toEqual([]);
    expect(table.rows[0]!.cells[0]!.length).toBe(long.length);
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const { table, issues } = parseTable('t.csv', bytes);
        for (const i of issues) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.column).toBeGreaterThanOrEqual(1);
        }
        expect(Array.isArray(table.rows)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on CSV-like text built from quotes, commas and line breaks', () => {
    const pieces = fc.constantFrom('"', ',', '\n', '\r\n', 'a', ' ', '""', '\uFEFF', 'é', ';');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        parseTable('t.csv', text(`a,b,c\n${parts.join('')}`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validating a register whose tables are arbitrary bytes', () => {
  it('never throws, and every issue names a file, line and column', () => {
    const base = fixtureFiles();
    const files = ['providers.csv', 'accreditations.csv', 'documents.csv', 'register.json'];
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.uint8Array({ maxLength: 300 }), (file, bytes) => {
        const sources = toSources(new Map<string, string | Uint8Array>(base).set(file, bytes));
        const issues = validateRegister(loadRegister(sources), { today: '2026-06-01' });
        for (const i of issues) expect(i.file && i.line >= 1 && i.column >= 1).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });
});
