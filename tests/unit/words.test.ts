import { describe, expect, it } from 'vitest';
import { capitalise, plural, quote, sentence } from '../../scripts/lib/words.ts';

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

describe('sentence', () => {
  it('ends a sentence with one full stop', () => {
    expect(sentence('Shorten it')).toBe('Shorten it.');
    expect(sentence('Shorten it.')).toBe('Shorten it.');
    expect(sentence('Did you mean "name"?')).toBe('Did you mean "name"?');
  });
});

describe('quote', () => {
  it('quotes text and other values, cutting long text short', () => {
    expect(quote('MIT')).toBe('"MIT"');
    expect(quote(3)).toBe('"3"');
    expect(quote('x'.repeat(80))).toBe(`"${'x'.repeat(57)}…"`);
  });
});
