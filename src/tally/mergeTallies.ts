import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { checkNumber, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { assertSameScale } from '../scales/isSameScale.js';
import type { Scale } from '../scales/defineScale.js';
import { DEFAULT_MAX_INVALID_EXAMPLES } from './Accumulator.js';
import { type InvalidAnswer, Tally } from './Tally.js';

/** Options for {@link mergeTallies}. */
export interface MergeTalliesOptions {
  /** How many refused-answer examples the merged tally keeps (the lowest indexes). Default 100. */
  readonly maxInvalidExamples?: number | undefined;
}

const MERGE_OPTION_NAMES = ['maxInvalidExamples'] as const satisfies readonly (keyof MergeTalliesOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof MergeTalliesOptions, (typeof MERGE_OPTION_NAMES)[number]>;

function byIndex(a: InvalidAnswer, b: InvalidAnswer): number {
  return a.index - b.index || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.received < b.received ? -1 : a.received > b.received ? 1 : 0);
}

/**
 * Adds tallies of the same scale together: counts, weighted sums, skipped and invalid counts.
 * Merging is associative and commutative, so shards counted in parallel, in other processes
 * or on other days combine into exactly the tally of all their answers (give each shard its
 * `offset` and even the kept examples agree). A weighted and an unweighted tally merge as if
 * the unweighted answers weighed 1.
 *
 * @param tallies - one or more tallies, all on the same scale
 * @param options - how many examples of invalid answers to keep
 * @returns the merged tally
 * @throws {@link CxMetricsError} `scale_mismatch` when the scales differ (convert with
 * {@link convertTally} first), `invalid_argument` for an empty list
 *
 * @example
 * ```ts
 * import { mergeTallies, scales, tallyAnswers } from 'cx-metrics';
 *
 * const monday = tallyAnswers([10, 9, 3], { scale: scales.nps });
 * const tuesday = tallyAnswers([7, null], { scale: scales.nps });
 * const week = mergeTallies([monday, tuesday]);
 * [week.answered, week.skipped]; // => [4, 1]
 * ```
 */
export function mergeTallies<S extends Scale>(tallies: readonly Tally<S>[], options?: MergeTalliesOptions): Tally<S> {
  return guard('mergeTallies', () => {
    const fn = 'mergeTallies';
    const { maxInvalidExamples } = checkOptions(fn, options, MERGE_OPTION_NAMES);
    const limit =
      maxInvalidExamples === undefined
        ? DEFAULT_MAX_INVALID_EXAMPLES
        : checkNumber(fn, maxInvalidExamples, ['options', 'maxInvalidExamples'], { min: 0, integer: true, describe: 'a non-negative integer' }, 'invalid_option');
    if (!Array.isArray(tallies) || tallies.length === 0) return fail(fn, 'invalid_argument', 'invalid_value', 'a non-empty array of tallies', tallies, ['tallies']);
    for (let index = 0; index < tallies.length; index++) {
      if (!(index in tallies)) fail(fn, 'invalid_argument', 'hole', 'a Tally at every index', undefined, ['tallies', index]);
      if (!(tallies[index] instanceof Tally)) fail(fn, 'invalid_argument', 'invalid_type', 'a Tally', tallies[index], ['tallies', index]);
    }
    const first = tallies[0] as Tally<S>;
    const points = first.counts.length;
    const counts = new Array<number>(points).fill(0);
    const weightSums = new Array<number>(points).fill(0);
    const weightSquareSums = new Array<number>(points).fill(0);
    let skipped = 0;
    let skippedWeight = 0;
    let skippedWeightSquares = 0;
    let invalid = 0;
    const examples: InvalidAnswer[] = [];
    tallies.forEach((tally, index) => {
      assertSameScale(fn, first.scale, tally.scale, ['tallies', index, 'scale']);
      for (let i = 0; i < points; i++) {
        counts[i]! += tally.counts[i] as number;
        weightSums[i]! += tally.weightSums[i] as number;
        weightSquareSums[i]! += tally.weightSquareSums[i] as number;
      }
      skipped += tally.skipped;
      skippedWeight += tally.skippedWeight;
      skippedWeightSquares += tally.skippedWeightSquares;
      invalid += tally.invalid;
      examples.push(...tally.invalidAnswers);
    });
    const weighted = tallies.some((tally) => tally.weighted);
    return new Tally({
      scale: first.scale,
      counts,
      weightSums: weighted ? weightSums : undefined,
      weightSquareSums: weighted ? weightSquareSums : undefined,
      skipped,
      skippedWeight,
      skippedWeightSquares,
      invalid,
      invalidAnswers: examples.sort(byIndex).slice(0, limit),
    });
  });
}
