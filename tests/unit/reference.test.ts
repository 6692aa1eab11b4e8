import { describe, expect, it } from 'vitest';
import { parseReference } from '../../scripts/lib/reference.ts';

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
    expect([...reference.completeAreas].sort()).toEqual(['DT', 'HG']);
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
