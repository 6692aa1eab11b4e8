import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixRegister } from '../../scripts/lib/fixRegister.ts';
import {
  dropColumn,
  fixtureFiles,
  setCell,
  toSources,
  validateFiles,
} from '../support/register.ts';

const P = 'providers.csv';
const base = fixtureFiles();

/** Applies `kitemark fix` to in-memory files and returns the files as they would be written. */
function fixed(files: ReadonlyMap<string, string>): Map<string, string> {
  const result = fixRegister(toSources(files));
  const out = new Map(files);
  for (const [path, text] of result.files) out.set(path, text);
  return out;
}

const rows = (text: string) =>
  parse(text, { columns: true, bom: true }) as Record<string, string>[];

describe('kitemark fix', () => {
  it('leaves a canonical register untouched', () => {
    expect(fixRegister(toSources(base)).files.size).toBe(0);
  });

  it('repairs each mechanical problem, and the result validates', () => {
    let files = setCell(base, P, 2, 'postcode', ' dt11ab ');
    files = setCell(files, P, 2, 'company_number', '4123456');
    files = setCell(files, P, 2, 'added_on', '10/01/2025');
    files = setCell(files, P, 2, 'website', 'www.harbour.example');
    files = setCell(files, P, 2, 'services', 'Carers-Support; respite-care;');
    files = setCell(files, 'accreditations.csv', 2, 'status', 'ACCREDITED');
    expect(validateFiles(files).filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
    const after = fixed(files);
    expect(validateFiles(after)).toEqual([]);
    const provider = rows(after.get(P)!)[0]!;
    expect(provider).toMatchObject({
      postcode: 'DT1 1AB',
      company_number: '04123456',
      added_on: '2025-01-10',
      website: 'https://www.harbour.example',
      services: 'carers-support;respite-care',
    });
  });

  it('sorts rows by key, puts columns in schema order, and removes a BOM and CRLF', () => {
    const text = base.get(P)!;
    const [header, ...lines] = text.trimEnd().split('\n');
    const shuffled = `\uFEFF${[header, lines[2], lines[0], lines[1]].join('\r\n')}\r\n`;
    const after = fixed(new Map(base).set(P, shuffled));
    expect(after.get(P)).toBe(text);
  });

  it('never touches a file it cannot read safely, and says why', () => {
    const broken = base.get(P)!.replace('"Weekly visits, by volunteers."', '"Weekly visits');
    const result = fixRegister(toSources(new Map(base).set(P, broken)));
    expect(result.files.has(P)).toBe(false);
    expect(result.skipped).toEqual([
      { file: P, reason: expect.stringContaining('csv/unclosed-quote') },
    ]);
  });

  it('adds a column the standard added later, empty, and says so', () => {
    const result = fixRegister(toSources(dropColumn(base, P, 'other_names')));
    expect(result.changes).toEqual([
      {
        file: P,
        line: 1,
        field: 'other_names',
        kind: 'new column',
        before: '',
        after: 'other_names',
      },
    ]);
    const after = rows(result.files.get(P)!);
    expect(after.map((r) => r['other_names'])).toEqual(['', '', '']);
    expect(Object.keys(after[0]!).at(-1)).toBe('other_names');
  });

  it('keeps unknown columns rather than dropping their cells', () => {
    const text = base
      .get(P)!
      .split('\n')
      .map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'notes' : 'kept'}`))
      .join('\n');
    const after = fixed(new Map(base).set(P, text));
    expect(rows(after.get(P)!).map((r) => r['notes'])).toEqual(['kept', 'kept', 'kept']);
  });

  // Property: for any cell text, fix is idempotent and changes nothing but the mechanical fixes.
  it('is idempotent and loses no cell, for any cell contents', () => {
    const columns = [
      'name',
      'description',
      'postcode',
      'company_number',
      'town',
      'areas_served',
      'added_on',
      'website',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...columns),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (column, value) => {
          const files = setCell(base, P, 3, column, value);
          const once = fixed(files);
          const twice = fixed(once);
          expect(twice).toEqual(once);
          const before = rows(files.get(P)!);
          const after = rows(once.get(P)!);
          expect(after).toHaveLength(before.length);
          const cellAfter = after.find((r) => r['provider_id'] === 'P000002')![column]!;
          // Whatever the fix did, it started from the trimmed text: nothing else was invented.
          if (value.trim() === '') expect(cellAfter).toBe('');
          else expect(cellAfter.length).toBeGreaterThan(0);
          for (const r of after.filter((x) => x['provider_id'] !== 'P000002')) {
            expect(r).toEqual(before.find((x) => x['provider_id'] === r['provider_id']));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
