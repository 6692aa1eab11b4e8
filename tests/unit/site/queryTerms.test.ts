import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import {
  directIdentifier,
  normaliseIdentifier,
  queryTerms,
} from '../../../site/assets/search/queryTerms.js';

const texts = (q: string) => queryTerms(lunr, q).map((t) => t.text);

describe('queryTerms', () => {
  it('lower-cases words and drops stop words', () => {
    expect(texts('The Dementia Support in Leeds')).toEqual(['dementia', 'support', 'leeds']);
  });
  it('keeps identifiers whole and reads certificate numbers however typed', () => {
    expect(queryTerms(lunr, 'KM 000123 P000045 1123456')).toEqual([
      { text: 'km-000123', identifier: true },
      { text: 'p000045', identifier: true },
      { text: '1123456', identifier: true },
    ]);
    expect(normaliseIdentifier('KM000123')).toBe('km-000123');
  });
  it('reduces a full postcode to its district', () => {
    expect(texts('care near LS6 2AB')).toEqual(['ls6', 'care', 'near']);
    expect(texts('ls62ab')).toEqual(['ls6']);
  });
  it('caps the number and length of terms', () => {
    expect(texts('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10').length).toBe(8);
    expect(texts('x'.repeat(5000))[0]!.length).toBeLessThanOrEqual(200);
  });
  it('names a provider or certificate typed exactly', () => {
    expect(directIdentifier(' km-000123 ')).toEqual({ kind: 'certificate', id: 'KM-000123' });
    expect(directIdentifier('p000045')).toEqual({ kind: 'provider', id: 'P000045' });
    expect(directIdentifier('carers')).toBeUndefined();
  });
});
