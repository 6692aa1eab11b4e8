import { describe, expect, it } from 'vitest';
import { calculateFullCost, type CostInput } from '../../scripts/lib/costs/calculateFullCost.ts';
import { makeCostStatement } from '../../scripts/lib/costs/costStatement.ts';
import { compareCostStatements } from '../../scripts/lib/costs/compareCostStatements.ts';

const CATEGORIES = {
  'direct-staff': 'Direct staff costs',
  premises: 'Premises costs',
  'support-services': 'Support services costs',
  'contingency-and-reserves': 'Contingency and reserves',
};

function bid(input: CostInput) {
  const r = calculateFullCost(input, CATEGORIES);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return makeCostStatement(
    { provider_name: 'A', service_name: 'S', prepared_on: '2026-11-30' },
    r.result,
  );
}

describe('compareCostStatements', () => {
  it('lines up two bids category by category, with the differences in pence', () => {
    const a = bid({
      unit: 'hour',
      volume: 100,
      lines: [
        { category: 'direct-staff', basis: 'direct', service_direct_pence: 100_000 },
        {
          category: 'premises',
          basis: 'floor-area',
          organisation_shared_pence: 40_000,
          service_measure: 1,
          other_measure: 3,
        },
      ],
    });
    const b = bid({
      unit: 'hour',
      volume: 100,
      lines: [
        { category: 'direct-staff', basis: 'direct', service_direct_pence: 90_000 },
        {
          category: 'support-services',
          basis: 'headcount',
          organisation_shared_pence: 30_000,
          service_measure: 1,
          other_measure: 1,
        },
        { category: 'contingency-and-reserves', basis: 'contingency', service_measure: 10 },
      ],
    });
    const c = compareCostStatements(a, b, CATEGORIES);
    // a: 100,000 + 10,000 premises = 110,000p; b: 90,000 + 15,000 + 10% of 105,000 = 115,500p
    expect(c.lines).toEqual([
      {
        key: 'direct-staff',
        title: 'Direct staff costs',
        a: { pence: 100_000, basis: 'direct' },
        b: { pence: 90_000, basis: 'direct' },
        difference: -10_000,
      },
      {
        key: 'premises',
        title: 'Premises costs',
        a: { pence: 10_000, basis: 'floor-area' },
        difference: -10_000,
      },
      {
        key: 'support-services',
        title: 'Support services costs',
        b: { pence: 15_000, basis: 'headcount' },
        difference: 15_000,
      },
      {
        key: 'contingency-and-reserves',
        title: 'Contingency and reserves',
        b: { pence: 10_500, basis: 'contingency' },
        difference: 10_500,
      },
    ]);
    expect(c.totals.find((t) => t.key === 'full_cost_pence')).toMatchObject({
      a: { pence: 110_000 },
      b: { pence: 115_500 },
      difference: 5_500,
    });
    // per hour: 1,100p against 1,155p
    expect(c.totals.find((t) => t.key === 'unit_price_pence')?.difference).toBe(55);
    expect(c.unitNote).toBeUndefined();
  });

  it('does not compare prices per unit of different units', () => {
    const line = { category: 'direct-staff', basis: 'direct', service_direct_pence: 1_000 };
    const c = compareCostStatements(
      bid({ unit: 'hour', volume: 1, lines: [line] }),
      bid({ unit: 'place', volume: 1, lines: [line] }),
      CATEGORIES,
    );
    expect(c.totals.map((t) => t.key)).not.toContain('unit_price_pence');
    expect(c.unitNote).toBe(
      'The prices per unit are not compared: one statement counts hours, the other places.',
    );
  });
});
