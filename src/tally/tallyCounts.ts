import type { CxMetricsIssue } from '../errors/CxMetricsError.js';
import { fail, makeIssue, throwIssues } from '../internal/issue.js';
import { checkKnownOptions } from '../internal/options.js';
import type { Scale } from '../scales/defineScale.js';
import { Tally } from './Tally.js';

/** Counts per point: an array from `scale.min` up, or an object or Map from point to count. */
export type PointCounts = readonly number[] | Readonly<Record<number, number>> | ReadonlyMap<number, number>;

/** What {@link tallyCounts} takes besides the counts. */
export interface TallyCountsOptions {
  /** How many answers were skipped. Default 0. */
  readonly skipped?: number | undefined;
  /** How many answers were refused as invalid. Default 0. */
  readonly invalid?: number | undefined;
}

/**
 * Makes a {@link Tally} from counts computed elsewhere: a database `GROUP BY score`, a vendor's
 * summary export, a dashboard. Every count is checked (a non-negative integer on a point of
 * the scale), so numbers from outside get the same scrutiny as raw answers.
 *
 * @param scale - the scale the counts are on
 * @param counts - per point: an array from `scale.min` up, or an object or Map keyed by point
 * @param options - skipped and invalid counts, when known
 * @returns the frozen tally
 * @throws {@link CxMetricsError} `invalid_tally`, listing every bad count
 *
 * @example
 * ```ts
 * import { computeNPS, scales, tallyCounts } from 'cx-metrics';
 *
 * // SELECT score, count(*) FROM answers GROUP BY score
 * const tally = tallyCounts(scales.nps, { 10: 40, 9: 20, 8: 15, 7: 5, 3: 20 }, { skipped: 7 });
 * computeNPS(tally).score; // => 40
 * tally.total; // => 107
 * ```
 */
export function tallyCounts<const S extends Scale>(scale: S, counts: PointCounts, options: TallyCountsOptions = {}): Tally<S> {
  const fn = 'tallyCounts';
  if (typeof scale !== 'object' || scale === null || typeof scale.min !== 'number') fail(fn, 'invalid_option', 'invalid_value', 'a scale', scale, ['scale']);
  checkKnownOptions(fn, options, ['skipped', 'invalid']);
  const points = scale.max - scale.min + 1;
  const issues: CxMetricsIssue[] = [];
  const count = (value: unknown, path: readonly (string | number)[]): number => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    issues.push(makeIssue(fn, Number.isFinite(value) ? 'out_of_range' : typeof value === 'number' ? 'not_finite' : 'not_a_number', 'a count: a non-negative integer', value, path));
    return 0;
  };
  const perPoint = new Array<number>(points).fill(0);
  if (Array.isArray(counts)) {
    if (counts.length !== points) issues.push(makeIssue(fn, 'out_of_range', `${points} counts, one per point from ${scale.min} to ${scale.max}`, `${counts.length} counts`, ['counts']));
    else counts.forEach((value: unknown, index) => (perPoint[index] = count(value, ['counts', index])));
  } else if (counts instanceof Map || (typeof counts === 'object' && counts !== null)) {
    const entries: Iterable<readonly [unknown, unknown]> = counts instanceof Map ? counts.entries() : Object.entries(counts);
    for (const [key, value] of entries) {
      const point = typeof key === 'number' ? key : Number(key);
      if (!Number.isInteger(point) || point < scale.min || point > scale.max) {
        issues.push(makeIssue(fn, 'out_of_range', `a point from ${scale.min} to ${scale.max}`, key, ['counts', String(key)]));
      } else perPoint[point - scale.min] = count(value, ['counts', point]);
    }
  } else issues.push(makeIssue(fn, 'invalid_value', 'an array, object or Map of counts', counts, ['counts']));
  const skipped = count(options.skipped ?? 0, ['options', 'skipped']);
  const invalid = count(options.invalid ?? 0, ['options', 'invalid']);
  if (issues.length > 0) throwIssues(fn, 'invalid_tally', issues);
  return new Tally({
    scale,
    counts: perPoint,
    weightSums: undefined,
    weightSquareSums: undefined,
    skipped,
    skippedWeight: skipped,
    skippedWeightSquares: skipped,
    invalid,
    invalidAnswers: [],
  });
}
