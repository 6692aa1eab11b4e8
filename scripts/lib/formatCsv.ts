import { stringify } from 'csv-stringify/sync';

/**
 * Canonical CSV: UTF-8, LF, a header row, and quotes only where a cell needs them (a comma,
 * quote or line break), so that changing one cell in a text editor is a one-line diff.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header as string[], ...(rows as string[][])], {
    record_delimiter: 'unix',
    eof: true,
  });
}
