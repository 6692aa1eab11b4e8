import { describe, expect, it } from 'vitest';
import { normaliseCertificateNumber } from '../../../site/assets/search/certificateNumber.js';

describe('normaliseCertificateNumber', () => {
  it('accepts the ways people type a number', () => {
    for (const typed of ['KM-000123', 'km000123', 'KM 000123', ' km-123 ', '123', 'KM–000123']) {
      expect(normaliseCertificateNumber(typed)).toBe('KM-000123');
    }
  });
  it('refuses anything else', () => {
    for (const typed of ['', 'KM-1234567', 'XY-000123', 'KM-00012A', '../x', '<b>']) {
      expect(normaliseCertificateNumber(typed)).toBeUndefined();
    }
  });
});
