import { describe, expect, it } from 'vitest';
import {
  allocateLargestRemainder,
  divideHalfUp,
  percentOf,
  scaledDecimal,
} from '../../scripts/lib/costs/decimal.ts';

describe('scaledDecimal', () => {
  it('reads decimals exactly, from numbers and from text with thousands commas', () => {
    expect(scaledDecimal(0.1)).toBe(100_000n);
    expect(scaledDecimal('1,200.5')).toBe(1_200_500_000n);
    expect(scaledDecimal('3')).toBe(3_000_000n);
  });

  it('refuses negatives, words, exponents and more than six decimal places', () => {
    for (const bad of [-1, 'ten', '1e3', '0.0000001', Number.NaN, '', null]) {
      expect(scaledDecimal(bad)).toBeUndefined();
    }
  });
});

describe('allocateLargestRemainder', () => {
  it('always adds up to the total, the spare pence going to the largest fractions', () => {
    // 100p in thirds: 33.33p each, one spare penny to the first on a tie
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // 10p as 1:2:7 is exact
    expect(allocateLargestRemainder(10n, [1n, 2n, 7n])).toEqual([1n, 2n, 7n]);
    // 7p as 1:1:1:1 = 1.75p each: the three spare pence go to the first three
    expect(allocateLargestRemainder(7n, [1n, 1n, 1n, 1n])).toEqual([2n, 2n, 2n, 1n]);
    // 5p as 1:3 = 1.25p and 3.75p: the second has the larger fraction
    expect(allocateLargestRemainder(5n, [1n, 3n])).toEqual([1n, 4n]);
  });
});

describe('divideHalfUp and percentOf', () => {
  it('round half up', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n);
    expect(divideHalfUp(7n, 3n)).toBe(2n);
    expect(percentOf(1n, 3n)).toBe(33.3);
    expect(percentOf(1n, 8n)).toBe(12.5);
    expect(percentOf(1n, 0n)).toBe(0);
  });
});
