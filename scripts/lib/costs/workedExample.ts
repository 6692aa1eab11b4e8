/**
 * The worked example the calculator page explains the method with (and the illustrative
 * statement in data/cost-statements/ follows): a carers' breaks service of 1,200 sessions a
 * year that uses every way of sharing out costs once.
 */
import type { CostInput } from './calculateFullCost.ts';
import type { StatementDetails } from './costStatement.ts';

export const WORKED_EXAMPLE_DETAILS: StatementDetails = {
  provider_name: 'An example carers charity',
  service_name: "Carers' breaks and short respite",
  prepared_on: '2026-11-30',
};

export const WORKED_EXAMPLE: CostInput = {
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
      other_measure: 18.5,
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
