/**
 * The build's own last check on the downloads (checkDownloadTables: formula-like text, cells
 * too long for a spreadsheet), run by `validate` too, so a register that validates is one the
 * build publishes. Each problem becomes an issue on the file the published row came from.
 */
import { error, type Issue } from '../issue.ts';
import type { LoadedRegister } from '../loadRegister.ts';
import { quoteValue } from '../quoteValue.ts';
import {
  checkDownloadTables,
  collectDownloadTables,
  type DownloadProblem,
} from './buildDownloads.ts';

const AS_ISSUE = {
  'csv/formula-like-cell': {
    code: 'publish/formula',
    fix: 'Reword it so it does not start with = + - @ (for example, put the words first).',
  },
  'xlsx/cell-too-long': {
    code: 'publish/cell-too-long',
    fix: 'Shorten it: a spreadsheet cell holds at most 32,767 characters.',
  },
} as const;

export function publishableCheck(options: { today: string }) {
  return (loaded: LoadedRegister): Issue[] => {
    const tables = collectDownloadTables(loaded, options.today);
    const byName = new Map(tables.map((t) => [t.name, t]));
    // The data package's own rules depend on the schemas, not on the register's rows.
    const cellProblems = checkDownloadTables(tables).filter(
      (p): p is Exclude<DownloadProblem, { code: 'datapackage/invalid' }> =>
        p.code !== 'datapackage/invalid',
    );
    return cellProblems.map((p) => {
      const name = 'table' in p ? p.table : p.sheet;
      const table = byName.get(name);
      const record = table?.records[p.row - 2];
      const key = (table?.primaryKey ?? [])
        .map((k) => record?.[k])
        .filter((v) => v !== undefined)
        .join(' ');
      const templateFile =
        record && typeof record['template_id'] === 'string' && typeof record['version'] === 'string'
          ? `contract-templates/${record['template_id']}/${record['version']}.json`
          : undefined;
      const { code, fix } = AS_ISSUE[p.code];
      return error(
        code,
        {
          file: templateFile ?? table?.source ?? name,
          line: 1,
          column: 1,
          field: p.field,
        },
        `The published ${name} table cannot hold this${key ? ` (${quoteValue(String(key))})` : ''}: ${p.message}`,
        fix,
      );
    });
  };
}
