/**
 * Quick starts for pandas and R (readr), written from the tables' fields so they read every
 * column with its type: identifiers and other text as text (a charity number's leading zero,
 * or a name such as "NA", survives), dates as dates, counts as integers, yes/no as logical.
 * Only the empty cell is missing, as in the CSV. Change a schema and the snippets change.
 */
import { appendAll } from '../appendAll.ts';
import type { DownloadField, DownloadTable } from './downloadTable.ts';

/** The tables a quick start reads: the register's own, and the joined one for analysis. */
export const QUICK_START_TABLES = [
  'providers',
  'accreditations',
  'documents',
  'commissioners',
  'providers-with-status',
];

const PANDAS_TYPES: Record<string, string> = {
  string: 'string',
  integer: 'Int64',
  number: 'float64',
  boolean: 'boolean',
};
const isDate = (f: DownloadField) => f.type === 'date' && !f.list;
/** A table's name as a variable in Python and R: `providers-with-status` is `providers_with_status`. */
const variable = (t: DownloadTable) => t.name.replace(/[^A-Za-z0-9_]/g, '_');

function chosen(tables: readonly DownloadTable[]): DownloadTable[] {
  return QUICK_START_TABLES.map((n) => tables.find((t) => t.name === n)).filter(
    (t): t is DownloadTable => t !== undefined,
  );
}

/** The pandas dtype of each column that is not a date (dates go to parse_dates). */
export function pandasDtypes(table: DownloadTable): Record<string, string> {
  return Object.fromEntries(
    table.fields
      .filter((f) => !isDate(f))
      .map((f) => [f.name, f.list ? 'string' : PANDAS_TYPES[f.type]!]),
  );
}

/** `import pandas as pd` and one `read_csv` per table. */
export function formatPandasQuickStart(tables: readonly DownloadTable[], url: string): string {
  const lines = [
    'import pandas as pd',
    '',
    `BASE = ${JSON.stringify(url)}`,
    '# Only an empty cell is missing: "NA" or "None" in a name stays text.',
    'OPTIONS = dict(keep_default_na=False, na_values=[""], true_values=["true"], false_values=["false"])',
  ];
  for (const table of chosen(tables)) {
    const dtypes = Object.entries(pandasDtypes(table));
    const dates = table.fields.filter(isDate).map((f) => JSON.stringify(f.name));
    appendAll(lines, [
      '',
      `${variable(table)} = pd.read_csv(`,
      `    BASE + ${JSON.stringify(`${table.path}.csv`)},`,
      '    dtype={',
      ...dtypes.map(([name, type]) => `        ${JSON.stringify(name)}: ${JSON.stringify(type)},`),
      '    },',
      ...(dates.length > 0
        ? [`    parse_dates=[${dates.join(', ')}],`, '    date_format="%Y-%m-%d",']
        : []),
      '    **OPTIONS,',
      ')',
    ]);
  }
  lines.push(
    '',
    '# Lists (services, areas served, ...) are separated by ";":',
    `# ${variable(chosen(tables)[0] ?? tables[0]!)}["services"].str.split(";")`,
  );
  return `${lines.join('\n')}\n`;
}

/** readr's column type of a field that is not text (text is the default). */
function readrType(f: DownloadField): string | undefined {
  if (f.list || f.type === 'string') return undefined;
  if (f.type === 'date') return 'col_date(format = "%Y-%m-%d")';
  if (f.type === 'integer') return 'col_integer()';
  if (f.type === 'number') return 'col_double()';
  return 'col_logical()';
}

/** `library(readr)` and one `read_csv` per table, every column typed. */
export function formatRQuickStart(tables: readonly DownloadTable[], url: string): string {
  const lines = ['library(readr)', '', `base <- ${JSON.stringify(url)}`];
  for (const table of chosen(tables)) {
    const typed = table.fields
      .map((f) => [f.name, readrType(f)] as const)
      .filter((x): x is readonly [string, string] => x[1] !== undefined);
    appendAll(lines, [
      '',
      `${variable(table)} <- read_csv(`,
      `  paste0(base, ${JSON.stringify(`${table.path}.csv`)}),`,
      '  # Text unless said otherwise: identifiers keep their leading zeros.',
      '  col_types = cols(',
      '    .default = col_character()' + (typed.length > 0 ? ',' : ''),
      ...typed.map(([name, type], i) => `    ${name} = ${type}${i < typed.length - 1 ? ',' : ''}`),
      '  ),',
      '  na = ""',
      ')',
    ]);
  }
  return `${lines.join('\n')}\n`;
}
