/**
 * A download table as canonical CSV (the register's own form: UTF-8, LF, minimal quoting, lists
 * joined with `;`) and as JSON (an array of records, one per line, lists as arrays, empty
 * values left out, so each record of a register table validates against its JSON Schema).
 */
import { formatCsv } from '../formatCsv.ts';
import { cellText, type DownloadRecord, type DownloadTable } from './downloadTable.ts';

export function formatTableCsv(table: DownloadTable): string {
  const names = table.fields.map((f) => f.name);
  return formatCsv(
    names,
    table.records.map((r) => names.map((n) => cellText(r[n]))),
  );
}

export function formatTableJson(table: DownloadTable): string {
  if (table.records.length === 0) return '[]\n';
  return `[\n${table.records.map((r) => formatJsonRecord(table, r)).join(',\n')}\n]\n`;
}

/** One record as one line of JSON, its fields in the table's order. */
export function formatJsonRecord(table: DownloadTable, record: DownloadRecord): string {
  const ordered: Record<string, unknown> = {};
  for (const f of table.fields) {
    const v = record[f.name];
    if (v !== undefined && v !== '') ordered[f.name] = v;
  }
  return JSON.stringify(ordered);
}
