import { issueFromReceived, fail, throwIssues } from '../internal/issue.js';
import { checkChoice, checkKnownOptions } from '../internal/options.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Scale } from '../scales/defineScale.js';
import { assertSameScale } from '../scales/isSameScale.js';
import { readSync, recordsScale, startAccumulator, TALLY_OPTION_NAMES } from '../tally/readAnswers.js';
import { Tally } from '../tally/Tally.js';
import type { AnswerInput, TallyOptions } from '../tally/tallyAnswers.js';

/** What to do with answers that are not on the scale. */
export type OnInvalid = 'throw' | 'exclude';

/** Options every `compute*` function takes for reading its input. */
export interface InputOptions<S extends Scale = Scale, T = unknown> extends Partial<TallyOptions<S, T>> {
  /**
   * `'throw'` (default): any answer off the scale raises one `CxMetricsError` (`invalid_answers`)
   * listing every bad answer (up to `maxInvalidExamples`, with the total count in the message).
   * `'exclude'`: such answers are left out of the score and counted in `responses.invalid`.
   */
  readonly onInvalid?: OnInvalid | undefined;
}

/** Turns a compute function's input into a tally, checking scale identity and the invalid-answer policy. */
export function resolveTally<S extends Scale, T>(
  functionName: string,
  input: readonly ResponseRecord<S>[] | AnswerInput<T> | Tally<S>,
  options: InputOptions<S, T>,
  defaultScale: S | undefined,
  metricOptionNames: readonly string[],
): Tally<S> {
  if (typeof options !== 'object' || options === null) fail(functionName, 'invalid_option', 'invalid_value', 'an options object', options, ['options']);
  checkKnownOptions(functionName, options, [...TALLY_OPTION_NAMES, 'onInvalid', ...metricOptionNames]);
  const onInvalid = checkChoice(functionName, options.onInvalid ?? 'throw', ['throw', 'exclude'], ['options', 'onInvalid']);
  let tally: Tally<S>;
  if (input instanceof Tally) {
    for (const key of ['value', 'weights', 'offset'] as const) {
      if (options[key] !== undefined) fail(functionName, 'invalid_option', 'invalid_value', `no ${key} option with a tally as input (the tally is already counted)`, options[key], ['options', key]);
    }
    if (options.scale !== undefined) assertSameScale(functionName, options.scale, input.scale, ['input', 'scale']);
    tally = input;
  } else {
    const scale = options.scale ?? (recordsScale(input) as S | undefined) ?? defaultScale;
    if (scale === undefined) {
      fail(functionName, 'invalid_option', 'invalid_value', 'a scale: CES variants disagree on direction, so name yours (scales.ces7, scales.ces5Effort, ...)', undefined, ['options', 'scale']);
    }
    const tallyOptions = { ...options, scale } as TallyOptions<S, T>;
    const accumulator = startAccumulator(functionName, tallyOptions, [...TALLY_OPTION_NAMES, 'onInvalid', ...metricOptionNames]);
    readSync(functionName, accumulator, input as AnswerInput<T>, tallyOptions);
    tally = accumulator.toTally();
  }
  if (onInvalid === 'throw' && tally.invalid > 0) {
    const expected = `an integer from ${tally.scale.min} to ${tally.scale.max}, or null/undefined for a skipped answer`;
    const issues = tally.invalidAnswers.map((answer) => issueFromReceived(functionName, answer.code, expected, answer.received, [answer.index]));
    if (issues.length === 0) {
      issues.push(issueFromReceived(functionName, 'invalid_value', 'a tally without invalid answers', `${tally.invalid} invalid answers`, ['input']));
    }
    throwIssues(functionName, 'invalid_answers', issues, tally.invalid);
  }
  return tally;
}
