import { fail, throwIssues } from '../internal/issue.js';
import { checkKnownOptions, checkNumber } from '../internal/options.js';
import { isResponseRecord } from '../records/isResponseRecord.js';
import type { Scale } from '../scales/defineScale.js';
import { assertSameScale } from '../scales/isSameScale.js';
import { Accumulator, DEFAULT_MAX_INVALID_EXAMPLES } from './Accumulator.js';
import type { TallyOptions } from './tallyAnswers.js';

/** The option names every tally-building function accepts. */
export const TALLY_OPTION_NAMES: readonly string[] = ['scale', 'value', 'weights', 'offset', 'maxInvalidExamples'];

/** Validates the options shared by every tally builder and makes the accumulator. */
export function startAccumulator<S extends Scale>(functionName: string, options: TallyOptions<S, never>, known: readonly string[]): Accumulator<S> {
  if (typeof options !== 'object' || options === null) return fail(functionName, 'invalid_option', 'invalid_value', 'an options object with a scale', options, ['options']);
  checkKnownOptions(functionName, options, known);
  const { scale, value, weights, offset, maxInvalidExamples } = options;
  if (typeof scale !== 'object' || scale === null || typeof scale.min !== 'number' || !Array.isArray(scale.bands)) {
    fail(functionName, 'invalid_option', 'invalid_value', 'a scale (a preset from `scales` or one made by defineScale)', scale, ['options', 'scale']);
  }
  if (value !== undefined && typeof value !== 'function') fail(functionName, 'invalid_option', 'invalid_value', 'an accessor function (row, index) => answer', value, ['options', 'value']);
  if (weights !== undefined && typeof weights !== 'function' && !isArrayLike(weights)) {
    fail(functionName, 'invalid_option', 'invalid_value', 'an array of weights or an accessor function (row, index) => weight', weights, ['options', 'weights']);
  }
  if (offset !== undefined) checkNumber(functionName, offset, ['options', 'offset'], { min: 0, integer: true, describe: 'a non-negative integer' }, 'invalid_option');
  if (maxInvalidExamples !== undefined) {
    checkNumber(functionName, maxInvalidExamples, ['options', 'maxInvalidExamples'], { min: 0, integer: true, describe: 'a non-negative integer' }, 'invalid_option');
  }
  return new Accumulator(functionName, scale, maxInvalidExamples ?? DEFAULT_MAX_INVALID_EXAMPLES);
}

/** True for arrays, typed arrays and other objects with a numeric length (but not strings). */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value)) return true;
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  return typeof value === 'object' && value !== null && typeof (value as { length?: unknown }).length === 'number';
}

/** True for iterables other than strings (a string is one answer, not a list of characters). */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function';
}

/** The scale of an array of ingested records (from its first record), or undefined. */
export function recordsScale(input: unknown): Scale | undefined {
  if (!isArrayLike(input) || input.length === 0) return undefined;
  const first = input[0];
  return isResponseRecord(first) ? first.scale : undefined;
}

/**
 * The per-row step shared by every path that is not a bulk loop. An ingested record supplies
 * its own score and weight, and must be on the tally's scale.
 */
export function rowReader<T>(functionName: string, accumulator: Accumulator, options: TallyOptions<Scale, T>): (row: T, index: number) => void {
  const offset = options.offset ?? 0;
  const valueOf = options.value;
  const weights = options.weights;
  const weightOf =
    weights === undefined ? undefined : typeof weights === 'function' ? weights : (_row: T, index: number): unknown => (index < weights.length ? weights[index] : undefined);
  return (row, index) => {
    if (valueOf === undefined && isResponseRecord(row)) {
      assertSameScale(functionName, accumulator.scale, row.scale, ['input', offset + index, 'scale']);
      accumulator.addOne(row.score, weightOf === undefined ? row.weight : weightOf(row, index), offset + index);
      return;
    }
    const answer = valueOf === undefined ? row : valueOf(row, index);
    accumulator.addOne(answer, weightOf === undefined ? undefined : weightOf(row, index), offset + index);
  };
}

/** Reads every answer of a synchronous input into the accumulator, choosing the fastest loop. */
export function readSync<T>(functionName: string, accumulator: Accumulator, input: ArrayLike<T> | Iterable<T>, options: TallyOptions<Scale, T>): void {
  const offset = options.offset ?? 0;
  const plain = options.value === undefined && options.weights === undefined && recordsScale(input) === undefined;
  if (plain && (input instanceof Uint8Array || input instanceof Uint8ClampedArray)) accumulator.addBytes(input, offset);
  else if (plain && isArrayLike(input)) accumulator.addArrayLike(input, offset);
  else {
    const read = rowReader(functionName, accumulator, options);
    let index = 0;
    if (isArrayLike(input)) for (; index < input.length; index++) read(input[index] as T, index);
    else if (isIterable(input)) for (const row of input) read(row, index++);
    else fail(functionName, 'invalid_input', 'invalid_value', 'an array, typed array or iterable of answers', input, ['input']);
    checkWeightCount(functionName, options, index);
  }
  finishWeights(functionName, accumulator);
}

/** An array of weights must hold exactly one weight per answer. */
export function checkWeightCount(functionName: string, options: TallyOptions<Scale, never>, answers: number): void {
  const weights = options.weights;
  if (weights !== undefined && typeof weights !== 'function' && weights.length !== answers) {
    fail(functionName, 'invalid_weights', 'out_of_range', `${answers} weights, one per answer`, `${weights.length} weights`, ['options', 'weights']);
  }
}

/** Throws once for all bad weights seen. */
export function finishWeights(functionName: string, accumulator: Accumulator): void {
  if (accumulator.weightIssueCount > 0) throwIssues(functionName, 'invalid_weights', accumulator.weightIssues, accumulator.weightIssueCount);
}
