import { describe, expect, it } from 'vitest';
import { locateJson } from '../../scripts/lib/contracts/locateJson.ts';

const text = `{
  "title": "A",
  "sections": [
    { "number": "1", "text": "Tab\\there, \\"quoted\\" and \\u00e9 then {{x}}" }
  ]
}`;

describe('locateJson', () => {
  const at = locateJson(text);

  it('points at the key of a property, and at an array element', () => {
    expect(at.at('/title')).toEqual({ line: 2, column: 3 });
    expect(at.at('/sections/0')).toEqual({ line: 4, column: 5 });
    expect(at.at('/sections/0/number')).toEqual({ line: 4, column: 7 });
  });

  it('falls back to the nearest thing that exists, then to the top', () => {
    expect(at.at('/sections/0/missing')).toEqual({ line: 4, column: 5 });
    expect(at.at('/nothing/here')).toEqual({ line: 1, column: 1 });
    expect(locateJson('not json').at('/x')).toEqual({ line: 1, column: 1 });
  });

  it('points inside a string, counting escapes as the characters they stand for', () => {
    const value = 'Tab\there, "quoted" and é then {{x}}';
    const p = at.at('/sections/0/text', value.indexOf('{{x}}'));
    const line = text.split('\n')[p.line - 1]!;
    expect(line.slice(p.column - 1)).toMatch(/^\{\{x\}\}/);
  });

  it('finds keys given twice in one object, at the second', () => {
    const twice = locateJson('{\n  "a": 1,\n  "b": { "c": 1, "c": 2 },\n  "a": 3\n}');
    expect(twice.duplicateKeys()).toEqual([
      { pointer: '/b/c', key: 'c', position: { line: 3, column: 18 } },
      { pointer: '/a', key: 'a', position: { line: 4, column: 3 } },
    ]);
  });
});
