import { guard } from '../internal/guard.js';
import type { CxMetricsIssue } from '../errors/CxMetricsError.js';
import { fail, makeIssue, throwIssues } from '../internal/issue.js';
import { sourceFailure } from '../internal/readRows.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import { Tally } from './Tally.js';

/**
 * Moves a tally to another scale by mapping each point, the explicit conversion that cx-metrics
 * asks for before answers from two scales are combined. Reversing CES 1.0 (1–5 effort, lower is
 * better) onto the 1–5 agreement scale is `(point) => 6 - point`. Weighted sums, skipped and
 * invalid counts travel with their answers. Whether a mapping is meaningful is the caller's
 * judgment: the function only makes it explicit.
 *
 * @param tally - the tally to convert
 * @param target - the scale to convert to
 * @param mapPoint - gives the target point for each source point; must return an integer on `target`
 * @returns a tally on `target`
 * @throws {@link CxMetricsError} `invalid_argument` when a mapped point is not on the target scale
 *
 * @example
 * ```ts
 * import { convertTally, mergeTallies, scales, tallyAnswers } from 'cx-metrics';
 *
 * const effort = tallyAnswers([1, 2, 5], { scale: scales.ces5Effort });
 * const agreement = tallyAnswers([4, 5], { scale: scales.ces5 });
 * const asAgreement = convertTally(effort, scales.ces5, (point) => 6 - point);
 * asAgreement.counts; // => [1, 0, 0, 1, 1]
 * mergeTallies([asAgreement, agreement]).answered; // => 5
 * ```
 */
export function convertTally<const S extends Scale>(tally: Tally, target: S, mapPoint: (point: number) => number): Tally<S> {
  return guard('convertTally', () => {
    const fn = 'convertTally';
    if (!(tally instanceof Tally)) fail(fn, 'invalid_argument', 'invalid_value', 'a Tally', tally, ['tally']);
    if (typeof mapPoint !== 'function') fail(fn, 'invalid_argument', 'invalid_value', 'a function from point to point', mapPoint, ['mapPoint']);
    target = checkScale<S>(fn, target, ['target']);
    const points = target.max - target.min + 1;
    const counts = new Array<number>(points).fill(0);
    const weightSums = new Array<number>(points).fill(0);
    const weightSquareSums = new Array<number>(points).fill(0);
    const issues: CxMetricsIssue[] = [];
    tally.counts.forEach((count, index) => {
      const point = tally.scale.min + index;
      let mapped: unknown;
      try {
        mapped = mapPoint(point);
      } catch (error) {
        throw sourceFailure(fn, ['mapPoint'], point, error, 'mapPoint');
      }
      if (typeof mapped !== 'number' || !Number.isInteger(mapped) || mapped < target.min || mapped > target.max) {
        issues.push(makeIssue(fn, 'out_of_range', `a point of scale '${target.id}', from ${target.min} to ${target.max}`, mapped, ['mapPoint', point]));
        return;
      }
      counts[mapped - target.min]! += count;
      weightSums[mapped - target.min]! += tally.weightSums[index] as number;
      weightSquareSums[mapped - target.min]! += tally.weightSquareSums[index] as number;
    });
    if (issues.length > 0) throwIssues(fn, 'invalid_argument', issues);
    return new Tally({
      scale: target,
      counts,
      weightSums: tally.weighted ? weightSums : undefined,
      weightSquareSums: tally.weighted ? weightSquareSums : undefined,
      skipped: tally.skipped,
      skippedWeight: tally.skippedWeight,
      skippedWeightSquares: tally.skippedWeightSquares,
      invalid: tally.invalid,
      invalidAnswers: tally.invalidAnswers,
    });
  });
}
