import { describe, expect, it } from 'vitest';
import {
  escapePointerToken,
  parsePointer,
  pointerPath,
  valueAtPointer,
} from '../../scripts/lib/jsonPointer.ts';

describe('JSON pointers', () => {
  it('unescapes ~1 and ~0 in that order, as RFC 6901 says', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/~01/0')).toEqual(['a/b', '~1', '0']);
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(parsePointer(`/${escapePointerToken('~1/')}`)).toEqual(['~1/']);
  });

  it('gives array indices as numbers for a tree path', () => {
    expect(pointerPath('/sections/2/title')).toEqual(['sections', 2, 'title']);
  });

  it('finds the value a pointer names, or nothing', () => {
    const doc = { sections: [{ 'a/b': 1 }], n: null };
    expect(valueAtPointer(doc, '')).toBe(doc);
    expect(valueAtPointer(doc, '/sections/0/a~1b')).toBe(1);
    expect(valueAtPointer(doc, '/sections/3/x')).toBeUndefined();
    expect(valueAtPointer(doc, '/n/x')).toBeUndefined();
  });
});
