import { describe, expect, it } from 'vitest';
import {
  isPostcode,
  normalisePostcode,
  postcodeArea,
  postcodeDistrict,
} from '../../scripts/lib/postcode.ts';

describe('postcode', () => {
  it('accepts every UK postcode shape and nothing else', () => {
    for (const p of [
      'M1 1AA',
      'M60 1NW',
      'CR2 6XH',
      'DN55 1PT',
      'W1A 1HQ',
      'EC1A 1BB',
      'GIR 0AA',
    ]) {
      expect(isPostcode(p)).toBe(true);
    }
    for (const p of ['M11AA', 'm1 1aa', 'M1  1AA', '12345', 'M1 1AAA', ''])
      expect(isPostcode(p)).toBe(false);
  });

  it('derives what people search by', () => {
    expect(normalisePostcode('ec1a1bb')).toBe('EC1A 1BB');
    expect(postcodeDistrict('EC1A 1BB')).toBe('EC1A');
    expect(postcodeArea('EC1A 1BB')).toBe('EC');
  });
});
