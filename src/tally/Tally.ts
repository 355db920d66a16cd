import { type CxMetricsIssue, type CxMetricsIssueCode, ISSUE_CODES } from '../errors/CxMetricsError.js';
import { guard } from '../internal/guard.js';
import { makeIssue, type Path, throwIssues } from '../internal/issue.js';
import { checkKnownKeys, type EveryKeyListed } from '../internal/options.js';
import { buildScale, type Scale, type ScaleDefinition } from '../scales/defineScale.js';
import { checkWeightedCount, readCount, readWeightSum } from './checkTallyParts.js';

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
  /** Answers on the scale (the sum of `counts`); checked when read back. */
  readonly answered?: number;
  /** Every answer: answered + skipped + invalid; checked when read back. */
  readonly total?: number;
}

const JSON_KEYS = ['format', 'version', 'scale', 'counts', 'weightSums', 'weightSquareSums', 'skipped', 'skippedWeight', 'skippedWeightSquares', 'invalid', 'invalidAnswers', 'answered', 'total'] as const satisfies readonly (keyof TallyJSON)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof TallyJSON, (typeof JSON_KEYS)[number]>;

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
      answered: this.answered,
      total: this.total,
    };
  }

  /**
   * Reads a tally back from its JSON form, checking every invariant a tally has: the format tag,
   * the scale definition (as {@link defineScale} does), one count per point, counts that are whole
   * numbers of at least 0, weighted sums that are finite and at least 0, no weight without
   * answers, Σw² consistent with Σw at every point (so the effective n cannot exceed n), examples
   * that are well formed, sorted and no more than the invalid count, and totals that add up.
   *
   * @param json - the parsed JSON (an object, not a string)
   * @returns the tally
   * @throws {@link CxMetricsError} with code `invalid_tally`, listing every broken rule (or `invalid_scale` for a bad scale)
   */
  static fromJSON(json: unknown): Tally {
    return guard('Tally.fromJSON', () => {
      const fn = 'Tally.fromJSON';
      const issues: CxMetricsIssue[] = [];
      const record = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
      if (typeof json !== 'object' || json === null || record['format'] !== 'cx-metrics/tally' || record['version'] !== 1) {
        throwIssues(fn, 'invalid_tally', [makeIssue(fn, 'invalid_value', 'an object with format "cx-metrics/tally" and version 1', json, [])]);
      }
      checkKnownKeys(fn, record, JSON_KEYS, [], 'tally key');
      const scale = buildScale(fn, record['scale'], ['scale']);
      const points = scale.max - scale.min + 1;
      const exact = (value: unknown, path: Path): number => (typeof value === 'number' ? readCount(fn, value, path, issues) : (issues.push(makeIssue(fn, 'not_a_number', 'a count as a JSON number: a whole number of at least 0 (tallyCounts reads strings and bigints)', value, path)), 0));
      const amount = (value: unknown, path: Path): number => (typeof value === 'number' ? readWeightSum(fn, value, path, issues) : (issues.push(makeIssue(fn, 'not_a_number', 'a weight sum: a finite number of at least 0', value, path)), 0));
      const list = (key: string, read: (value: unknown, path: Path) => number): number[] | undefined => {
        const value = record[key];
        if (value === undefined && key !== 'counts') return undefined;
        if (!Array.isArray(value) || value.length !== points) {
          issues.push(makeIssue(fn, 'invalid_value', `an array of ${points} numbers, one per point of scale '${scale.id}'`, value, [key]));
          return new Array<number>(points).fill(0);
        }
        return Array.from({ length: points }, (_, index) => (index in value ? read(value[index], [key, index]) : (issues.push(makeIssue(fn, 'hole', 'a number at every point', undefined, [key, index])), 0)));
      };
      const counts = list('counts', exact) ?? [];
      const weightSums = list('weightSums', amount);
      const weightSquareSums = list('weightSquareSums', amount);
      const weighted = weightSums !== undefined && weightSquareSums !== undefined;
      if ((weightSums === undefined) !== (weightSquareSums === undefined)) {
        issues.push(makeIssue(fn, 'invalid_value', 'weightSums and weightSquareSums together or neither', 'only one of them', [weightSums === undefined ? 'weightSquareSums' : 'weightSums']));
      }
      const skipped = exact(record['skipped'], ['skipped']);
      const invalid = exact(record['invalid'], ['invalid']);
      for (const key of ['skippedWeight', 'skippedWeightSquares'] as const) {
        if (!weighted && record[key] !== undefined) issues.push(makeIssue(fn, 'invalid_value', `no ${key} in an unweighted tally`, record[key], [key]));
      }
      const skippedWeight = weighted ? amount(record['skippedWeight'], ['skippedWeight']) : skipped;
      const skippedWeightSquares = weighted ? amount(record['skippedWeightSquares'], ['skippedWeightSquares']) : skipped;
      if (weighted) {
        counts.forEach((count, index) => checkWeightedCount(fn, count, weightSums[index] as number, weightSquareSums[index] as number, ['weightSums', index], issues));
        checkWeightedCount(fn, skipped, skippedWeight, skippedWeightSquares, ['skippedWeight'], issues);
      }
      const examples = record['invalidAnswers'];
      const invalidAnswers: InvalidAnswer[] = [];
      if (!Array.isArray(examples) || examples.length > invalid) {
        issues.push(makeIssue(fn, 'invalid_value', `an array of at most ${invalid} invalid-answer examples (the invalid count)`, examples, ['invalidAnswers']));
      } else {
        for (let index = 0; index < examples.length; index++) {
          const example: unknown = examples[index];
          const { index: at, code, received } = (typeof example === 'object' && example !== null ? example : {}) as Record<string, unknown>;
          const previous = invalidAnswers[invalidAnswers.length - 1];
          if (!Number.isSafeInteger(at) || (at as number) < 0 || !ISSUE_CODES.includes(code as CxMetricsIssueCode) || typeof received !== 'string' || received.length > 200) {
            issues.push(makeIssue(fn, 'invalid_value', 'an example { index, code, received } with a known issue code', example, ['invalidAnswers', index]));
          } else if (previous !== undefined && previous.index > (at as number)) {
            issues.push(makeIssue(fn, 'invalid_value', `examples sorted by index (after index ${previous.index})`, at, ['invalidAnswers', index, 'index']));
          } else invalidAnswers.push({ index: at as number, code: code as CxMetricsIssueCode, received });
        }
      }
      const answered = counts.reduce((total, count) => total + count, 0);
      for (const [key, value] of [['answered', answered], ['total', answered + skipped + invalid]] as const) {
        if (record[key] !== undefined && record[key] !== value) issues.push(makeIssue(fn, 'mismatch', `${key} equal to ${value}, the sum of the counts`, record[key], [key]));
      }
      if (issues.length > 0) throwIssues(fn, 'invalid_tally', issues);
      return new Tally({ scale, counts, weightSums: weighted ? weightSums : undefined, weightSquareSums: weighted ? weightSquareSums : undefined, skipped, skippedWeight, skippedWeightSquares, invalid, invalidAnswers });
    });
  }
}
