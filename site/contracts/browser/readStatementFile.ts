/**
 * Reads a cost statement a person chose (JSON, or CSV in the template's layout) with the same
 * model the build uses, so the calculator and the fill-in form accept exactly what
 * `kitemark price` and `kitemark validate` accept.
 */
import type { CategoryTitles } from '../../../scripts/lib/costs/calculateFullCost.ts';
import { readCostStatement, type CostStatement } from '../../../scripts/lib/costs/costStatement.ts';
import {
  csvRows,
  readCostStatementRows,
  statementValueFromRows,
} from '../../../scripts/lib/costs/costStatementCsv.ts';

export type StatementFileResult =
  | { ok: true; statement: CostStatement }
  | { ok: false; problems: string[]; value?: Record<string, unknown> };

const MAX_BYTES = 2_000_000;

/** The statement's raw fields (for filling a form) and, if it is complete, the statement. */
export async function readStatementFile(
  file: File,
  categories: CategoryTitles,
): Promise<StatementFileResult> {
  if (file.size > MAX_BYTES) {
    return { ok: false, problems: ['The file is larger than a cost statement can be (2 MB).'] };
  }
  const text = await file.text();
  if (/\.json$/i.test(file.name) || /^\s*\{/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, problems: ['The file is not valid JSON.'] };
    }
    const read = readCostStatement(value, categories);
    if (read.ok) return { ok: true, statement: read.statement };
    return {
      ok: false,
      problems: read.issues.map((i) => `${i.path || 'The file'}: ${i.message} ${i.fix}`),
      ...(typeof value === 'object' && value !== null
        ? { value: value as Record<string, unknown> }
        : {}),
    };
  }
  const rows = csvRows(text);
  if (!Array.isArray(rows)) return { ok: false, problems: [rows.message] };
  const read = readCostStatementRows(rows, categories);
  if (read.ok) return { ok: true, statement: read.statement };
  const layout = statementValueFromRows(rows);
  return {
    ok: false,
    problems: read.issues.map(
      (i) => `Line ${i.line}${i.field ? `, ${i.field}` : ''}: ${i.message} ${i.fix}`,
    ),
    ...('value' in layout ? { value: layout.value } : {}),
  };
}
