/**
 * The extra columns some codelists carry (a council's type, region, NHS region, dates and
 * successors; a document type's `mandatory`), checked against their schemas in
 * `x-codelist-columns` of schema/codelist.schema.json. The site and the downloads use these
 * values: a region that is not a region would silently drop the Region row of a provider page.
 * Every extra column, declared or not, is also published, so none may start like a formula.
 */
import type { ValidateFunction } from 'ajv';
import { fixDate } from './cellFixes.ts';
import { error, type Issue, type IssueAt } from './issue.ts';
import { splitList, type Codelist, type LoadedRegister } from './loadRegister.ts';
import { quoteValue } from './quoteValue.ts';
import { SCHEMAS, compiledSchemas, type JsonSchema } from './schemas.ts';

interface ColumnRule {
  title: string;
  list: boolean;
  codelist?: string;
  date: boolean;
  check: ValidateFunction;
}

let rules: Map<string, Map<string, ColumnRule>> | undefined;

function columnRules(): Map<string, Map<string, ColumnRule>> {
  if (rules) return rules;
  const { ajv } = compiledSchemas();
  const declared = (SCHEMAS.codelist['x-codelist-columns'] ?? {}) as Record<
    string,
    Record<string, JsonSchema>
  >;
  rules = new Map();
  for (const [name, columns] of Object.entries(declared)) {
    const byColumn = new Map<string, ColumnRule>();
    for (const [column, schema] of Object.entries(columns)) {
      const list = schema['type'] === 'array';
      const item = (list ? schema['items'] : schema) as JsonSchema;
      const { title: _t, description: _d, ...itemRules } = item;
      const rule: ColumnRule = {
        title: String(schema['title'] ?? column),
        list,
        date: item['format'] === 'date',
        check: ajv.compile(itemRules),
      };
      if (typeof item['x-codelist'] === 'string') rule.codelist = item['x-codelist'];
      byColumn.set(column, rule);
    }
    rules.set(name, byColumn);
  }
  return rules;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function validateCodelistColumns(register: LoadedRegister): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(['code', 'title', 'description']);
  for (const codelist of register.codelists.values()) {
    const declared = columnRules().get(codelist.name) ?? new Map<string, ColumnRule>();
    const extra = codelist.table.header.filter((h) => !known.has(h));
    for (const row of codelist.table.rows) {
      const record = row.record as Record<string, string | undefined>;
      for (const column of extra) {
        const value = record[column];
        if (value === undefined) continue;
        const at: IssueAt = {
          file: codelist.file,
          line: row.line,
          column: (codelist.table.column.get(column) ?? 0) + 1,
          field: column,
        };
        if (FORMULA_START.test(value)) {
          issues.push(
            error(
              'cell/formula',
              at,
              `${column} starts with "${value[0] === '\t' ? '\\t' : value[0]}", which a spreadsheet would run as a formula.`,
              'Reword it so it does not start with = + - @.',
            ),
          );
          continue;
        }
        const rule = declared.get(column);
        if (!rule) continue;
        for (const item of rule.list ? splitList(value) : [value])
          cellIssue(rule, item, at, register.codelists, issues);
      }
    }
  }
  return issues;
}

function cellIssue(
  rule: ColumnRule,
  value: string,
  at: IssueAt,
  codelists: ReadonlyMap<string, Codelist>,
  issues: Issue[],
): void {
  if (rule.codelist) {
    const target = codelists.get(rule.codelist);
    if (target && !target.entries.has(value))
      issues.push(
        error(
          'codelist/unknown',
          at,
          `"${quoteValue(value)}" is not a code in the ${rule.codelist} codelist (${rule.title}).`,
          `Use a code from data/codelists/${rule.codelist}.csv.`,
        ),
      );
    return;
  }
  if (rule.check(value)) return;
  if (rule.date) {
    const fixed = fixDate(value);
    issues.push(
      error(
        'date/format',
        at,
        `${rule.title} "${quoteValue(value)}" is not a date in the form YYYY-MM-DD.`,
        fixed ? `Write it as "${fixed}".` : 'Write dates as YYYY-MM-DD, for example "2025-04-01".',
      ),
    );
    return;
  }
  const allowed = rule.check.schema as JsonSchema;
  issues.push(
    error(
      'cell/format',
      at,
      `${rule.title} "${quoteValue(value)}" is not in the expected form.`,
      Array.isArray(allowed['enum'])
        ? `Use one of: ${(allowed['enum'] as string[]).map((v) => `"${v}"`).join(', ')}.`
        : 'Check it against the schema in schema/codelist.schema.json.',
    ),
  );
}
