/**
 * The apportionment bases of full cost recovery practice: how an organisation's shared costs
 * are shared out across its services, and the units each is measured in. `direct` (a cost the
 * service alone causes) and `contingency` (a stated percentage of the other costs) are the two
 * lines that share nothing out. The cost statement schema's `basis` enum lists the same codes.
 * Pure; bundled into the browser.
 */
export const BASES = [
  {
    code: 'direct',
    by: '',
    title: 'Direct to the service',
    measure: '',
    description: 'A cost the service alone causes: nothing is shared out.',
  },
  {
    code: 'direct-staff-cost',
    by: 'by direct staff cost',
    title: 'Share of direct staff cost',
    measure: '£ of direct staff cost',
    description:
      "Shared in proportion to direct staff cost: the service's direct staff cost against the direct staff cost of the rest of the organisation.",
  },
  {
    code: 'staff-time',
    by: 'by staff time',
    title: 'Share of staff time',
    measure: 'full-time equivalent staff',
    description:
      'Shared in proportion to staff time, in full-time equivalents (or hours) worked on the service and on everything else.',
  },
  {
    code: 'headcount',
    by: 'by headcount',
    title: 'Share of headcount',
    measure: 'people employed',
    description:
      'Shared in proportion to the number of staff working on the service and elsewhere.',
  },
  {
    code: 'floor-area',
    by: 'by floor area',
    title: 'Share of floor area',
    measure: 'square metres',
    description: 'Shared in proportion to the floor area the service uses and the rest uses.',
  },
  {
    code: 'service-users',
    by: 'by number of service users',
    title: 'Share of service users',
    measure: 'service users',
    description:
      'Shared in proportion to the number of people the service supports and the number the rest of the organisation supports.',
  },
  {
    code: 'percentage',
    by: 'by stated percentages',
    title: 'Stated percentage',
    measure: 'per cent',
    description:
      'Shared by percentages the provider states for the service and the rest of the organisation, which add up to 100.',
  },
  {
    code: 'contingency',
    by: '',
    title: 'Percentage of the other costs',
    measure: 'per cent',
    description: "A stated percentage of the service's other costs, for contingency and reserves.",
  },
] as const;

export type Basis = (typeof BASES)[number]['code'];

/** The bases that share an organisation's cost out (all but `direct` and `contingency`). */
export const APPORTIONMENT_BASES = BASES.filter(
  (b) => b.code !== 'direct' && b.code !== 'contingency',
).map((b) => b.code);

export function basisInfo(code: string): (typeof BASES)[number] | undefined {
  return BASES.find((b) => b.code === code);
}

export const UNITS = [
  { code: 'hour', one: 'hour', many: 'hours' },
  { code: 'session', one: 'session', many: 'sessions' },
  { code: 'place', one: 'place', many: 'places' },
  { code: 'person', one: 'person', many: 'people' },
] as const;

export type Unit = (typeof UNITS)[number]['code'];

/** The cost category a contingency line is given under. */
export const CONTINGENCY_CATEGORY = 'contingency-and-reserves';
