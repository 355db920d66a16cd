import { fail, type Path } from '../internal/issue.js';
import { checkChoice, checkOptions } from '../internal/options.js';
import { rowSource } from '../internal/readRows.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import { assertSameScale } from '../scales/isSameScale.js';
import type { AnswerOptions } from '../tally/AnswerReader.js';
import { AnswerCounter, TALLY_OPTION_NAMES } from '../tally/readAnswers.js';
import { Tally } from '../tally/Tally.js';
import type { AnswerInput } from '../tally/tallyAnswers.js';
import { throwIfInvalid } from './throwIfInvalid.js';

/** What to do with answers that are not on the scale (or rows that are refused): the same two words everywhere. */
export type OnInvalid = 'throw' | 'exclude';

/** Options every `compute*` and `compare*` function takes for reading its input. */
export interface InputOptions<S extends Scale = Scale, T = unknown> extends AnswerOptions<T> {
  /** The scale the answers are on (records bring theirs; NPS and CSAT have a default). */
  readonly scale?: S | undefined;
  /** Added to every index in `invalidAnswers`, so shards of one input keep global indexes. Default 0. */
  readonly offset?: number | undefined;
  /** How many refused answers to keep as examples. Default 100. */
  readonly maxInvalidExamples?: number | undefined;
  /**
   * `'throw'` (default): any answer off the scale raises one `CxMetricsError` (`invalid_answers`)
   * listing every bad answer (up to `maxInvalidExamples`, with the total count in the message).
   * `'exclude'`: such answers are left out of the score and counted in `responses.invalid`.
   */
  readonly onInvalid?: OnInvalid | undefined;
}

/** The option names of {@link InputOptions}. */
const INPUT_OPTION_NAMES: readonly (keyof InputOptions)[] = [...TALLY_OPTION_NAMES, 'onInvalid'];

/** What a score is computed from: answers, records or a tally. */
export type MetricInput<S extends Scale, T> = readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>;

/** Checks an onInvalid option. */
export function checkOnInvalid(functionName: string, value: unknown, fallback: OnInvalid): OnInvalid {
  return checkChoice(functionName, value ?? fallback, ['throw', 'exclude'], ['options', 'onInvalid']);
}

/**
 * Turns a score's input (answers, records or a tally) into a tally, checking scale identity and
 * the invalid-answer policy. `rowsPath` says where the input is in the caller's arguments (`[]`
 * for a compute function's first argument, `['a']` and `['b']` for a comparison's groups), so
 * every error points at the value the caller gave.
 */
export function resolveTally<S extends Scale, T>(
  functionName: string,
  input: MetricInput<S, T>,
  options: InputOptions<S, T>,
  defaultScale: S | undefined,
  rowsPath: Path,
): Tally<S> {
  const onInvalid = checkOnInvalid(functionName, options.onInvalid, 'throw');
  let tally: Tally<S>;
  if (input instanceof Tally) {
    for (const key of ['value', 'weights', 'offset'] as const) {
      if (options[key] !== undefined) fail(functionName, 'invalid_option', 'invalid_value', `no ${key} option with a tally as input (the tally is already counted)`, options[key], ['options', key]);
    }
    if (options.scale !== undefined) assertSameScale(functionName, checkScale(functionName, options.scale, ['options', 'scale']), input.scale, [...rowsPath, 'scale']);
    tally = input;
  } else {
    const counter = new AnswerCounter<T>(functionName, options as InputOptions<Scale, T> & { scale: Scale }, rowsPath, defaultScale);
    tally = counter.read(rowSource(functionName, input, rowsPath, false, 'answers')).toTally() as Tally<S>;
  }
  throwIfInvalid(functionName, [tally], onInvalid, rowsPath);
  return tally;
}

/** Checks a metric's options object: every key known (the input options and the metric's own). */
export function checkMetricOptions<O extends object>(functionName: string, options: O | undefined, metricOptionNames: readonly string[]): O {
  return checkOptions(functionName, options, [...INPUT_OPTION_NAMES, ...metricOptionNames]);
}
