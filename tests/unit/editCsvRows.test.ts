import { describe, expect, it } from 'vitest';
import { appendRow, formatRow, readRows, replaceRow } from '../../scripts/github/editCsvRows.ts';

const header = ['id', 'name', 'note'];
const text = 'id,name,note\nP1,"Quoted, name",plain\nP2,Multi,"line one\nline two"\nP3,Last,\n';

describe('editCsvRows', () => {
  it('formats one canonical row, quoting only where needed', () => {
    expect(formatRow(header, { id: 'P9', name: 'A "B", C', other: 'dropped' })).toBe(
      'P9,"A ""B"", C",\n',
    );
  });
  it('appends after a final newline, adding one if missing', () => {
    expect(appendRow(text, header, { id: 'P4' })).toBe(`${text}P4,,\n`);
    expect(appendRow(text.trimEnd(), header, { id: 'P4' })).toBe(`${text}P4,,\n`);
  });
  it('replaces a row in place, even one spanning lines, and touches nothing else', () => {
    const rows = readRows('t.csv', text).rows;
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(replaceRow('t.csv', text, 3, { ...rows[1]!.cells, note: 'one line now' })).toBe(
      'id,name,note\nP1,"Quoted, name",plain\nP2,Multi,one line now\nP3,Last,\n',
    );
    expect(replaceRow('t.csv', text, 5, { ...rows[2]!.cells, name: 'Final' })).toBe(
      text.replace('P3,Last,', 'P3,Final,'),
    );
    expect(() => replaceRow('t.csv', text, 4, {})).toThrow('no row starts on line 4');
  });
});
