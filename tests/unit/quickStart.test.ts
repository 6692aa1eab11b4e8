import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { collectDownloadTables } from '../../scripts/lib/downloads/buildDownloads.ts';
import {
  QUICK_START_TABLES,
  formatPandasQuickStart,
  formatRQuickStart,
} from '../../scripts/lib/downloads/quickStart.ts';
import { OPEN_DATA_TODAY, loadOpenDataRegister } from '../support/openDataRegister.ts';

const URL_ = 'https://register.example.org/data/';
const tables = collectDownloadTables(loadOpenDataRegister(), OPEN_DATA_TODAY);
const quickTables = tables.filter((t) => QUICK_START_TABLES.includes(t.name));

/** What each read_csv call of the snippet says, read by Python's own parser. */
function pandasCalls(
  code: string,
): { file: string; dtype: Record<string, string>; dates: string[]; options: boolean }[] {
  const script = `
import ast, json, sys
tree = ast.parse(sys.stdin.read())
calls = []
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and getattr(node.func, 'attr', '') == 'read_csv':
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        calls.append({
            'file': node.args[0].right.value,
            'dtype': ast.literal_eval(kw['dtype']),
            'dates': ast.literal_eval(kw['parse_dates']) if 'parse_dates' in kw else [],
            'options': any(k.arg is None for k in node.keywords),
        })
print(json.dumps(calls))`;
  return JSON.parse(
    execFileSync('python3', ['-c', script], { input: code, encoding: 'utf8' }),
  ) as ReturnType<typeof pandasCalls>;
}

describe('the pandas quick start', () => {
  const code = formatPandasQuickStart(tables, URL_);

  it('is Python, and reads every column of every table with its type from the schema', () => {
    const calls = pandasCalls(code);
    expect(calls.map((c) => c.file)).toEqual(quickTables.map((t) => `${t.path}.csv`));
    for (const [i, table] of quickTables.entries()) {
      const call = calls[i]!;
      expect(call.options).toBe(true);
      for (const f of table.fields) {
        if (f.type === 'date' && !f.list)
          expect(call.dates, `${table.name}.${f.name}`).toContain(f.name);
        else
          expect(call.dtype[f.name], `${table.name}.${f.name}`).toBe(
            f.list || f.type === 'string'
              ? 'string'
              : (
                  { integer: 'Int64', number: 'float64', boolean: 'boolean' } as Record<
                    string,
                    string
                  >
                )[f.type],
          );
      }
      expect(Object.keys(call.dtype).length + call.dates.length).toBe(table.fields.length);
    }
  });

  it('keeps every identifier as text and only the empty cell missing', () => {
    const providers = pandasCalls(code)[0]!;
    for (const id of [
      'provider_id',
      'charity_number',
      'oscr_number',
      'company_number',
      'cqc_provider_id',
      'ods_code',
    ])
      expect(providers.dtype[id], id).toBe('string');
    expect(code).toContain('keep_default_na=False, na_values=[""]');
    expect(code).toContain(`BASE = "${URL_}"`);
  });
});

describe('the R quick start', () => {
  const code = formatRQuickStart(tables, URL_);

  it('reads text by default and types every date, number and yes/no column from the schema', () => {
    const blocks = code.split(/\n(?=\w+ <- read_csv\()/).slice(1);
    expect(blocks).toHaveLength(quickTables.length);
    for (const [i, table] of quickTables.entries()) {
      const block = blocks[i]!;
      expect(block).toContain(`paste0(base, "${table.path}.csv")`);
      expect(block).toContain('.default = col_character()');
      expect(block).toContain('na = ""');
      for (const f of table.fields) {
        const typed = new RegExp(`\\n    ${f.name} = (col_\\w+)\\(`).exec(block)?.[1];
        const expected =
          f.list || f.type === 'string'
            ? undefined
            : {
                date: 'col_date',
                integer: 'col_integer',
                number: 'col_double',
                boolean: 'col_logical',
              }[f.type];
        expect(typed, `${table.name}.${f.name}`).toBe(expected);
      }
    }
  });

  it('has balanced brackets and quotes', () => {
    expect([...code].filter((c) => c === '(').length).toBe(
      [...code].filter((c) => c === ')').length,
    );
    expect([...code].filter((c) => c === '"').length % 2).toBe(0);
  });
});
