import { describe, expect, it } from 'vitest';
import { capitalise, plural } from '../../scripts/lib/words.ts';

describe('plural', () => {
  it('counts one thing, and many with thousands separators', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(0, 'provider')).toBe('0 providers');
    expect(plural(1200, 'entry', 'entries')).toBe('1,200 entries');
  });
});

describe('capitalise', () => {
  it('puts the first letter in capitals and leaves the rest', () => {
    expect(capitalise('the NHS region')).toBe('The NHS region');
    expect(capitalise('')).toBe('');
  });
});
