import { describe, expect, it } from 'vitest';
import {
  fixCharityNumber,
  fixCompanyNumber,
  fixDate,
  fixEmail,
  fixLink,
  fixPostcode,
  isEmptySentinel,
} from '../../scripts/lib/cellFixes.ts';

describe('cell fixes', () => {
  it('normalise postcodes, and leave what is not a postcode alone', () => {
    expect(fixPostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(fixPostcode(' m33  7hf')).toBe('M33 7HF');
    expect(fixPostcode('SW1A 1AA')).toBeUndefined();
    expect(fixPostcode('not a postcode')).toBeUndefined();
  });

  it('restore leading zeros to company numbers', () => {
    expect(fixCompanyNumber('738693')).toBe('00738693');
    expect(fixCompanyNumber('SC12345')).toBe('SC012345');
    expect(fixCompanyNumber('0412 3456')).toBe('04123456');
    expect(fixCompanyNumber('04123456')).toBeUndefined();
    expect(fixCompanyNumber('123456789')).toBeUndefined();
    expect(fixCharityNumber('1 123 456')).toBe('1123456');
  });

  it('turn UK-style and export dates into ISO dates, refusing impossible ones', () => {
    expect(fixDate('16/11/2015 - 00:00')).toBe('2015-11-16');
    expect(fixDate('1/2/2025')).toBe('2025-02-01');
    expect(fixDate('2025-1-5')).toBe('2025-01-05');
    expect(fixDate('2025-01-05T10:00:00Z')).toBe('2025-01-05');
    expect(fixDate('31/02/2025')).toBeUndefined();
    expect(fixDate('11/16/2015')).toBeUndefined();
    expect(fixDate('soon')).toBeUndefined();
  });

  it('add https:// to a bare web address but never rewrite another scheme', () => {
    expect(fixLink('www.example.org/about')).toBe('https://www.example.org/about');
    expect(fixLink('javascript:alert(1)')).toBeUndefined();
    expect(fixLink('ftp://example.org')).toBeUndefined();
    expect(fixEmail('mailto:hello@example.org')).toBe('hello@example.org');
  });

  it('recognise the placeholders exports use for "nothing"', () => {
    for (const v of ['NA', 'n/a', 'N/A', 'null', '-', 'none'])
      expect(isEmptySentinel(v)).toBe(true);
    for (const v of ['Nancy', 'Nail bar', '-5', 'National']) expect(isEmptySentinel(v)).toBe(false);
  });
});
