import { describe, expect, it } from 'vitest';
import { formatCount, formatDate } from '../../../scripts/publish/kit/format.ts';
import { plural } from '../../../scripts/lib/words.ts';

describe('format', () => {
  it('writes dates the GOV.UK way', () => {
    expect(formatDate('2029-03-16')).toBe('16 March 2029');
    expect(formatDate('2026-01-01')).toBe('1 January 2026');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });
  it('writes counts with commas and plurals', () => {
    expect(formatCount(50000)).toBe('50,000');
    expect(plural(1, 'provider')).toBe('1 provider');
    expect(plural(2, 'NHS body', 'NHS bodies')).toBe('2 NHS bodies');
  });
});
