/**
 * Exact arithmetic for money and measures: pence are integers, measures (square metres,
 * full-time equivalents, percentages) are decimals read from their digits into scaled BigInts,
 * so no floating-point error can move a penny. Pure; bundled into the browser.
 */

/** Decimal places a measure or percentage may have. */
export const MEASURE_PLACES = 6;
const SCALE = 10n ** BigInt(MEASURE_PLACES);

/**
 * `2.5` or `"1,200.75"` → the value × 10^6 as a BigInt; undefined unless it is a plain,
 * non-negative decimal with at most six decimal places.
 */
export function scaledDecimal(value: unknown): bigint | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    text = String(value);
  } else if (typeof value === 'string') text = value.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  else return undefined;
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > MEASURE_PLACES) return undefined;
  return BigInt(match[1]!) * SCALE + BigInt(fraction.padEnd(MEASURE_PLACES, '0'));
}

/** Back from scaled to a number (for storing a measure that was read as text). */
export function unscale(scaled: bigint): number {
  return Number(scaled) / Number(SCALE);
}

/** n ÷ d rounded half up (away from zero for the non-negative values used here). */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n || n < 0n) throw new RangeError('divideHalfUp takes n ≥ 0 and d > 0');
  return (2n * n + d) / (2n * d);
}

/**
 * Shares `total` pence out in proportion to `weights` by the largest remainder method: each
 * part gets the whole pence of its exact share, and the pence left over go one each to the
 * parts with the largest fractions (earlier parts first on a tie), so the parts always add up
 * to the total exactly. With two parts the first gets its exact share rounded half up.
 */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum <= 0n || total < 0n || weights.some((w) => w < 0n)) {
    throw new RangeError(
      'allocateLargestRemainder takes total ≥ 0 and weights ≥ 0 summing above 0',
    );
  }
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}

/** A ratio as a percentage to one decimal place, rounded half up: 1 ÷ 3 → `33.3`. */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number(divideHalfUp(part * 1000n, whole)) / 10;
}
