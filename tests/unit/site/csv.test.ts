import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../site/assets/search/csv.js';

describe('csv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+44 1632', '-2', '@SUM(A1)', ':x', '\tx', '\rx', ' =x', '＝x']) {
      expect(csvCell(cell).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('Harbour Carers')).toBe('Harbour Carers');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(toCsv(['a', 'b'], [['1', '=2']])).toBe("\uFEFFa,b\r\n1,'=2\r\n");
  });
});
