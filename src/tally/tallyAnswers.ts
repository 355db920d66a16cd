import { guard } from '../internal/guard.js';
import { checkOptions } from '../internal/options.js';
import { rowSource } from '../internal/readRows.js';
import type { Scale } from '../scales/defineScale.js';
import type { AnswerOptions } from './AnswerReader.js';
import { AnswerCounter, TALLY_OPTION_NAMES } from './readAnswers.js';
import type { Tally } from './Tally.js';

/** Where answers come from: an array, a typed array, any array-like (with a bounded length) or iterable. */
export type AnswerInput<T> = ArrayLike<T> | Iterable<T>;

/** Options for {@link tallyAnswers} and {@link tallyAnswersAsync}. */
export interface TallyOptions<S extends Scale = Scale, T = unknown> extends AnswerOptions<T> {
  /** The scale the answers are on. */
  readonly scale: S;
  /** Added to every index in `invalidAnswers`, so shards of one input keep global indexes. Default 0. */
  readonly offset?: number | undefined;
  /** How many refused answers to keep as examples. Default 100. */
  readonly maxInvalidExamples?: number | undefined;
}

/**
 * Counts answers on a scale into a {@link Tally}, in one pass and constant extra memory.
 * `null` and `undefined` are skipped answers; anything that is not an integer on the scale
 * (NaN, ±Infinity, 7.5, 11, strings, booleans, objects, an array hole, a row without the named
 * `value` field) is counted as invalid, with the first examples kept (index, reason, value).
 * Nothing is dropped silently: `answered + skipped + invalid === total`.
 *
 * Reads arrays, typed arrays (a `Uint8Array` is counted a word at a time), any array-like or
 * iterable, records from `ingest`, and rows through `value` (a field name or an accessor). With
 * `weights` every answer needs a weight. For async sources use {@link tallyAnswersAsync}; to add
 * answers one at a time use a {@link TallyBuilder}.
 *
 * @param input - the answers, or rows to read them from
 * @param options - the scale, and optionally `value`, `weights`, an index offset, an example limit
 * @returns the frozen tally
 * @throws {@link CxMetricsError} `invalid_option` for a bad option (a `value` field no row has
 * included), `invalid_input` for an input that is neither array-like nor iterable,
 * `invalid_weights` listing every bad or missing weight, `source_failed` when the input throws
 *
 * @example
 * ```ts
 * import { scales, tallyAnswers } from 'cx-metrics';
 *
 * const rows = [{ score: 5 }, { score: 2 }, { score: null }, { score: 5 }];
 * const tally = tallyAnswers(rows, { scale: scales.csat5, value: 'score' });
 * tally.counts; // => [0, 1, 0, 0, 2]
 * tally.skipped; // => 1
 *
 * const weighted = tallyAnswers([5, 4], { scale: scales.csat5, weights: [2, 0.5] });
 * weighted.weightSums; // => [0, 0, 0, 0.5, 2]
 * ```
 */
export function tallyAnswers<const S extends Scale, T = unknown>(input: AnswerInput<T>, options: TallyOptions<S, T>): Tally<S> {
  return guard('tallyAnswers', () => {
    const fn = 'tallyAnswers';
    const checked = checkOptions(fn, options, TALLY_OPTION_NAMES);
    const counter = new AnswerCounter<T>(fn, checked, ['input'], undefined);
    return counter.read(rowSource(fn, input, ['input'], false, 'answers')).toTally() as Tally<S>;
  });
}
