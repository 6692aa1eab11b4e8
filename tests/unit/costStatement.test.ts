import { describe, expect, it } from 'vitest';
import { calculateFullCost, type CostInput } from '../../scripts/lib/costs/calculateFullCost.ts';
import {
  makeCostStatement,
  readCostStatement,
  type CostStatement,
} from '../../scripts/lib/costs/costStatement.ts';
import {
  formatCostStatementCsv,
  parseCostStatementCsv,
} from '../../scripts/lib/costs/costStatementCsv.ts';

const CATEGORIES = {
  'contingency-and-reserves': 'Contingency and reserves',
  depreciation: 'Depreciation',
  'direct-non-staff': 'Direct non-staff costs',
  'direct-staff': 'Direct staff costs',
  'management-and-governance': 'Management and governance costs',
  premises: 'Premises costs',
  'support-services': 'Support services costs',
  'volunteer-costs': 'Volunteer costs',
};

const INPUT: CostInput = {
  unit: 'hour',
  volume: 2000,
  lines: [
    { category: 'direct-staff', basis: 'direct', service_direct_pence: 5_000_000 },
    {
      category: 'premises',
      basis: 'floor-area',
      service_direct_pence: 100_000,
      organisation_shared_pence: 2_000_000,
      service_measure: 50,
      other_measure: 150,
    },
    {
      category: 'management-and-governance',
      basis: 'percentage',
      organisation_shared_pence: 3_000_001,
      service_measure: '33.3',
      other_measure: '66.7',
    },
    { category: 'contingency-and-reserves', basis: 'contingency', service_measure: 5 },
  ],
};

function statement(): CostStatement {
  const r = calculateFullCost(INPUT, CATEGORIES);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return makeCostStatement(
    {
      provider_name: 'Riverside Advocacy, "the" CIO',
      provider_id: 'P000007',
      service_name: 'Independent advocacy',
      prepared_on: '2026-11-30',
    },
    r.result,
  );
}

describe('cost statements', () => {
  it('hold the worked figures: 2,000 hours of advocacy', () => {
    const s = statement();
    // premises: £1,000 direct + 2,000,000p × 50 ÷ 200 = 500,000p → 600,000p
    // management: 3,000,001p × 33.3% = 999,000.33p → 999,000p
    // subtotal 5,000,000 + 600,000 + 999,000 = 6,599,000p; 5% = 329,950p; full 6,928,950p
    // per hour 6,928,950 ÷ 2,000 = 3,464.475p → 3,464p
    expect(s.lines.map((l) => l.service_total_pence)).toEqual([
      5_000_000, 600_000, 999_000, 329_950,
    ]);
    expect(s.totals.full_cost_pence).toBe(6_928_950);
    expect(s.totals.unit_price_pence).toBe(3_464);
  });

  it('round-trip through JSON unchanged', () => {
    const s = statement();
    const read = readCostStatement(JSON.parse(JSON.stringify(s)), CATEGORIES);
    expect(read.ok && read.statement).toEqual(s);
  });

  it('round-trip through CSV unchanged, in pounds a spreadsheet reads', () => {
    const s = statement();
    const csv = formatCostStatementCsv(s, CATEGORIES);
    expect(csv).toContain('provider_name,"Riverside Advocacy, ""the"" CIO"\n');
    expect(csv).toContain(
      'premises,Premises costs,floor-area,1000.00,20000.00,50,150,5000.00,6000.00\n',
    );
    expect(csv).toContain('full_cost,69289.50\n');
    const read = parseCostStatementCsv(csv, CATEGORIES);
    expect(read.ok && read.statement).toEqual(s);
  });

  it('refuse a statement whose totals do not follow from its lines', () => {
    const s = statement();
    s.totals.full_cost_pence += 1;
    s.lines[1]!.service_share_pence = 400_000;
    const read = readCostStatement(s, CATEGORIES);
    expect(read.issues).toEqual([
      expect.objectContaining({
        code: 'cost-statement/arithmetic',
        path: '/lines/1/service_share_pence',
      }),
      expect.objectContaining({
        code: 'cost-statement/arithmetic',
        path: '/totals/full_cost_pence',
      }),
    ]);
    expect(read.issues[0]!.message).toBe(
      'The statement gives £4,000, but the figures it is worked from come to £5,000.',
    );
  });

  it('refuse formula-like names and missing details', () => {
    const s = {
      ...statement(),
      provider_name: '=HYPERLINK("http://x")',
      prepared_on: '2026-02-30',
    };
    const read = readCostStatement(s, CATEGORIES);
    expect(read.issues.map((i) => [i.code, i.path])).toEqual([
      ['cost-statement/text', '/provider_name'],
      ['cost-statement/field', '/prepared_on'],
    ]);
    expect(readCostStatement([], CATEGORIES).issues[0]?.code).toBe('cost-statement/field');
  });

  it('name the CSV line, cell and field of a mistake', () => {
    const csv = formatCostStatementCsv(statement(), CATEGORIES)
      .replace('1000.00,20000.00,50,150', '1000.00,twenty,50,150')
      .replace(
        'management-and-governance,Management and governance costs,percentage,0.00,30000.01,33.3,66.7',
        'management-and-governance,Management and governance costs,percentage,0.00,30000.01,33.3,60',
      );
    const amount = parseCostStatementCsv(csv, CATEGORIES);
    // Line 1 field,value; 2-8 details; 9 blank; 10 header; 11 direct staff; 12 premises.
    expect(amount.issues).toEqual([
      expect.objectContaining({
        code: 'cost/amount',
        line: 12,
        column: 5,
        field: 'organisation_shared',
      }),
    ]);
    const percent = parseCostStatementCsv(csv.replace('twenty', '20000.00'), CATEGORIES);
    expect(percent.issues).toEqual([
      expect.objectContaining({
        code: 'cost/percent-sum',
        line: 13,
        column: 7,
        field: 'other_measure',
      }),
    ]);
  });

  it('read a filled blank template, working out what was left empty', () => {
    const blank = formatCostStatementCsv(undefined, CATEGORIES);
    expect(blank.split('\n').slice(9, 12)).toEqual([
      'category,title,basis,service_direct,organisation_shared,service_measure,other_measure,service_share,service_total',
      // Direct costs first, then the shared costs, contingency last.
      'direct-staff,Direct staff costs,direct,,,,,,',
      'direct-non-staff,Direct non-staff costs,direct,,,,,,',
    ]);
    const filled = blank
      .replace('provider_name,', 'provider_name,Riverside Advocacy')
      .replace('service_name,', 'service_name,Advocacy')
      .replace('prepared_on,', 'prepared_on,2026-11-30')
      .replace('unit,', 'unit,hour')
      .replace('volume,', 'volume,"1,000"')
      .replace(
        'direct-staff,Direct staff costs,direct,',
        'direct-staff,Direct staff costs,direct,"£40,000"',
      )
      .replace('contingency,,', 'contingency,,,2.5');
    const read = parseCostStatementCsv(filled, CATEGORIES);
    expect(read.issues).toEqual([]);
    // £40,000 + 2.5% = £41,000; ÷ 1,000 hours = £41
    expect(read.ok && read.statement.totals.unit_price_pence).toBe(4_100);
  });

  it('say where a blank template still needs filling in', () => {
    const read = parseCostStatementCsv(formatCostStatementCsv(undefined, CATEGORIES), CATEGORIES);
    expect(read.issues.map((i) => [i.field, i.line])).toEqual([
      ['provider_name', 3],
      ['service_name', 5],
      ['prepared_on', 6],
    ]);
  });
});
