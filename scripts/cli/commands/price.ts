/**
 * `kitemark price`: the full cost recovery calculator on the command line. Reads a cost
 * statement or a filled blank template (CSV, XLSX or JSON), works it out, and writes the
 * statement (JSON, CSV or XLSX) or prints the working; writes a blank template; compares two
 * statements line by line.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { defineCommand } from '../command.ts';
import { UsageError } from '../usageError.ts';
import { DEFAULT_DATA_DIR } from '../../io/projectRoot.ts';
import { readDataDir } from '../../io/registerFolder.ts';
import { OutputFolder } from '../../io/outputFolder.ts';
import { loadRegister } from '../../lib/loadRegister.ts';
import type { CategoryTitles, CostResult } from '../../lib/costs/calculateFullCost.ts';
import { readCostStatement, type CostStatement } from '../../lib/costs/costStatement.ts';
import {
  formatCostStatementCsv,
  parseCostStatementCsv,
  readCostStatementRows,
  type ReadCsvResult,
} from '../../lib/costs/costStatementCsv.ts';
import { compareCostStatements } from '../../lib/costs/compareCostStatements.ts';
import { formatPence } from '../../lib/costs/money.ts';
import { basisInfo, UNITS } from '../../lib/costs/costBases.ts';

const FORMATS = ['.csv', '.xlsx', '.json'];

export const priceCommand = defineCommand({
  name: 'price',
  summary: 'work out a full cost recovery price; write a cost statement or a blank template',
  usage: 'kitemark price --in FILE [--out FILE] | --template --out FILE | --in FILE --compare FILE',
  help: `Reads a cost statement, or a blank template filled in (CSV, XLSX or JSON), works out the
full cost of the service line by line (each shared cost split by its basis, then contingency),
the price per unit and the gap between a direct-cost-only price and full cost.

Options:
  --in FILE           the statement or filled template (.csv, .xlsx or .json)
  --out FILE          write the worked statement (.json, .csv or .xlsx; replaced whole);
                      without it, the working is printed
  --template          write a blank template (.csv or .xlsx) to --out, one line per cost
                      category of the codelist
  --compare FILE      print --in and FILE side by side, line by line, with the differences
  --data DIR          the register folder whose cost-categories codelist is used (default: data/)

Exit status: 0 done, 1 the statement has errors (each named by file, line, column and field),
2 bad usage.`,
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    template: { type: 'boolean' },
    compare: { type: 'string' },
    data: { type: 'string' },
  },
  async run(values) {
    const dir = resolve(typeof values['data'] === 'string' ? values['data'] : DEFAULT_DATA_DIR);
    // Only the codelist is read: the calculator needs nothing else of the register.
    const sources = await readDataDir(dir);
    const path = 'codelists/cost-categories.csv';
    const codelist = loadRegister({
      keys: () => [path],
      get: (p) => (p === path ? sources.get(p) : undefined),
    }).codelists.get('cost-categories');
    if (!codelist) throw new UsageError(`${dir} has no codelists/cost-categories.csv`);
    const entries = [...codelist.entries.values()];
    const categories: CategoryTitles = Object.fromEntries(entries.map((e) => [e.code, e.title]));
    const descriptions = Object.fromEntries(entries.map((e) => [e.code, e.description ?? '']));
    const out = typeof values['out'] === 'string' ? values['out'] : undefined;
    const format = (file: string) => {
      const ext = extname(file).toLowerCase();
      if (!FORMATS.includes(ext)) throw new UsageError(`${file}: use a .csv, .xlsx or .json file`);
      return ext;
    };

    const write = async (statement: CostStatement | undefined, file: string) => {
      const ext = format(file);
      const target = resolve(file);
      const folder = new OutputFolder(dirname(target), dirname(target));
      // Beside the target, then renamed over it, so an interrupted run leaves the old file whole.
      const save = (contents: string | Uint8Array) =>
        folder.writeAtomic(basename(target), contents);
      if (ext === '.json') {
        if (!statement) throw new UsageError('a blank template is .csv or .xlsx');
        await save(`${JSON.stringify(statement, null, 2)}\n`);
      } else if (ext === '.csv') {
        await save(formatCostStatementCsv(statement, categories));
      } else {
        const { writeCostStatementXlsx } = await import('../../lib/costs/costStatementXlsx.ts');
        await save(await writeCostStatementXlsx(statement, categories, descriptions));
      }
    };

    if (values['template']) {
      if (!out) throw new UsageError('--template needs --out FILE (.csv or .xlsx)');
      await write(undefined, out);
      process.stdout.write(`Wrote a blank cost statement template to ${out}.\n`);
      return 0;
    }
    if (typeof values['in'] !== 'string') throw new UsageError('--in FILE is required');

    const read = async (file: string): Promise<ReadCsvResult> => {
      const ext = format(file);
      let bytes: Buffer;
      try {
        bytes = await readFile(resolve(file));
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
      }
      if (ext === '.csv') return parseCostStatementCsv(bytes.toString('utf8'), categories);
      if (ext === '.xlsx') {
        const { readCostStatementXlsx } = await import('../../lib/costs/costStatementXlsx.ts');
        const rows = await readCostStatementXlsx(bytes);
        if (typeof rows === 'string') {
          return {
            ok: false,
            issues: [
              {
                code: 'cost-statement/csv',
                line: 1,
                column: 1,
                field: '',
                message: rows,
                fix: 'Save it as XLSX again, or use the blank template.',
              },
            ],
          };
        }
        return readCostStatementRows(rows, categories);
      }
      const text = bytes.toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        return {
          ok: false,
          issues: [
            {
              code: 'cost-statement/field',
              line: 1,
              column: 1,
              field: '',
              message: `The file is not valid JSON: ${(e as Error).message}.`,
              fix: 'Export the statement again.',
            },
          ],
        };
      }
      const { jsonPosition } = await import('../../lib/jsonPosition.ts');
      const r = readCostStatement(value, categories);
      if (r.ok) return r;
      return {
        ok: false,
        issues: r.issues.map((i) => ({
          code: i.code,
          ...jsonPosition(text, i.path),
          field: i.path,
          message: i.message,
          fix: i.fix,
        })),
      };
    };

    const report = (file: string, r: ReadCsvResult): r is Extract<ReadCsvResult, { ok: true }> => {
      for (const i of r.issues) {
        process.stderr.write(
          `${file}:${i.line}:${i.column}: error ${i.code}${i.field ? ` (${i.field})` : ''}: ${i.message} Fix: ${i.fix}\n`,
        );
      }
      return r.ok;
    };

    const first = await read(values['in']);
    if (!report(values['in'], first)) return 1;
    if (typeof values['compare'] === 'string') {
      const second = await read(values['compare']);
      if (!report(values['compare'], second)) return 1;
      process.stdout.write(
        formatComparison(
          first.statement,
          second.statement,
          categories,
          values['in'],
          values['compare'],
        ),
      );
      return 0;
    }
    if (out) {
      await write(first.statement, out);
      process.stdout.write(
        `Wrote the cost statement to ${out}: full cost ${formatPence(first.statement.totals.full_cost_pence)}.\n`,
      );
      return 0;
    }
    process.stdout.write(formatWorking(first.statement, first.result));
    return 0;
  },
});

function unitName(unit: string, n: number): string {
  const u = UNITS.find((x) => x.code === unit);
  return n === 1 ? (u?.one ?? unit) : (u?.many ?? unit);
}

/** The working, category by category, as the calculator page shows it. */
export function formatWorking(s: CostStatement, r: CostResult): string {
  const t = s.totals;
  const lines = [
    `${s.service_name} (${s.provider_name}): ${s.volume.toLocaleString('en-GB')} ${unitName(s.unit, s.volume)} a year`,
    '',
    ...r.lines.map(
      (l) =>
        `  ${l.title.padEnd(34)} ${(basisInfo(l.basis)?.title ?? l.basis).padEnd(28)} ${formatPence(l.service_total_pence).padStart(12)}   ${l.working}`,
    ),
    '',
    `  Direct cost ${formatPence(t.direct_pence)}; share of overheads ${formatPence(t.overheads_pence)}; contingency ${formatPence(t.contingency_pence)}`,
    `  Full cost ${formatPence(t.full_cost_pence)}; price per ${unitName(s.unit, 1)} ${formatPence(t.unit_price_pence)}`,
    `  At direct cost only (${formatPence(t.direct_pence)}, ${formatPence(t.direct_unit_price_pence)} per ${unitName(s.unit, 1)}) the price would be ${formatPence(t.gap_pence)} short: ${t.gap_percent_of_full}% of full cost.`,
    '',
  ];
  return lines.join('\n');
}

function formatComparison(
  a: CostStatement,
  b: CostStatement,
  categories: CategoryTitles,
  nameA: string,
  nameB: string,
): string {
  const c = compareCostStatements(a, b, categories);
  const money = (n: number | undefined) => (n === undefined ? '-' : formatPence(n)).padStart(14);
  const diff = (n: number | undefined) =>
    (n === undefined
      ? ''
      : n > 0
        ? `+${formatPence(n)}`
        : n < 0
          ? `-${formatPence(-n)}`
          : '£0'
    ).padStart(14);
  const row = (title: string, x?: number, y?: number, d?: number) =>
    `  ${title.padEnd(34)} ${money(x)} ${money(y)} ${diff(d)}`;
  return [
    `  ${''.padEnd(34)} ${nameA.slice(-14).padStart(14)} ${nameB.slice(-14).padStart(14)} ${'difference'.padStart(14)}`,
    ...c.lines.map((l) => row(l.title, l.a?.pence, l.b?.pence, l.difference)),
    '',
    ...c.totals.map((l) => row(l.title, l.a?.pence, l.b?.pence, l.difference)),
    ...(c.unitNote ? ['', `  ${c.unitNote}`] : []),
    '',
  ].join('\n');
}
