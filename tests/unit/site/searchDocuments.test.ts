import { describe, expect, it } from 'vitest';
import {
  identifierTokens,
  postcodeDistrict,
  searchDocument,
} from '../../../scripts/publish/site/search/searchDocuments.ts';
import { siteFixture } from '../../support/siteRegister.ts';

const { register } = siteFixture();
const harbour = register.providerById.get('P000001')!;

describe('postcodeDistrict', () => {
  it('is the outward code, however the postcode is spaced', () => {
    expect(postcodeDistrict('DT1 1AB')).toBe('DT1');
    expect(postcodeDistrict('sw1a1aa')).toBe('SW1A');
    expect(postcodeDistrict('M1 1AE')).toBe('M1');
  });
});

describe('identifierTokens', () => {
  it('keeps every identifier and certificate number whole, in lower case', () => {
    expect(identifierTokens(harbour)).toEqual(['p000001', '1123456', '04123456', 'km-000001']);
  });
});

describe('searchDocument', () => {
  it('holds each field’s text, with codes as the titles people type', () => {
    expect(searchDocument(register, harbour)).toEqual({
      n: 'Harbour Carers Trust Harbour Carers Dorset Carers Harbour',
      i: ['p000001', '1123456', '04123456', 'km-000001'],
      t: 'Dorchester',
      p: 'DT1',
      a: 'Dorset Council',
      s: 'Support for unpaid carers Respite and short breaks',
      g: 'Unpaid carers',
      d: 'Breaks and advice for unpaid carers in Dorset.',
    });
  });
});
