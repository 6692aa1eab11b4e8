import { describe, expect, it } from 'vitest';
import { parsePostcodeQuery } from '../../scripts/lib/geography/placeQuery.ts';

describe('parsePostcodeQuery', () => {
  it('reads a full postcode in any case and spacing', () => {
    for (const text of ['M33 7AB', 'm337ab', ' m33  7ab ']) {
      expect(parsePostcodeQuery(text)).toEqual({
        kind: 'postcode',
        postcode: 'M33 7AB',
        sector: 'M33 7',
        district: 'M33',
      });
    }
  });

  it('reads a sector, with or without its space', () => {
    expect(parsePostcodeQuery('M33 7')).toEqual({
      kind: 'sector',
      sector: 'M33 7',
      district: 'M33',
    });
    expect(parsePostcodeQuery('sw1a1')).toEqual({
      kind: 'sector',
      sector: 'SW1A 1',
      district: 'SW1A',
    });
  });

  it('reads an outward code alone as a district, not as a sector', () => {
    expect(parsePostcodeQuery('M33')).toEqual({ kind: 'district', district: 'M33' });
    expect(parsePostcodeQuery('w1a')).toEqual({ kind: 'district', district: 'W1A' });
  });

  it('trusts a typed space about where the outward code ends', () => {
    expect(parsePostcodeQuery('M3 37')).toBeUndefined();
    expect(parsePostcodeQuery('M3 3')).toEqual({ kind: 'sector', sector: 'M3 3', district: 'M3' });
  });

  it('leaves words to the other searches', () => {
    for (const text of ['Sale', 'Trafford', 'dementia', 'M33 7AB extra', '', '1100001']) {
      expect(parsePostcodeQuery(text)).toBeUndefined();
    }
  });
});
