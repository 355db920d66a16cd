import type { Scale } from '../scales/defineScale.js';
import { readSync, startAccumulator, TALLY_OPTION_NAMES } from './readAnswers.js';
import type { Tally } from './Tally.js';

/** Where answers come from: an array, a typed array, any array-like or iterable. */
export type AnswerInput<T> = ArrayLike<T> | Iterable<T>;

/** Options for {@link tallyAnswers}, {@link tallyAnswersAsync} and the `compute*` functions. */
export interface TallyOptions<S extends Scale = Scale, T = unknown> {
  /** The scale the answers are on. */
  readonly scale: S;
  /** Reads the answer from a row (`d3`-style accessor); without it each input item is the answer. */
  readonly value?: ((row: T, index: number) => unknown) | undefined;
  /** One weight per answer (an array), or an accessor. Weights must be finite and ≥ 0. */
  readonly weights?: ArrayLike<number> | ((row: T, index: number) => unknown) | undefined;
  /** Added to every index in `invalidAnswers`, so shards of one input keep global indexes. Default 0. */
  readonly offset?: number | undefined;
  /** How many refused answers to keep as examples. Default 100. */
  readonly maxInvalidExamples?: number | undefined;
}

/**
 * Counts answers on a scale into a {@link Tally}, in one pass and constant extra memory.
 * `null` and `undefined` are skipped answers; anything that is not an integer on the scale
 * (NaN, ±Infinity, 7.5, 11, strings, booleans, objects) is counted as invalid, with the first
 * examples kept (index, reason, value). Nothing is dropped silently:
 * `answered + skipped + invalid === total`.
 *
 * Reads arrays, typed arrays (a `Uint8Array` is counted a word at a time), any array-like or
 * iterable, and rows through a `value` accessor. For async sources use {@link tallyAnswersAsync};
 * to add answers one at a time use a {@link TallyBuilder}.
 *
 * @param input - the answers, or rows to read them from
 * @param options - the scale, and optionally an accessor, weights, an index offset
 * @returns the frozen tally
 * @throws {@link CxMetricsError} `invalid_option` for a bad option, `invalid_input` for an input
 * that is neither array-like nor iterable, `invalid_weights` listing every bad weight
 *
 * @example
 * ```ts
 * import { scales, tallyAnswers } from 'cx-metrics';
 *
 * const rows = [{ score: 5 }, { score: 2 }, { score: null }, { score: 5 }];
 * const tally = tallyAnswers(rows, { scale: scales.csat5, value: (row) => row.score });
 * tally.counts; // => [0, 1, 0, 0, 2]
 * tally.skipped; // => 1
 *
 * const weighted = tallyAnswers([5, 4], { scale: scales.csat5, weights: [2, 0.5] });
 * weighted.weightSums; // => [0, 0, 0, 0.5, 2]
 * ```
 */
export function tallyAnswers<const S extends Scale, T = unknown>(input: AnswerInput<T>, options: TallyOptions<S, T>): Tally<S> {
  const accumulator = startAccumulator('tallyAnswers', options, TALLY_OPTION_NAMES);
  readSync('tallyAnswers', accumulator, input, options);
  return accumulator.toTally();
}
