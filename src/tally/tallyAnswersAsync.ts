import type { Scale } from '../scales/defineScale.js';
import { checkWeightCount, finishWeights, readSync, rowReader, startAccumulator, TALLY_OPTION_NAMES } from './readAnswers.js';
import type { Tally } from './Tally.js';
import type { AnswerInput, TallyOptions } from './tallyAnswers.js';

/**
 * {@link tallyAnswers} for asynchronous sources: an `AsyncIterable` such as a file read line by
 * line, a database cursor or a Node stream in object mode. It holds one tally, never the
 * answers, so a source of any size is counted in constant memory. Synchronous inputs are
 * accepted too.
 *
 * @param input - an async iterable (or any input {@link tallyAnswers} takes)
 * @param options - as for {@link tallyAnswers}
 * @returns a promise of the frozen tally
 * @throws {@link CxMetricsError} as {@link tallyAnswers} does (the promise rejects)
 *
 * @example
 * ```ts
 * import { scales, tallyAnswersAsync } from 'cx-metrics';
 *
 * async function* answers() {
 *   yield 9;
 *   yield 3;
 *   yield undefined;
 * }
 * const tally = await tallyAnswersAsync(answers(), { scale: scales.nps });
 * [tally.answered, tally.skipped]; // => [2, 1]
 * ```
 */
export async function tallyAnswersAsync<const S extends Scale, T = unknown>(
  input: AsyncIterable<T> | AnswerInput<T>,
  options: TallyOptions<S, T>,
): Promise<Tally<S>> {
  const fn = 'tallyAnswersAsync';
  const accumulator = startAccumulator(fn, options, TALLY_OPTION_NAMES);
  if (typeof input === 'object' && input !== null && Symbol.asyncIterator in input) {
    const read = rowReader(fn, accumulator, options);
    let index = 0;
    for await (const row of input) read(row, index++);
    checkWeightCount(fn, options, index);
    finishWeights(fn, accumulator);
  } else readSync(fn, accumulator, input as AnswerInput<T>, options);
  return accumulator.toTally();
}
