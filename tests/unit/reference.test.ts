import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseReference } from '../../scripts/lib/reference.ts';
import { ROOT } from '../support/register.ts';

const csv = `postcode,local_authority,terminated,complete_area,town
AB1 2CD,S12000033,,no,Aberdeen
DT1 1AA,E06000059,,yes,Dorchester
DT1 1AJ,E06000059,1994-12,yes,
HG1 1AA,E06000065,,yes,Harrogate
M33 7HF,E08000009,,no,Sale
`;

describe('parseReference', () => {
  const reference = parseReference(csv);

  it('finds each postcode, first, middle and last, and nothing else', () => {
    expect(reference.lookup('AB1 2CD')).toEqual({
      localAuthority: 'S12000033',
      terminated: '',
      town: 'Aberdeen',
    });
    expect(reference.lookup('DT1 1AJ')).toEqual({
      localAuthority: 'E06000059',
      terminated: '1994-12',
      town: '',
    });
    expect(reference.lookup('M33 7HF')?.town).toBe('Sale');
    expect(reference.lookup('DT1 1AB')).toBeUndefined();
    expect(reference.lookup('ZZ9 9ZZ')).toBeUndefined();
  });

  it('knows which postcode areas it covers in full', () => {
    const areas = ['AB', 'B', 'DT', 'E', 'HG', 'M', 'ZZ'];
    expect(areas.filter((a) => reference.coversArea(a))).toEqual(['DT', 'HG']);
  });

  it('reads a list without a final line break, and an empty one', () => {
    const unterminated = parseReference(csv.trimEnd());
    expect(unterminated.lookup('M33 7HF')?.town).toBe('Sale');
    expect(unterminated.lookup('ZZ9 9ZZ')).toBeUndefined();
    const empty = parseReference('postcode,local_authority,terminated,complete_area,town');
    expect(empty.lookup('DT1 1AA')).toBeUndefined();
    expect(empty.coversArea('DT')).toBe(false);
    expect([...empty.entries()]).toEqual([]);
  });

  it('lists every entry in order', () => {
    expect([...reference.entries()].map(([p]) => p)).toEqual([
      'AB1 2CD',
      'DT1 1AA',
      'DT1 1AJ',
      'HG1 1AA',
      'M33 7HF',
    ]);
  });
});

describe('the real postcode list, searched without an index', () => {
  const text = readFileSync(join(ROOT, 'reference/postcodes.csv'));
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  const reference = parseReference(text);

  it('finds every postcode with its facts, and not one that is missing', () => {
    const wrong = rows.filter((r) => {
      const found = reference.lookup(r['postcode']!);
      return (
        !found ||
        found.localAuthority !== r['local_authority'] ||
        found.terminated !== r['terminated'] ||
        found.town !== r['town']
      );
    });
    expect(wrong).toEqual([]);
    const listed = new Set(rows.map((r) => r['postcode']));
    const near = rows.map((r) => r['postcode']!.replace(/.$/, (c) => (c === 'Z' ? 'Y' : 'Z')));
    const absent = near.filter((p) => !listed.has(p));
    expect(absent.length).toBeGreaterThan(1000);
    expect(absent.filter((p) => reference.lookup(p) !== undefined)).toEqual([]);
  });

  it('says which areas are complete exactly as the list does', () => {
    const complete = new Map(
      rows.map((r) => [/^[A-Z]+/.exec(r['postcode']!)![0], r['complete_area'] === 'yes']),
    );
    for (const [area, covered] of complete) expect(reference.coversArea(area), area).toBe(covered);
  });
});
