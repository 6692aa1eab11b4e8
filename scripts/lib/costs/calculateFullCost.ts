/**
 * The full cost recovery calculator: from a service's direct costs, the organisation's shared
 * costs with how each is shared out, a contingency percentage and the service's volume, works
 * out the service's full cost category by category, the price per unit, the share of overheads
 * and the gap between pricing at direct cost only and at full cost. Pure; the same function
 * runs in `kitemark price`, `kitemark validate` and the calculator page in the browser.
 *
 * Rounding is done in one way, in one place each:
 * - money is whole pence throughout; measures and percentages are exact decimals;
 * - a shared cost is split between the service and the rest of the organisation by the largest
 *   remainder method (decimal.ts), so the two parts add up to the shared cost exactly; for the
 *   service that is its exact share rounded half up to the penny;
 * - contingency is its percentage of the other costs, rounded half up to the penny;
 * - the price per unit is the full cost divided by the volume, rounded half up to the penny
 *   (so price per unit × volume can differ from the full cost by less than the volume in pence);
 * - percentages shown are rounded half up to one decimal place.
 *
 * Problems come back as typed data with stable codes (COST_ISSUE_CODES); nothing throws.
 */
import {
  allocateLargestRemainder,
  divideHalfUp,
  MEASURE_PLACES,
  percentOf,
  scaledDecimal,
  unscale,
} from './decimal.ts';
import { basisInfo, CONTINGENCY_CATEGORY, UNITS, type Basis, type Unit } from './costBases.ts';
import { formatPence, MAX_PENCE } from './money.ts';

export type CostIssueCode =
  | 'cost/zero-volume'
  | 'cost/volume'
  | 'cost/unit'
  | 'cost/category'
  | 'cost/duplicate-category'
  | 'cost/basis'
  | 'cost/amount'
  | 'cost/measure'
  | 'cost/no-base'
  | 'cost/percent-sum'
  | 'cost/contingency'
  | 'cost/empty';

export interface CostIssue {
  code: CostIssueCode;
  /** Index into `lines`, or undefined for the service's volume and unit. */
  line?: number;
  /** The field: `volume`, `unit`, or a line's field such as `other_measure`. */
  field: string;
  message: string;
  fix: string;
}

/** One cost category's figures as entered. Amounts are whole pence; measures are decimals. */
export interface CostLineInput {
  category: string;
  basis: string;
  /** What the service alone costs in this category. */
  service_direct_pence?: number;
  /** The organisation's shared cost in this category, to be shared out on the basis. */
  organisation_shared_pence?: number;
  /**
   * The service's measure on the basis (square metres, staff, service users, per cent; for a
   * contingency line, its percentage). For `direct-staff-cost` it is the service's direct staff
   * cost in pounds, taken from the direct staff line when left out.
   */
  service_measure?: number | string;
  /** The rest of the organisation's measure on the same basis. */
  other_measure?: number | string;
}

export interface CostInput {
  unit: string;
  volume: unknown;
  lines: readonly CostLineInput[];
}

export interface CostLineResult {
  category: string;
  title: string;
  basis: Basis;
  service_direct_pence: number;
  organisation_shared_pence: number;
  service_measure?: number;
  other_measure?: number;
  /** The service's share of the organisation's shared cost (or, for contingency, the amount). */
  service_share_pence: number;
  /** Direct cost plus share: what the line adds to the full cost. */
  service_total_pence: number;
  /** The service's share of the basis, in per cent (one decimal place), where shared. */
  share_percent?: number;
  /** The sum in words and figures, for showing the working. */
  working: string;
}

export interface CostTotals {
  /** Every direct cost of the service, in any category: the "direct cost only" price. */
  direct_pence: number;
  /** The service's shares of the organisation's shared costs. */
  overheads_pence: number;
  contingency_pence: number;
  full_cost_pence: number;
  unit_price_pence: number;
  /** Price per unit at direct cost only. */
  direct_unit_price_pence: number;
  /** Full cost less direct cost: what a direct-cost-only price leaves unrecovered. */
  gap_pence: number;
  /** The gap as a percentage of the full cost. */
  gap_percent_of_full: number;
  /** The gap as a percentage of the direct cost: how much more than direct cost the full cost is. */
  gap_percent_of_direct: number;
  /** Overheads and contingency as a share of the full cost, in per cent. */
  overhead_share_percent: number;
}

export interface CostResult {
  unit: Unit;
  volume: number;
  lines: CostLineResult[];
  totals: CostTotals;
}

export type CalculateResult =
  { ok: true; result: CostResult; issues: [] } | { ok: false; issues: CostIssue[] };

/** Category code → title, from the cost-categories codelist. */
export type CategoryTitles = Readonly<Record<string, string>>;

const VOLUME_PLACES = 2;

function formatMeasure(scaled: bigint): string {
  const whole = scaled / 10n ** BigInt(MEASURE_PLACES);
  const fraction = (scaled % 10n ** BigInt(MEASURE_PLACES))
    .toString()
    .padStart(MEASURE_PLACES, '0')
    .replace(/0+$/, '');
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

function isPence(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_PENCE;
}

export function calculateFullCost(input: CostInput, categories: CategoryTitles): CalculateResult {
  const issues: CostIssue[] = [];
  const add = (
    code: CostIssueCode,
    line: number | undefined,
    field: string,
    message: string,
    fix: string,
  ) => issues.push({ code, ...(line === undefined ? {} : { line }), field, message, fix });

  const unit = UNITS.find((u) => u.code === input.unit);
  if (!unit) {
    add(
      'cost/unit',
      undefined,
      'unit',
      `The unit "${String(input.unit)}" is not one the calculator knows.`,
      `Use one of: ${UNITS.map((u) => u.code).join(', ')}.`,
    );
  }
  const volume = scaledDecimal(input.volume);
  const volumeText =
    input.volume === undefined || input.volume === null ? '' : String(input.volume).trim();
  if (volumeText === '' || volume === 0n) {
    add(
      'cost/zero-volume',
      undefined,
      'volume',
      'The volume is zero or missing, so there is no price per unit.',
      `Enter how many ${unit?.many ?? 'units'} the service delivers in the year, more than 0.`,
    );
  } else if (
    volume === undefined ||
    volume % 10n ** BigInt(MEASURE_PLACES - VOLUME_PLACES) !== 0n
  ) {
    add(
      'cost/volume',
      undefined,
      'volume',
      `The volume "${volumeText}" is not a number of ${unit?.many ?? 'units'}.`,
      'Enter a number more than 0, with at most two decimal places, such as 1200 or 1250.5.',
    );
  }

  const title = (code: string) => (Object.hasOwn(categories, code) ? categories[code] : undefined);
  const seen = new Map<string, number>();
  const directStaffPence = input.lines
    .filter((l) => l.category === 'direct-staff' && isPence(l.service_direct_pence))
    .reduce((sum, l) => sum + (l.service_direct_pence ?? 0), 0);

  interface Checked {
    index: number;
    line: CostLineInput;
    basis: Basis;
    direct: number;
    shared: number;
    service?: bigint;
    other?: bigint;
  }
  const checked: Checked[] = [];

  input.lines.forEach((line, index) => {
    const where = `line ${index + 1}`;
    const name = title(line.category);
    if (name === undefined) {
      add(
        'cost/category',
        index,
        'category',
        `"${String(line.category)}" on ${where} is not a cost category.`,
        `Use a code from the cost-categories codelist: ${Object.keys(categories).sort().join(', ')}.`,
      );
      return;
    }
    const first = seen.get(line.category);
    if (first !== undefined) {
      add(
        'cost/duplicate-category',
        index,
        'category',
        `${name} is on line ${first + 1} and again on ${where}.`,
        'Give each cost category once: add the amounts together on one line.',
      );
      return;
    }
    seen.set(line.category, index);
    const info = basisInfo(line.basis);
    if (!info) {
      add(
        'cost/basis',
        index,
        'basis',
        `"${String(line.basis)}" is not a way of sharing out costs (${name}).`,
        'Use direct, direct-staff-cost, staff-time, headcount, floor-area, service-users or percentage (contingency for contingency and reserves).',
      );
      return;
    }
    const basis = info.code;
    if ((basis === 'contingency') !== (line.category === CONTINGENCY_CATEGORY)) {
      add(
        'cost/basis',
        index,
        'basis',
        basis === 'contingency'
          ? `Only contingency and reserves is worked out as a percentage of the other costs, not ${name}.`
          : 'Contingency and reserves is a percentage of the other costs, not an amount shared out.',
        basis === 'contingency'
          ? 'Choose how this category is shared out, or direct.'
          : 'Set its basis to contingency and give the percentage as the service measure.',
      );
      return;
    }
    let bad = false;
    const amount = (field: 'service_direct_pence' | 'organisation_shared_pence') => {
      const value = line[field];
      if (value === undefined || value === null) return 0;
      if (isPence(value)) return value;
      bad = true;
      add(
        'cost/amount',
        index,
        field,
        `The ${field === 'service_direct_pence' ? 'direct' : 'shared'} amount for ${name} is not an amount of money.`,
        'Enter pounds and pence, 0 or more, such as 86400 or 1250.50.',
      );
      return 0;
    };
    const measure = (field: 'service_measure' | 'other_measure') => {
      const value = line[field];
      if (value === undefined || value === null || value === '') return undefined;
      const scaled = scaledDecimal(value);
      if (scaled !== undefined) return scaled;
      bad = true;
      add(
        'cost/measure',
        index,
        field,
        `The ${field === 'service_measure' ? "service's" : "rest of the organisation's"} measure for ${name}, "${String(value)}", is not a number.`,
        `Enter ${info.measure || 'a number'}, 0 or more, with at most ${MEASURE_PLACES} decimal places.`,
      );
      return undefined;
    };
    const direct = amount('service_direct_pence');
    const shared = amount('organisation_shared_pence');
    let service = measure('service_measure');
    const other = measure('other_measure');
    if (bad) return;

    if (basis === 'contingency') {
      if (direct !== 0 || shared !== 0 || other !== undefined) {
        add(
          'cost/contingency',
          index,
          direct !== 0
            ? 'service_direct_pence'
            : shared !== 0
              ? 'organisation_shared_pence'
              : 'other_measure',
          'Contingency and reserves is given only as a percentage of the other costs.',
          'Leave the amounts empty and give the percentage as the service measure.',
        );
        return;
      }
      if (service !== undefined && service > 100n * 10n ** BigInt(MEASURE_PLACES)) {
        add(
          'cost/contingency',
          index,
          'service_measure',
          `A contingency of ${formatMeasure(service)}% is more than 100%.`,
          'Enter a percentage from 0 to 100; most providers use 2 to 10.',
        );
        return;
      }
    } else if (basis === 'direct') {
      if (shared !== 0) {
        add(
          'cost/no-base',
          index,
          'basis',
          `${name} has ${formatPence(shared)} of shared costs but no basis for sharing them out.`,
          'Choose how the shared cost is shared out: by direct staff cost, staff time, headcount, floor area, service users or a stated percentage.',
        );
        return;
      }
    } else if (shared !== 0) {
      if (basis === 'direct-staff-cost') {
        const derived = BigInt(directStaffPence) * 10n ** BigInt(MEASURE_PLACES - 2);
        if (service !== undefined && service !== derived) {
          add(
            'cost/measure',
            index,
            'service_measure',
            `Shared by direct staff cost, the service's measure must be its direct staff cost, ${formatPence(directStaffPence)}, not ${formatMeasure(service)}.`,
            "Leave the service measure empty, or make it the direct staff line's amount.",
          );
          return;
        }
        service = derived;
      }
      const noBase = (message: string, field: string, fix: string) =>
        add('cost/no-base', index, field, message, fix);
      if (service === undefined || other === undefined) {
        noBase(
          `${name} is shared out ${info.by}, but the ${service === undefined ? "service's" : "rest of the organisation's"} measure is missing.`,
          service === undefined ? 'service_measure' : 'other_measure',
          basis === 'direct-staff-cost' && service === undefined
            ? "Enter the service's direct staff cost on the direct staff line."
            : `Enter the ${info.measure} for the service and for the rest of the organisation.`,
        );
        return;
      }
      if (basis === 'percentage') {
        const sum = service + other;
        if (sum !== 100n * 10n ** BigInt(MEASURE_PLACES)) {
          add(
            'cost/percent-sum',
            index,
            'other_measure',
            `The percentages for ${name} add up to ${formatMeasure(sum)}%, not 100%.`,
            `Make the service's and the rest of the organisation's percentages add up to 100: for the rest, ${formatMeasure(service <= 100n * 10n ** BigInt(MEASURE_PLACES) ? 100n * 10n ** BigInt(MEASURE_PLACES) - service : 0n)}.`,
          );
          return;
        }
      } else if (service + other === 0n) {
        noBase(
          `${name} is shared out ${info.by}, but the measures are all 0, so there is nothing to share it out by.`,
          'service_measure',
          `Enter the ${info.measure} for the service and for the rest of the organisation, or choose another basis.`,
        );
        return;
      }
    }
    checked.push({
      index,
      line,
      basis,
      direct,
      shared,
      ...(service === undefined ? {} : { service }),
      ...(other === undefined ? {} : { other }),
    });
  });

  if (issues.length > 0) return { ok: false, issues };

  const lines: CostLineResult[] = [];
  let contingency: Checked | undefined;
  let directTotal = 0n;
  let overheads = 0n;
  for (const c of checked) {
    const name = title(c.line.category)!;
    if (c.basis === 'contingency') {
      contingency = c;
      continue;
    }
    let share = 0n;
    let sharePercent: number | undefined;
    const steps: string[] = [];
    if (c.shared > 0 && c.service !== undefined && c.other !== undefined) {
      const info = basisInfo(c.basis)!;
      [share] = allocateLargestRemainder(BigInt(c.shared), [c.service, c.other]) as [bigint];
      sharePercent = percentOf(c.service, c.service + c.other);
      steps.push(
        c.basis === 'percentage'
          ? `${formatPence(c.shared)} shared × ${formatMeasure(c.service)}% = ${formatPence(Number(share))}`
          : `${formatPence(c.shared)} shared × ${formatMeasure(c.service)} ÷ (${formatMeasure(c.service)} + ${formatMeasure(c.other)}) ${info.measure} = ${formatPence(Number(share))}`,
      );
    }
    if (c.direct > 0 || steps.length === 0) steps.unshift(`${formatPence(c.direct)} direct`);
    const total = BigInt(c.direct) + share;
    directTotal += BigInt(c.direct);
    overheads += share;
    lines.push({
      category: c.line.category,
      title: name,
      basis: c.basis,
      service_direct_pence: c.direct,
      organisation_shared_pence: c.shared,
      ...(c.service === undefined ? {} : { service_measure: unscale(c.service) }),
      ...(c.other === undefined ? {} : { other_measure: unscale(c.other) }),
      service_share_pence: Number(share),
      service_total_pence: Number(total),
      ...(sharePercent === undefined ? {} : { share_percent: sharePercent }),
      working: steps.length > 1 ? `${steps.join(' + ')}: ${formatPence(Number(total))}` : steps[0]!,
    });
  }
  const subtotal = directTotal + overheads;
  let contingencyPence = 0n;
  if (contingency) {
    const percent = contingency.service ?? 0n;
    contingencyPence = divideHalfUp(subtotal * percent, 100n * 10n ** BigInt(MEASURE_PLACES));
    lines.push({
      category: CONTINGENCY_CATEGORY,
      title: title(CONTINGENCY_CATEGORY)!,
      basis: 'contingency',
      service_direct_pence: 0,
      organisation_shared_pence: 0,
      service_measure: unscale(percent),
      service_share_pence: Number(contingencyPence),
      service_total_pence: Number(contingencyPence),
      working: `${formatMeasure(percent)}% of ${formatPence(Number(subtotal))} = ${formatPence(Number(contingencyPence))}`,
    });
  }
  const full = subtotal + contingencyPence;
  if (full === 0n) {
    return {
      ok: false,
      issues: [
        {
          code: 'cost/empty',
          field: 'lines',
          message: 'No costs have been entered, so there is nothing to price.',
          fix: "Enter the service's direct costs and the organisation's shared costs.",
        },
      ],
    };
  }
  // Volumes have at most two decimal places: work in hundredths of a unit.
  const hundredths = volume! / 10n ** BigInt(MEASURE_PLACES - VOLUME_PLACES);
  const perUnit = (pence: bigint) => Number(divideHalfUp(pence * 100n, hundredths));
  const gap = full - directTotal;
  return {
    ok: true,
    issues: [],
    result: {
      unit: unit!.code,
      volume: unscale(volume!),
      lines,
      totals: {
        direct_pence: Number(directTotal),
        overheads_pence: Number(overheads),
        contingency_pence: Number(contingencyPence),
        full_cost_pence: Number(full),
        unit_price_pence: perUnit(full),
        direct_unit_price_pence: perUnit(directTotal),
        gap_pence: Number(gap),
        gap_percent_of_full: percentOf(gap, full),
        gap_percent_of_direct: percentOf(gap, directTotal),
        overhead_share_percent: percentOf(overheads + contingencyPence, full),
      },
    },
  };
}
