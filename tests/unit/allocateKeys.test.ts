import { describe, expect, it } from 'vitest';
import { keysIn, nextKey } from '../../scripts/github/allocateKeys.ts';

describe('allocateKeys', () => {
  it('finds every key mentioned in any text', () => {
    expect([...keysIn('-P000401,x\n+KM-000012,P000003\nP12345 XP0000011')].sort()).toEqual([
      'KM-000012',
      'P000003',
      'P000401',
    ]);
  });
  it('gives one more than the highest ever used, never filling gaps', () => {
    expect(nextKey('provider', ['P000001', 'P000400', 'P000007', 'KM-000999'])).toBe('P000401');
    expect(nextKey('accreditation', ['P000001', 'KM-000009'])).toBe('KM-000010');
    expect(nextKey('provider', [])).toBe('P000001');
    expect(() => nextKey('provider', ['P999999'])).toThrow('no provider keys are left');
  });
});
