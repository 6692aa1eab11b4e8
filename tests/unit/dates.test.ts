import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  isIsoDate,
  todayInLondon,
} from '../../scripts/lib/dates.ts';

describe('dates', () => {
  it('knows real calendar dates, leap years included', () => {
    expect(['2024-02-29', '2000-02-29', '2026-12-31'].every(isIsoDate)).toBe(true);
    expect(
      [
        '2025-02-29',
        '1900-02-29',
        '2026-13-01',
        '2026-04-31',
        '2026-1-1',
        '26-01-01',
        '2026/01/01',
        '',
      ].some(isIsoDate),
    ).toBe(false);
  });

  it('adds years the way an award term is counted', () => {
    expect(addYears('2025-02-01', 3)).toBe('2028-02-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-06-01', '2026-07-31')).toBe(60);
  });

  it('says what day it is in London, not in UTC', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
