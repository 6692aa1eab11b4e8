/**
 * Minimal edits to a register CSV file: append a row, or rewrite one row in place, leaving
 * every other byte as it was, so the pull request a bot opens is a one-line diff that a
 * maintainer can read. Rows are written as canonical CSV (quotes only where needed).
 */
import { formatCsv } from '../lib/formatCsv.ts';
import { parseTable } from '../lib/parseTable.ts';
import type { Cells } from './readFormAnswers.ts';

/** The row as canonical CSV for this header (columns the header lacks are dropped). */
export function formatRow(header: readonly string[], cells: Cells): string {
  const csv = formatCsv(header, [header.map((column) => cells[column] ?? '')]);
  return csv.slice(csv.indexOf('\n') + 1);
}

/** `text` with the row appended (after a final newline, added if the file lacked one). */
export function appendRow(text: string, header: readonly string[], cells: Cells): string {
  const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return body + formatRow(header, cells);
}

export interface CsvRow {
  line: number;
  /** Cells by header name, exactly as written (not trimmed). */
  cells: Cells;
}

/** The header and rows of a CSV text, keyed by column name. */
export function readRows(file: string, text: string): { header: string[]; rows: CsvRow[] } {
  const { table } = parseTable(file, new TextEncoder().encode(text));
  const header = table.header.map((h) => h.trim());
  return {
    header,
    rows: table.rows.map((r) => ({
      line: r.line,
      cells: Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ''])),
    })),
  };
}

/**
 * `text` with the row that starts on `line` replaced. A row can span lines (a quoted cell with
 * a line break): it runs until the next row starts.
 */
export function replaceRow(file: string, text: string, line: number, cells: Cells): string {
  return replaceRows(file, text, new Map([[line, cells]]));
}

/** `text` with several rows replaced (by the line each starts on), parsing the file once. */
export function replaceRows(
  file: string,
  text: string,
  updates: ReadonlyMap<number, Cells>,
): string {
  const { header, rows } = readRows(file, text);
  const lines = text.split('\n');
  // The last row ends at the end of the text, less the empty remainder after a final newline.
  const endOfText = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  const starts = new Map(rows.map((r, i) => [r.line, rows[i + 1]?.line]));
  for (const line of updates.keys()) {
    if (!starts.has(line)) throw new Error(`no row starts on line ${line} of ${file}`);
  }
  // From the bottom up, so the lines of rows still to replace do not move.
  for (const line of [...updates.keys()].sort((a, b) => b - a)) {
    const next = starts.get(line);
    const end = next !== undefined ? next - 1 : endOfText;
    const replacement = formatRow(header, updates.get(line)!).replace(/\n$/, '').split('\n');
    lines.splice(line - 1, end - (line - 1), ...replacement);
  }
  return lines.join('\n');
}
