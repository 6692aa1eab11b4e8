import { describe, expect, it } from 'vitest';
import {
  calculateFullCost,
  type CostInput,
  type CostResult,
} from '../../scripts/lib/costs/calculateFullCost.ts';

const CATEGORIES = {
  'direct-staff': 'Direct staff costs',
  'direct-non-staff': 'Direct non-staff costs',
  premises: 'Premises costs',
  'management-and-governance': 'Management and governance costs',
  'support-services': 'Support services costs',
  'volunteer-costs': 'Volunteer costs',
  depreciation: 'Depreciation',
  'contingency-and-reserves': 'Contingency and reserves',
};

/** A carers' breaks service: 1,200 sessions a year, every basis used once. */
const CARERS_BREAKS: CostInput = {
  unit: 'session',
  volume: 1200,
  lines: [
    { category: 'direct-staff', basis: 'direct', service_direct_pence: 8_640_000 },
    { category: 'direct-non-staff', basis: 'direct', service_direct_pence: 735_000 },
    {
      category: 'premises',
      basis: 'floor-area',
      organisation_shared_pence: 4_199_999,
      service_measure: 120,
      other_measure: 680,
    },
    {
      category: 'management-and-governance',
      basis: 'direct-staff-cost',
      organisation_shared_pence: 5_500_000,
      other_measure: 345_600,
    },
    {
      category: 'support-services',
      basis: 'staff-time',
      organisation_shared_pence: 3_850_000,
      service_measure: 3.5,
      other_measure: '18.5',
    },
    {
      category: 'volunteer-costs',
      basis: 'percentage',
      service_direct_pence: 120_000,
      organisation_shared_pence: 1_200_000,
      service_measure: 25,
      other_measure: 75,
    },
    {
      category: 'depreciation',
      basis: 'headcount',
      organisation_shared_pence: 900_001,
      service_measure: 4,
      other_measure: 14,
    },
    { category: 'contingency-and-reserves', basis: 'contingency', service_measure: 3 },
  ],
};

function worked(input: CostInput): CostResult {
  const r = calculateFullCost(input, CATEGORIES);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.result;
}

describe('calculateFullCost', () => {
  it('prices the carers breaks service to the penny, as worked by hand', () => {
    const result = worked(CARERS_BREAKS);
    const share = Object.fromEntries(result.lines.map((l) => [l.category, l.service_share_pence]));
    // premises: 4,199,999p × 120 ÷ 800 = 629,999.85p; the rest 3,569,999.15p. The service's
    // fraction (.85) is the larger, so it takes the spare penny: 630,000p.
    expect(share['premises']).toBe(630_000);
    // management: shared by direct staff cost, the service's £86,400 against the rest's
    // £345,600: 5,500,000p × 86,400 ÷ 432,000 = 1,100,000p exactly.
    expect(share['management-and-governance']).toBe(1_100_000);
    // support: 3,850,000p × 3.5 ÷ 22 FTE = 612,500p exactly.
    expect(share['support-services']).toBe(612_500);
    // volunteers: 1,200,000p × 25% = 300,000p shared, plus 120,000p direct = 420,000p.
    expect(share['volunteer-costs']).toBe(300_000);
    expect(result.lines.find((l) => l.category === 'volunteer-costs')?.service_total_pence).toBe(
      420_000,
    );
    // depreciation: 900,001p × 4 ÷ 18 = 200,000.22p; the rest's 700,000.78p has the larger
    // fraction and takes the spare penny, so the service has 200,000p.
    expect(share['depreciation']).toBe(200_000);

    // direct: 8,640,000 + 735,000 + 120,000 = 9,495,000p (£94,950)
    // overheads: 630,000 + 1,100,000 + 612,500 + 300,000 + 200,000 = 2,842,500p (£28,425)
    // contingency: 3% of 12,337,500p = 370,125p; full cost 12,707,625p (£127,076.25)
    // per session: 12,707,625 ÷ 1,200 = 10,589.69p → 10,590p; direct only 7,912.5p → 7,913p
    // gap: 12,707,625 − 9,495,000 = 3,212,625p: 25.28% of full cost (→ 25.3), 33.83% of
    // direct cost (→ 33.8)
    expect(result.totals).toEqual({
      direct_pence: 9_495_000,
      overheads_pence: 2_842_500,
      contingency_pence: 370_125,
      full_cost_pence: 12_707_625,
      unit_price_pence: 10_590,
      direct_unit_price_pence: 7_913,
      gap_pence: 3_212_625,
      gap_percent_of_full: 25.3,
      gap_percent_of_direct: 33.8,
      overhead_share_percent: 25.3,
    });
    // The lines add up to the full cost exactly.
    expect(result.lines.reduce((s, l) => s + l.service_total_pence, 0)).toBe(12_707_625);
  });

  it('shows the working of each line in pounds', () => {
    const lines = worked(CARERS_BREAKS).lines;
    const working = (c: string) => lines.find((l) => l.category === c)?.working;
    expect(working('premises')).toBe(
      '£41,999.99 shared × 120 ÷ (120 + 680) square metres = £6,300',
    );
    expect(working('volunteer-costs')).toBe(
      '£1,200 direct + £12,000 shared × 25% = £3,000: £4,200',
    );
    expect(working('contingency-and-reserves')).toBe('3% of £123,375 = £3,701.25');
    expect(lines.find((l) => l.category === 'management-and-governance')?.service_measure).toBe(
      86_400,
    );
  });

  it('rounds a half penny up, once: a shared 101p split 50:50 gives the service 51p', () => {
    const result = worked({
      unit: 'hour',
      volume: 2,
      lines: [
        { category: 'direct-staff', basis: 'direct', service_direct_pence: 0 },
        {
          category: 'premises',
          basis: 'percentage',
          organisation_shared_pence: 101,
          service_measure: 50,
          other_measure: 50,
        },
      ],
    });
    expect(result.totals.full_cost_pence).toBe(51);
    // 51p ÷ 2 hours = 25.5p → 26p
    expect(result.totals.unit_price_pence).toBe(26);
  });

  it('rounds contingency half up and takes fractional volumes', () => {
    const result = worked({
      unit: 'hour',
      volume: '12.5',
      lines: [
        { category: 'direct-staff', basis: 'direct', service_direct_pence: 12_345 },
        { category: 'contingency-and-reserves', basis: 'contingency', service_measure: '2.5' },
      ],
    });
    // 2.5% of 12,345p = 308.625p → 309p; full 12,654p ÷ 12.5 hours = 1,012.32p → 1,012p
    expect(result.totals.contingency_pence).toBe(309);
    expect(result.totals.unit_price_pence).toBe(1_012);
  });

  it('refuses a zero volume, with a stable code and a fix', () => {
    const r = calculateFullCost({ ...CARERS_BREAKS, volume: 0 }, CATEGORIES);
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'cost/zero-volume', field: 'volume' }),
    ]);
    expect(r.issues[0]!.fix).toContain('sessions');
    const blank = calculateFullCost({ ...CARERS_BREAKS, volume: '' }, CATEGORIES);
    expect(blank.issues[0]?.code).toBe('cost/zero-volume');
  });

  it('refuses a shared cost with nothing to share it out by', () => {
    const lines = CARERS_BREAKS.lines.map((l) =>
      l.category === 'premises' ? { ...l, service_measure: 0, other_measure: 0 } : l,
    );
    const r = calculateFullCost({ ...CARERS_BREAKS, lines }, CATEGORIES);
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'cost/no-base', line: 2, field: 'service_measure' }),
    ]);
    const direct = calculateFullCost(
      {
        unit: 'hour',
        volume: 1,
        lines: [{ category: 'premises', basis: 'direct', organisation_shared_pence: 500 }],
      },
      CATEGORIES,
    );
    expect(direct.issues[0]).toMatchObject({ code: 'cost/no-base', field: 'basis' });
    expect(direct.issues[0]!.message).toBe(
      'Premises costs has £5 of shared costs but no basis for sharing them out.',
    );
  });

  it('refuses percentages that do not add up to 100, saying what the rest should be', () => {
    const lines = CARERS_BREAKS.lines.map((l) =>
      l.category === 'volunteer-costs' ? { ...l, other_measure: 70 } : l,
    );
    const r = calculateFullCost({ ...CARERS_BREAKS, lines }, CATEGORIES);
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'cost/percent-sum', line: 5, field: 'other_measure' }),
    ]);
    expect(r.issues[0]!.message).toBe(
      'The percentages for Volunteer costs add up to 95%, not 100%.',
    );
    expect(r.issues[0]!.fix).toContain('for the rest, 75');
  });

  it('refuses unknown categories and bases, repeats, and contingency given as an amount', () => {
    const r = calculateFullCost(
      {
        unit: 'fortnight',
        volume: 10,
        lines: [
          { category: 'catering', basis: 'direct', service_direct_pence: 1 },
          { category: 'premises', basis: 'by-magic' },
          { category: 'direct-staff', basis: 'direct', service_direct_pence: 1.5 },
          { category: 'direct-non-staff', basis: 'direct' },
          { category: 'direct-non-staff', basis: 'direct' },
          {
            category: 'contingency-and-reserves',
            basis: 'contingency',
            service_direct_pence: 100,
          },
        ],
      },
      CATEGORIES,
    );
    expect(r.issues.map((i) => i.code)).toEqual([
      'cost/unit',
      'cost/category',
      'cost/basis',
      'cost/amount',
      'cost/duplicate-category',
      'cost/contingency',
    ]);
  });

  it('refuses a service with no costs at all', () => {
    const r = calculateFullCost(
      { unit: 'place', volume: 5, lines: [{ category: 'direct-staff', basis: 'direct' }] },
      CATEGORIES,
    );
    expect(r.issues[0]?.code).toBe('cost/empty');
  });
});
