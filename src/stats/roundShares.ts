import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { checkNumber, checkOptions, type EveryKeyListed } from '../internal/options.js';

/** Options for {@link roundShares}. */
export interface RoundSharesOptions {
  /** What the rounded shares must add up to. Default 100. */
  readonly total?: number | undefined;
  /** Decimal places to keep, 0–6. Default 0. */
  readonly decimals?: number | undefined;
}


const ROUND_SHARES_OPTION_NAMES = ['total', 'decimals'] as const satisfies readonly (keyof RoundSharesOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof RoundSharesOptions, (typeof ROUND_SHARES_OPTION_NAMES)[number]>;
/**
 * Rounds shares for display so that they add up to exactly the total (100 by default), by the
 * largest-remainder method (Hamilton's): round every share down, then give the units still
 * missing to the shares with the largest remainders (ties to the earlier share). Plain rounding
 * of 33.3/33.3/33.3 shows 99 %; this shows 34/33/33. The exact values stay in the results: this is
 * for people, not for further arithmetic.
 *
 * The shares are scaled to the total first, so counts work as well as percentages.
 *
 * @param shares - non-negative numbers (percents or counts), not all zero
 * @param options - the total and the decimals to keep
 * @returns the rounded shares, in the same order
 * @throws {@link CxMetricsError} `invalid_argument` for negative or non-finite shares, or all zero
 *
 * @example
 * ```ts
 * import { computeNPS, roundShares } from 'cx-metrics';
 *
 * roundShares([100 / 3, 100 / 3, 100 / 3]); // => [34, 33, 33]
 * const result = computeNPS([10, 9, 8, 7, 7, 3, 0]);
 * roundShares([result.detractors.count, result.passives.count, result.promoters.count]); // => [29, 43, 28]
 * roundShares([1, 1, 1], { decimals: 1 }); // => [33.4, 33.3, 33.3]
 * ```
 */
export function roundShares(shares: readonly number[], options?: RoundSharesOptions): number[] {
  return guard('roundShares', () => {
    const fn = 'roundShares';
    const checked = checkOptions(fn, options, ROUND_SHARES_OPTION_NAMES);
    const total = checkNumber(fn, checked.total ?? 100, ['options', 'total'], { min: 0, exclusiveMin: true, describe: 'a total greater than 0' }, 'invalid_option');
    const decimals = checkNumber(fn, checked.decimals ?? 0, ['options', 'decimals'], { min: 0, max: 6, integer: true, describe: 'a whole number of decimals from 0 to 6' }, 'invalid_option');
    if (!Array.isArray(shares) || shares.length === 0) return fail(fn, 'invalid_argument', 'invalid_value', 'a non-empty array of shares', shares, ['shares']);
    let sum = 0;
    for (let index = 0; index < shares.length; index++) {
      if (!(index in shares)) fail(fn, 'invalid_argument', 'hole', 'a finite share of at least 0 at every index', undefined, ['shares', index]);
      sum += checkNumber(fn, shares[index], ['shares', index], { min: 0, describe: 'a finite share of at least 0' });
    }
    if (sum === 0) return fail(fn, 'invalid_argument', 'out_of_range', 'shares that are not all zero', 0, ['shares']);
    // Work in integer units of the last kept decimal.
    const unit = 10 ** decimals;
    const units = Math.round(total * unit);
    const exact = shares.map((share) => (share / sum) * units);
    const floors = exact.map((value) => Math.floor(value + 1e-9));
    let missing = units - floors.reduce((a, b) => a + b, 0);
    const order = exact.map((value, index) => ({ index, remainder: value - (floors[index] as number) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
    for (const { index } of order) {
      if (missing <= 0) break;
      floors[index] = (floors[index] as number) + 1;
      missing--;
    }
    return floors.map((value) => value / unit);
  });
}
