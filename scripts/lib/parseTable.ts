import { isUtf8 } from 'node:buffer';
import { parse, CsvError } from 'csv-parse/sync';
import { error, warning, type Issue } from './issue.ts';

/** A CSV table as written: the header and each row's cells, with the line each row starts on. */
export interface ParsedTable {
  file: string;
  header: string[];
  rows: ParsedRow[];
}

export interface ParsedRow {
  /** 1-based line the row starts on (the header is line 1). */
  line: number;
  cells: string[];
}

export interface ParseResult {
  table: ParsedTable;
  issues: Issue[];
}

/**
 * Parses one CSV file without ever throwing: syntax problems become issues with the line and
 * cell they are on, and whatever parsed cleanly before them is kept.
 */
export function parseTable(file: string, bytes: Uint8Array): ParseResult {
  const issues: Issue[] = [];
  const table: ParsedTable = { file, header: [], rows: [] };
  const at = (line: number, column: number) => ({ file, line, column, field: '' });

  if (bytes.length === 0 || /^\s*$/.test(decodeStart(bytes))) {
    issues.push(
      error(
        'csv/empty',
        at(1, 1),
        `${file} is empty.`,
        'Put the header row back: copy it from the blank template on the downloads page.',
      ),
    );
    return { table, issues };
  }
  if (bytes.indexOf(0) !== -1) {
    const offset = bytes.indexOf(0);
    const { line, column } = positionOfByte(bytes, offset);
    issues.push(
      error(
        'csv/binary',
        at(line, column),
        `${file} is not a text file: it contains a NUL byte (byte ${offset + 1}).`,
        'Save the table as "CSV UTF-8 (comma delimited)" from your spreadsheet, not as a workbook.',
      ),
    );
    return { table, issues };
  }

  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    issues.push(
      error(
        'csv/encoding',
        at(line, column),
        `${file} is not UTF-8: byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} on line ${line} is not valid UTF-8 (it was probably saved as Windows-1252 or Latin-1).`,
        'Save the file as "CSV UTF-8 (comma delimited)", or re-encode it to UTF-8, and check accented letters survived.',
      ),
    );
    return { table, issues };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    issues.push(
      warning(
        'csv/bom',
        at(1, 1),
        `${file} starts with a byte order mark, which some tools show as stray characters.`,
        'Run `kitemark fix` to remove it.',
      ),
    );
  }

  let records = readRecords(bytes);
  if (records.error) {
    issues.push(csvSyntaxIssue(file, records.error, records.errorLine));
    // A stray quote reads on in the relaxed, spreadsheet-like way, so the rows after it are still
    // checked; an unclosed quote swallows the rest of the file either way.
    const relaxed = readRecordsRelaxed(bytes);
    if (!relaxed.error || relaxed.rows.length > records.rows.length) records = relaxed;
    if (relaxed.gaveUpAt !== undefined) {
      issues.push(
        error(
          'csv/too-many-errors',
          at(relaxed.gaveUpAt, 1),
          `${file} has more than ${MAX_RELAXED_ERRORS} rows with stray quotes or the wrong number of cells; it was read up to line ${relaxed.gaveUpAt} and the rest was not checked.`,
          'Fix the quotes reported above (a quote inside a cell is written twice, and the whole cell is put in double quotes), then validate again.',
        ),
      );
    }
  }
  const rowsRead = records.rows;

  const [header, ...rows] = rowsRead;
  if (!header) {
    if (issues.length === 0)
      issues.push(
        error('csv/empty', at(1, 1), `${file} has no header row.`, 'Add the header row.'),
      );
    return { table, issues };
  }
  table.header = header.cells;
  table.rows = rows;
  for (const row of rows) {
    if (row.cells.length === header.cells.length) continue;
    const extra = row.cells.length > header.cells.length;
    issues.push(
      error(
        'csv/cell-count',
        at(row.line, extra ? header.cells.length + 1 : row.cells.length),
        `Line ${row.line} has ${row.cells.length} ${row.cells.length === 1 ? 'cell' : 'cells'} but the header has ${header.cells.length}.`,
        extra
          ? 'A comma inside a cell needs the whole cell in double quotes ("like, this"); or remove the extra cells.'
          : 'Add the missing cells (leave them empty if there is nothing to say), or check for a line break inside a cell.',
      ),
    );
  }
  return { table, issues };
}

function readRecords(bytes: Uint8Array): { rows: ParsedRow[]; error?: unknown; errorLine: number } {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const options = { bom: true, relax_column_count: true };
  let records: string[][];
  try {
    // No per-record info from csv-parse: it costs a quarter of the parse time at 50,000
    // providers. Lines are counted here instead, from the line breaks inside cells.
    records = parse(input, options) as string[][];
  } catch {
    return readRecordsUpToError(input, options);
  }
  const rows: ParsedRow[] = new Array(records.length);
  // When the file has exactly one line break per record, no cell holds a line break and no line
  // is blank, so record i starts on line i + 1 and nothing needs scanning.
  const breaks = countLineBreaks(input);
  if (breaks === records.length || breaks === records.length - 1) {
    for (let i = 0; i < records.length; i++) rows[i] = { line: i + 1, cells: records[i]! };
    return { rows: blankLinesRemoved(rows), errorLine: 0 };
  }
  let line = 1;
  for (let r = 0; r < records.length; r++) {
    const cells = records[r]!;
    rows[r] = { line, cells };
    line++;
    for (const cell of cells) {
      for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
    }
  }
  return { rows: blankLinesRemoved(rows), errorLine: 0 };
}

function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** A blank line reads as one empty cell; skip it, as a spreadsheet would. */
function blankLinesRemoved(rows: ParsedRow[]): ParsedRow[] {
  const blank = (r: ParsedRow) => r.cells.length === 1 && r.cells[0]!.trim() === '';
  return rows.some(blank) ? rows.filter((r) => !blank(r)) : rows;
}

/**
 * Rows read the relaxed, spreadsheet-like way after a stray quote, so the rows after it are still
 * checked. csv-parse's relaxed mode slows down more than linearly on a file of many stray quotes
 * (200,000 short lines took 25 s), and past a hundred broken rows the rest says nothing new: stop
 * there.
 */
export const MAX_RELAXED_ERRORS = 100;

function readRecordsRelaxed(bytes: Uint8Array): {
  rows: ParsedRow[];
  error?: unknown;
  errorLine: number;
  gaveUpAt?: number;
} {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = -1;
  let broken = 0;
  let gaveUpAt: number | undefined;
  const result = readRecordsUpToError(
    input,
    { bom: true, relax_column_count: true, relax_quotes: true },
    (cells, line) => {
      if (width < 0) width = cells.length;
      else if (cells.length !== width || cells.some((c) => c.includes('"'))) broken++;
      if (broken > MAX_RELAXED_ERRORS) {
        gaveUpAt = line;
        return false;
      }
      return true;
    },
  );
  return gaveUpAt === undefined ? result : { rows: result.rows, errorLine: 0, gaveUpAt };
}

/** The slow path, for broken files only: keeps the rows before the fault and where it began. */
function readRecordsUpToError(
  input: Buffer,
  options: object,
  /** Called with each row before it is kept; false stops reading (the row is not kept). */
  keep: (cells: string[], line: number) => boolean = () => true,
): { rows: ParsedRow[]; error?: unknown; errorLine: number } {
  // csv-parse reports where a record ends; a record starts on the line after the previous one
  // ended, plus any blank lines skipped in between.
  let previousEnd = 0;
  let previousEmpty = 0;
  const rows: ParsedRow[] = [];
  try {
    parse(input, {
      ...options,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        const line = previousEnd + 1 + (context.empty_lines - previousEmpty);
        previousEnd = context.lines;
        previousEmpty = context.empty_lines;
        if (!keep(record, line)) throw STOP;
        rows.push({ line, cells: record });
        return null;
      },
    });
    return { rows, errorLine: 0 };
  } catch (error) {
    if (error === STOP) return { rows, errorLine: 0 };
    return { rows, error, errorLine: previousEnd + 1 };
  }
}

const STOP = Symbol('stop reading');

function csvSyntaxIssue(file: string, e: unknown, recordStart: number): Issue {
  // csv-parse's error context: `lines` is where it stopped, `column` the 0-based cell index.
  const context = (e instanceof CsvError ? e : {}) as { lines?: unknown; column?: unknown };
  const line = typeof context.lines === 'number' ? context.lines : recordStart;
  const column = typeof context.column === 'number' ? context.column + 1 : 1;
  const at = { file, line, column, field: '' };
  if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return error(
      'csv/unclosed-quote',
      { ...at, line: recordStart, column: 1 },
      `A double quote opened in the row starting on line ${recordStart} is never closed, so the rest of ${file} cannot be read.`,
      'Add the closing double quote at the end of the cell, or remove the stray one. A quote inside a quoted cell is written twice ("").',
    );
  }
  if (e instanceof CsvError && e.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return error(
      'csv/stray-quote',
      at,
      `Line ${line}, cell ${at.column}: text follows a closing double quote.`,
      'Put the whole cell in double quotes and write each quote inside it twice (""), for example "The ""Friends"" group".',
    );
  }
  const reason = e instanceof Error ? e.message : String(e);
  return error(
    'csv/syntax',
    at,
    `${file} could not be read from line ${line}: ${reason}`,
    'Open the file in a text editor at that line and check its quotes and commas.',
  );
}

function decodeStart(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '');
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a) {
      line++;
      if (!quoted) column = 1;
    } else if (b === 0x2c && !quoted) column++;
  }
  return { line, column };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Bisect on prefixes that end at a line break: those never cut a character in two.
  let good = 0;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    end = end === -1 ? bytes.length : end + 1;
    try {
      decoder.decode(bytes.subarray(start, end));
      good = end;
      start = end;
    } catch {
      break;
    }
  }
  for (let i = good; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (length === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
      i += length - 1;
    } catch {
      return i;
    }
  }
  return good;
}
