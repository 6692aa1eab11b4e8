import { describe, expect, it } from 'vitest';
import { formatDate, formatInteger, formatMoney } from '../../scripts/lib/contracts/formatValue.ts';

describe('formatMoney', () => {
  it('adds £ and thousands separators, and pence only when there are some', () => {
    expect(formatMoney(0)).toBe('£0');
    expect(formatMoney(999)).toBe('£999');
    expect(formatMoney(125000)).toBe('£125,000');
    expect(formatMoney(1250.5)).toBe('£1,250.50');
    expect(formatMoney(1234567.89)).toBe('£1,234,567.89');
    expect(formatMoney(-5000)).toBe('-£5,000');
  });

  it('works in whole pence, so floating point never shows', () => {
    expect(formatMoney(0.1 + 0.2)).toBe('£0.30');
    expect(formatMoney(19.99)).toBe('£19.99');
  });
});

describe('formatInteger', () => {
  it('groups thousands', () => {
    expect(formatInteger(3)).toBe('3');
    expect(formatInteger(1200)).toBe('1,200');
    expect(formatInteger(-1234567)).toBe('-1,234,567');
  });
});

describe('formatDate', () => {
  it('reads as the GOV.UK style', () => {
    expect(formatDate('2026-04-01')).toBe('1 April 2026');
    expect(formatDate('2024-02-29')).toBe('29 February 2024');
    expect(formatDate('2025-12-31')).toBe('31 December 2025');
  });
});
