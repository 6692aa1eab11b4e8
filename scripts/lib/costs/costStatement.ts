/**
 * A cost statement: the calculator's result as data (schema/cost-statement.schema.json), which
 * a provider publishes, a commissioner compares and the contract fill-in form imports into its
 * pricing schedule. `makeCostStatement` makes one from a calculation; `readCostStatement`
 * takes one from anywhere (a file, an upload, JSON typed by hand), checks every field and
 * works the sums again, so a statement whose totals do not follow from its lines is refused.
 * Pure; bundled into the browser.
 */
import { isIsoDate } from '../dates.ts';
import { hasForbiddenCharacter } from '../textPolicy.ts';
import type { CostStatement, CostStatementLine } from '../types.generated.ts';
import {
  calculateFullCost,
  type CategoryTitles,
  type CostInput,
  type CostIssueCode,
  type CostResult,
} from './calculateFullCost.ts';
import { scaledDecimal } from './decimal.ts';
import { formatPence } from './money.ts';

export type { CostStatement, CostStatementLine };

export const STATEMENT_VERSION = '1.0';

export interface StatementDetails {
  provider_name: string;
  provider_id?: string;
  service_name: string;
  prepared_on: string;
}

export type StatementIssueCode =
  CostIssueCode | 'cost-statement/field' | 'cost-statement/text' | 'cost-statement/arithmetic';

export interface StatementIssue {
  code: StatementIssueCode;
  /** JSON Pointer to the field, such as `/lines/2/other_measure`. */
  path: string;
  message: string;
  fix: string;
}

export type ReadStatementResult =
  | { ok: true; statement: CostStatement; result: CostResult; issues: [] }
  | { ok: false; issues: StatementIssue[] };

export function makeCostStatement(details: StatementDetails, result: CostResult): CostStatement {
  return {
    statement_version: STATEMENT_VERSION,
    provider_name: details.provider_name,
    ...(details.provider_id ? { provider_id: details.provider_id } : {}),
    service_name: details.service_name,
    prepared_on: details.prepared_on,
    unit: result.unit,
    volume: result.volume,
    lines: result.lines.map((l) => ({
      category: l.category,
      basis: l.basis,
      service_direct_pence: l.service_direct_pence,
      organisation_shared_pence: l.organisation_shared_pence,
      ...(l.service_measure === undefined ? {} : { service_measure: l.service_measure }),
      ...(l.other_measure === undefined ? {} : { other_measure: l.other_measure }),
      service_share_pence: l.service_share_pence,
      service_total_pence: l.service_total_pence,
    })),
    totals: { ...result.totals },
  };
}

/** The figures a statement was worked out from: what the calculator takes. */
export function statementInput(
  statement: Pick<CostStatement, 'unit' | 'volume' | 'lines'>,
): CostInput {
  return {
    unit: statement.unit,
    volume: statement.volume,
    lines: statement.lines.map((l) => ({
      category: l.category,
      basis: l.basis,
      service_direct_pence: l.service_direct_pence,
      organisation_shared_pence: l.organisation_shared_pence,
      ...(l.service_measure === undefined ? {} : { service_measure: l.service_measure }),
      ...(l.other_measure === undefined ? {} : { other_measure: l.other_measure }),
    })),
  };
}

// What a spreadsheet runs as a formula when a cell starts with it (OWASP CSV injection); the
// characters that have no place in a name are textPolicy's.
const FORMULA_START = /^[=+\-@\t\r]/;

const DETAIL_FIELDS = [
  ['provider_name', "the provider's name", 200],
  ['service_name', 'the name of the service', 200],
] as const;

/** Checks a statement from anywhere and works its sums again. */
export function readCostStatement(value: unknown, categories: CategoryTitles): ReadStatementResult {
  const issues: StatementIssue[] = [];
  const add = (code: StatementIssueCode, path: string, message: string, fix: string) =>
    issues.push({ code, path, message, fix });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      issues: [
        {
          code: 'cost-statement/field',
          path: '',
          message: 'The file is not a cost statement: it holds no statement object.',
          fix: 'Export the statement again from the calculator or `kitemark price`.',
        },
      ],
    };
  }
  const v = value as Record<string, unknown>;
  const field = (name: string) => (Object.hasOwn(v, name) ? v[name] : undefined);
  if (field('statement_version') !== STATEMENT_VERSION) {
    add(
      'cost-statement/field',
      '/statement_version',
      `The statement version is ${JSON.stringify(field('statement_version')) ?? 'missing'}, not "${STATEMENT_VERSION}".`,
      `Set statement_version to "${STATEMENT_VERSION}".`,
    );
  }
  for (const [name, what, max] of DETAIL_FIELDS) {
    const text = field(name);
    if (typeof text !== 'string' || text.trim() === '' || text.length > max) {
      add(
        'cost-statement/field',
        `/${name}`,
        `The statement does not give ${what}${typeof text === 'string' && text.length > max ? ` in ${max} characters or fewer` : ''}.`,
        `Enter ${what}.`,
      );
    } else if (FORMULA_START.test(text) || hasForbiddenCharacter(text)) {
      add(
        'cost-statement/text',
        `/${name}`,
        `${what[0]!.toUpperCase()}${what.slice(1)} starts with a character a spreadsheet would run as a formula, or holds a control or invisible character.`,
        'Remove the leading = + - or @ and any control or invisible characters.',
      );
    }
  }
  const id = field('provider_id');
  if (id !== undefined && (typeof id !== 'string' || !/^P[0-9]{6}$/.test(id))) {
    add(
      'cost-statement/field',
      '/provider_id',
      `The provider ID ${JSON.stringify(id)} is not a register key.`,
      'Use the provider\'s key on the register, P and six digits such as "P000123", or leave it out.',
    );
  }
  const prepared = field('prepared_on');
  if (typeof prepared !== 'string' || !isIsoDate(prepared)) {
    add(
      'cost-statement/field',
      '/prepared_on',
      'The statement does not give the date it was prepared as a real date.',
      'Write the date as YYYY-MM-DD, such as 2026-11-30.',
    );
  }
  const lines = field('lines');
  if (!Array.isArray(lines) || lines.length === 0) {
    add(
      'cost-statement/field',
      '/lines',
      'The statement has no cost lines.',
      'Give one line for each cost category.',
    );
  }
  const lineList: unknown[] = Array.isArray(lines) ? lines : [];
  lineList.forEach((line, i) => {
    if (typeof line !== 'object' || line === null || Array.isArray(line)) {
      add(
        'cost-statement/field',
        `/lines/${i}`,
        `Line ${i + 1} is not a cost line.`,
        'Give each line its category, basis and amounts.',
      );
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  const given = lineList as Record<string, unknown>[];
  const calculated = calculateFullCost(
    {
      unit: field('unit') as string,
      volume: field('volume'),
      lines: given.map((l) => ({
        category: l['category'] as string,
        basis: l['basis'] as string,
        service_direct_pence: l['service_direct_pence'] as number,
        organisation_shared_pence: l['organisation_shared_pence'] as number,
        service_measure: l['service_measure'] as number,
        other_measure: l['other_measure'] as number,
      })),
    },
    categories,
  );
  if (!calculated.ok) {
    return {
      ok: false,
      issues: calculated.issues.map((i) => ({
        code: i.code,
        path: i.line === undefined ? `/${i.field}` : `/lines/${i.line}/${i.field}`,
        message: i.message,
        fix: i.fix,
      })),
    };
  }
  const result = calculated.result;
  const statement = makeCostStatement(
    {
      provider_name: (field('provider_name') as string).trim(),
      ...(typeof id === 'string' ? { provider_id: id } : {}),
      service_name: (field('service_name') as string).trim(),
      prepared_on: prepared as string,
    },
    result,
  );
  // The worked figures, where given, must be the calculator's: a statement is its own proof.
  const check = (path: string, stated: unknown, worked: number, money: boolean) => {
    if (stated === undefined) return;
    // A measure read from a sheet is text: compare its value, not its spelling.
    const same = money ? stated === worked : scaledDecimal(stated) === scaledDecimal(worked);
    if (!same) {
      const show = (n: unknown) => (money && typeof n === 'number' ? formatPence(n) : String(n));
      add(
        'cost-statement/arithmetic',
        path,
        `The statement gives ${show(stated)}, but the figures it is worked from come to ${show(worked)}.`,
        'Work the statement out again with the calculator or `kitemark price`, or correct the figures it is worked from.',
      );
    }
  };
  // Contingency is worked out last, whatever line it was given on.
  const byCategory = new Map(given.map((l, i) => [l['category'], i]));
  for (const line of statement.lines) {
    const i = byCategory.get(line.category)!;
    check(
      `/lines/${i}/service_share_pence`,
      given[i]!['service_share_pence'],
      line.service_share_pence,
      true,
    );
    check(
      `/lines/${i}/service_total_pence`,
      given[i]!['service_total_pence'],
      line.service_total_pence,
      true,
    );
    if (line.basis === 'direct-staff-cost') {
      check(
        `/lines/${i}/service_measure`,
        given[i]!['service_measure'],
        line.service_measure!,
        false,
      );
    }
  }
  const totals = field('totals');
  if (totals !== undefined) {
    const t = (typeof totals === 'object' && totals !== null ? totals : {}) as Record<
      string,
      unknown
    >;
    for (const [name, worked] of Object.entries(statement.totals)) {
      if (!Object.hasOwn(t, name)) {
        add(
          'cost-statement/field',
          `/totals/${name}`,
          `The totals do not give ${name}.`,
          `Add ${name}: ${worked}.`,
        );
      } else check(`/totals/${name}`, t[name], worked, name.endsWith('_pence'));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, statement, result, issues: [] };
}
