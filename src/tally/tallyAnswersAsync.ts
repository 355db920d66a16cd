import { guard } from '../internal/guard.js';
import { checkOptions, type EveryKeyListed } from '../internal/options.js';
import { type AbortSignalLike, checkSignal, rowSource } from '../internal/readRows.js';
import type { Scale } from '../scales/defineScale.js';
import { AnswerCounter, TALLY_OPTION_NAMES } from './readAnswers.js';
import type { Tally } from './Tally.js';
import type { AnswerInput, TallyOptions } from './tallyAnswers.js';

/** Options for {@link tallyAnswersAsync}: those of `tallyAnswers`, and a signal to stop reading. */
export interface TallyAsyncOptions<S extends Scale = Scale, T = unknown> extends TallyOptions<S, T> {
  /** Stops the reading promptly when aborted (the promise rejects with `aborted`). */
  readonly signal?: AbortSignalLike | undefined;
}

const ASYNC_OPTION_NAMES = [...TALLY_OPTION_NAMES, 'signal'] as const satisfies readonly (keyof TallyAsyncOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof TallyAsyncOptions, (typeof ASYNC_OPTION_NAMES)[number]>;

/**
 * {@link tallyAnswers} for asynchronous sources: an `AsyncIterable` such as a file read line by
 * line, a database cursor, a Node stream in object mode, or {@link ingestStream}. It holds one
 * tally, never the answers, so a source of any size is counted in constant memory. Synchronous
 * inputs are accepted too. `signal` stops it promptly; a source that fails is reported with the
 * row it failed at.
 *
 * @param input - an async iterable (or any input {@link tallyAnswers} takes)
 * @param options - as for {@link tallyAnswers}, and `signal`
 * @returns a promise of the frozen tally
 * @throws {@link CxMetricsError} as {@link tallyAnswers} does (the promise rejects), and `aborted`
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
export async function tallyAnswersAsync<const S extends Scale, T = unknown>(input: AsyncIterable<T> | AnswerInput<T>, options: TallyAsyncOptions<S, T>): Promise<Tally<S>> {
  return guard('tallyAnswersAsync', async () => {
    const fn = 'tallyAnswersAsync';
    const checked = checkOptions(fn, options, ASYNC_OPTION_NAMES);
    const signal = checkSignal(fn, checked.signal);
    const counter = new AnswerCounter<T>(fn, checked, ['input'], undefined);
    const accumulator = await counter.readAsync(rowSource(fn, input, ['input'], true, 'answers'), signal);
    return accumulator.toTally() as Tally<S>;
  });
}
