import type { CxMetricsIssue, CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { makeIssue, throwIssues } from '../internal/issue.js';
import { defineScale, type Scale, type ScaleDefinition } from '../scales/defineScale.js';

/** One answer that was refused, kept as an example in a tally (a bounded list). */
export interface InvalidAnswer {
  /** Where the answer was in its input (plus the `offset` the tally was given). */
  readonly index: number;
  /** Why it was refused. */
  readonly code: CxMetricsIssueCode;
  /** A short printable rendering of the value (see {@link CxMetricsIssue.received}). */
  readonly received: string;
}

/** The plain-JSON form of a {@link Tally}, as written by `toJSON()` and read by `Tally.fromJSON()`. */
export interface TallyJSON {
  /** Always `"cx-metrics/tally"`. */
  readonly format: 'cx-metrics/tally';
  /** The format version, 1. */
  readonly version: 1;
  /** The scale definition. */
  readonly scale: ScaleDefinition;
  /** Answers at each point, from `scale.min` up. */
  readonly counts: readonly number[];
  /** Σw at each point, present only for weighted tallies. */
  readonly weightSums?: readonly number[];
  /** Σw² at each point, present only for weighted tallies. */
  readonly weightSquareSums?: readonly number[];
  /** Skipped answers (null or undefined). */
  readonly skipped: number;
  /** Σw of skipped answers, present only for weighted tallies. */
  readonly skippedWeight?: number;
  /** Σw² of skipped answers, present only for weighted tallies. */
  readonly skippedWeightSquares?: number;
  /** Refused answers. */
  readonly invalid: number;
  /** Examples of refused answers, at most `maxInvalidExamples`, by index. */
  readonly invalidAnswers: readonly InvalidAnswer[];
}

/** The fields a tally is made of; what the tally builders hand to the constructor. */
export interface TallyParts<S extends Scale = Scale> {
  /** The scale the answers are on. */
  readonly scale: S;
  /** Answers at each point, from `scale.min` up. */
  readonly counts: readonly number[];
  /** Σw at each point, or undefined when no weights were given (then Σw = Σw² = counts). */
  readonly weightSums: readonly number[] | undefined;
  /** Σw² at each point, or undefined when no weights were given. */
  readonly weightSquareSums: readonly number[] | undefined;
  /** Skipped answers. */
  readonly skipped: number;
  /** Σw of skipped answers (equal to `skipped` when unweighted). */
  readonly skippedWeight: number;
  /** Σw² of skipped answers (equal to `skipped` when unweighted). */
  readonly skippedWeightSquares: number;
  /** Refused answers. */
  readonly invalid: number;
  /** Examples of refused answers, sorted by index. */
  readonly invalidAnswers: readonly InvalidAnswer[];
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * The one representation every score is computed from: for one scale, how many answers fell on
 * each point, the weighted sums Σw and Σw² per point, and how many answers were skipped or
 * refused (with a bounded list of examples). Counts are small (one entry per point), so tallies
 * are cheap to keep, merge ({@link mergeTallies}) and send between processes (`toJSON()` /
 * {@link Tally.fromJSON}).
 *
 * A tally always accounts for every input: `answered + skipped + invalid === total`.
 * Instances are frozen; build them with {@link tallyAnswers}, {@link tallyAnswersAsync},
 * {@link tallyCounts} or a {@link TallyBuilder}.
 *
 * @example
 * ```ts
 * import { Tally, scales, tallyAnswers } from 'cx-metrics';
 *
 * const tally = tallyAnswers([10, 9, null, 6, 'n/a'], { scale: scales.nps });
 * tally.counts; // => [0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1]
 * [tally.answered, tally.skipped, tally.invalid, tally.total]; // => [3, 1, 1, 5]
 * const copy = Tally.fromJSON(JSON.parse(JSON.stringify(tally)));
 * copy.counts; // => [0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1]
 * ```
 */
export class Tally<S extends Scale = Scale> {
  /** The scale the answers are on. */
  readonly scale: S;
  /** Answers at each point: `counts[i]` is the number of answers equal to `scale.min + i`. */
  readonly counts: readonly number[];
  /** Σw at each point (equal to `counts` when no weights were given). */
  readonly weightSums: readonly number[];
  /** Σw² at each point (equal to `counts` when no weights were given). */
  readonly weightSquareSums: readonly number[];
  /** Whether weights were given. */
  readonly weighted: boolean;
  /** Answers on the scale. */
  readonly answered: number;
  /** Answers skipped (null or undefined): counted, never scored. */
  readonly skipped: number;
  /** Σw of skipped answers. */
  readonly skippedWeight: number;
  /** Σw² of skipped answers. */
  readonly skippedWeightSquares: number;
  /** Answers refused as invalid. */
  readonly invalid: number;
  /** Examples of refused answers, sorted by index, bounded in number. */
  readonly invalidAnswers: readonly InvalidAnswer[];
  /** Every input: answered + skipped + invalid. */
  readonly total: number;

  /**
   * Use {@link tallyAnswers}, {@link tallyCounts}, a {@link TallyBuilder} or {@link Tally.fromJSON}:
   * they validate; this constructor trusts its parts.
   *
   * @param parts - already validated fields
   */
  constructor(parts: TallyParts<S>) {
    this.scale = parts.scale;
    this.counts = Object.freeze([...parts.counts]);
    this.weighted = parts.weightSums !== undefined;
    this.weightSums = parts.weightSums === undefined ? this.counts : Object.freeze([...parts.weightSums]);
    this.weightSquareSums = parts.weightSquareSums === undefined ? this.counts : Object.freeze([...parts.weightSquareSums]);
    this.answered = sum(this.counts);
    this.skipped = parts.skipped;
    this.skippedWeight = parts.skippedWeight;
    this.skippedWeightSquares = parts.skippedWeightSquares;
    this.invalid = parts.invalid;
    this.invalidAnswers = Object.freeze(parts.invalidAnswers.map((answer) => Object.freeze({ ...answer })));
    this.total = this.answered + this.skipped + this.invalid;
    Object.freeze(this);
  }

  /**
   * The plain-JSON form (called by `JSON.stringify`). Weighted sums are written only for
   * weighted tallies.
   *
   * @returns a {@link TallyJSON} object
   */
  toJSON(): TallyJSON {
    const { id, name, question, metric, min, max, polarity, bands, labels } = this.scale;
    const scale: ScaleDefinition = { id, name, min, max, polarity, bands, labels, ...(question === undefined ? {} : { question }), ...(metric === undefined ? {} : { metric }) };
    return {
      format: 'cx-metrics/tally',
      version: 1,
      scale,
      counts: this.counts,
      ...(this.weighted ? { weightSums: this.weightSums, weightSquareSums: this.weightSquareSums } : {}),
      skipped: this.skipped,
      ...(this.weighted ? { skippedWeight: this.skippedWeight, skippedWeightSquares: this.skippedWeightSquares } : {}),
      invalid: this.invalid,
      invalidAnswers: this.invalidAnswers,
    };
  }

  /**
   * Reads a tally back from its JSON form, checking everything: the format tag, the scale
   * definition (as {@link defineScale} does), one count per point, counts that are non-negative
   * integers, weighted sums that are non-negative and finite, and examples that are well formed.
   *
   * @param json - the parsed JSON (an object, not a string)
   * @returns the tally
   * @throws {@link CxMetricsError} with code `invalid_tally` (or `invalid_scale` for a bad scale)
   */
  static fromJSON(json: unknown): Tally {
    const fn = 'Tally.fromJSON';
    const issues: CxMetricsIssue[] = [];
    const record = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    if (typeof json !== 'object' || json === null || record['format'] !== 'cx-metrics/tally' || record['version'] !== 1) {
      throwIssues(fn, 'invalid_tally', [makeIssue(fn, 'invalid_value', 'an object with format "cx-metrics/tally" and version 1', json, [])]);
    }
    const scale = defineScale(record['scale'] as ScaleDefinition);
    const points = scale.max - scale.min + 1;
    const count = (value: unknown, path: readonly (string | number)[]): number => {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        issues.push(makeIssue(fn, 'invalid_value', 'a count: a non-negative integer', value, path));
        return 0;
      }
      return value;
    };
    const amount = (value: unknown, path: readonly (string | number)[]): number => {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        issues.push(makeIssue(fn, 'invalid_value', 'a weight sum: a finite non-negative number', value, path));
        return 0;
      }
      return value;
    };
    const list = (key: string, read: (value: unknown, path: readonly (string | number)[]) => number): number[] | undefined => {
      const value = record[key];
      if (value === undefined && key !== 'counts') return undefined;
      if (!Array.isArray(value) || value.length !== points) {
        issues.push(makeIssue(fn, 'invalid_value', `an array of ${points} numbers, one per point of scale '${scale.id}'`, value, [key]));
        return new Array<number>(points).fill(0);
      }
      return value.map((item, index) => read(item, [key, index]));
    };
    const counts = list('counts', count) ?? [];
    const weightSums = list('weightSums', amount);
    const weightSquareSums = list('weightSquareSums', amount);
    if ((weightSums === undefined) !== (weightSquareSums === undefined)) {
      issues.push(makeIssue(fn, 'invalid_value', 'weightSums and weightSquareSums together or neither', 'only one of them', ['weightSums']));
    }
    const skipped = count(record['skipped'], ['skipped']);
    const invalid = count(record['invalid'], ['invalid']);
    const skippedWeight = weightSums === undefined ? skipped : amount(record['skippedWeight'], ['skippedWeight']);
    const skippedWeightSquares = weightSums === undefined ? skipped : amount(record['skippedWeightSquares'], ['skippedWeightSquares']);
    const examples = record['invalidAnswers'];
    const invalidAnswers: InvalidAnswer[] = [];
    if (!Array.isArray(examples) || examples.length > invalid) {
      issues.push(makeIssue(fn, 'invalid_value', `an array of at most ${invalid} invalid-answer examples`, examples, ['invalidAnswers']));
    } else {
      examples.forEach((example: unknown, index) => {
        const { index: at, code, received } = (typeof example === 'object' && example !== null ? example : {}) as Record<string, unknown>;
        if (!Number.isSafeInteger(at) || (at as number) < 0 || typeof code !== 'string' || typeof received !== 'string') {
          issues.push(makeIssue(fn, 'invalid_value', 'an example { index, code, received }', example, ['invalidAnswers', index]));
        } else invalidAnswers.push({ index: at as number, code: code as CxMetricsIssueCode, received });
      });
    }
    if (issues.length > 0) throwIssues(fn, 'invalid_tally', issues);
    return new Tally({ scale, counts, weightSums, weightSquareSums, skipped, skippedWeight, skippedWeightSquares, invalid, invalidAnswers });
  }
}
