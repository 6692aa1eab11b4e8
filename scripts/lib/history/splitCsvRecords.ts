/**
 * Splits a CSV file into the text of each record, without reading the cells: a record ends at
 * a line break outside double quotes. The history replay uses it to find which rows a commit
 * changed, so only those go through the loader; a file it cannot split simply (a carriage
 * return, a blank line, an unclosed quote) gets undefined and is loaded whole.
 */
export interface CsvRecordText {
  /** The record exactly as written, without its line break. */
  text: string;
  /** 1-based line the record starts on. */
  line: number;
}

export function splitCsvRecords(
  text: string,
): { header: string; records: CsvRecordText[] } | undefined {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const records: CsvRecordText[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      if (!quoted) {
        if (i === start) return undefined;
        records.push({ text: text.slice(start, i), line: startLine });
        start = i + 1;
        startLine = line + 1;
      }
      line++;
    }
  }
  if (quoted) return undefined;
  if (start < text.length) records.push({ text: text.slice(start), line: startLine });
  const [header, ...rest] = records;
  if (!header) return undefined;
  return { header: header.text, records: rest };
}
