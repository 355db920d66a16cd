import { describeValue } from '../internal/describeValue.js';
import { fail } from '../internal/issue.js';
import { checkChoice, checkKnownOptions, checkNumber } from '../internal/options.js';
import type { MetricKind } from '../scales/defineScale.js';
import { adjustPValues, type PValueAdjustment } from '../stats/adjustPValues.js';
import type { Accumulator } from '../tally/Accumulator.js';
import { finishWeights } from '../tally/readAnswers.js';
import { mergeTallies } from '../tally/mergeTallies.js';
import type { Tally } from '../tally/Tally.js';
import { METRIC_OPTION_NAMES, type MetricOptions, metricFunctions } from './metricFunctions.js';
import { isResponseRecord } from '../records/isResponseRecord.js';
import { fieldReader, RowAdder, type RowOptions, type SegmentKeyValue } from './rowReading.js';
import type { SegmentComparison, SegmentRow, SegmentTable } from './SegmentTable.js';
import { subtractTally } from './subtractTally.js';

/** What to segment by: a field name, field names (a cross-tab), or an accessor returning a value or values. */
export type SegmentBy<Row> = string | readonly string[] | ((row: Row, index: number) => SegmentKeyValue | readonly SegmentKeyValue[]);

/** Options for `segmentBy` and `segmentByAsync`. */
export interface SegmentOptions<Row = never> extends RowOptions<Row>, MetricOptions {
  /** The metric: `'nps'`, `'csat'` or `'ces'`. Default: the scale's own metric. */
  readonly metric?: MetricKind | undefined;
  /** The n below which a segment is marked `reliable: false`. Default 30. */
  readonly minimumN?: number | undefined;
  /** Withhold the score (and comparison) of segments below `minimumN`, as published dashboards must. Default false. */
  readonly suppressSmall?: boolean | undefined;
  /** Compare each segment with the rest of the table (default), with the overall, or not at all. */
  readonly compareWith?: 'rest' | 'overall' | 'none' | undefined;
  /** How p-values are adjusted over the table: `'holm'` (default), `'benjamini-hochberg'` or `'bonferroni'`. */
  readonly adjust?: PValueAdjustment | undefined;
}

export const SEGMENT_OPTION_NAMES: readonly string[] = ['scale', 'value', 'weights', 'metric', 'minimumN', 'suppressSmall', 'compareWith', 'adjust', ...METRIC_OPTION_NAMES];
const isPrimitive = (value: unknown): value is SegmentKeyValue => value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol');

interface Entry {
  readonly key: readonly SegmentKeyValue[];
  readonly accumulator: Accumulator;
  /** The accumulator's counts, min and span, held here so the hot path reads one object. */
  readonly counts: Float64Array;
  readonly min: number;
  readonly span: number;
}

/** Checks the options shared by segment tables, trends and windows. */
export function checkMinimumN(functionName: string, minimumN: unknown): number {
  return minimumN === undefined ? 30 : checkNumber(functionName, minimumN, ['options', 'minimumN'], { min: 0, integer: true, describe: 'a whole number of at least 0' }, 'invalid_option');
}

/**
 * One pass over rows into one accumulator per segment: memory grows with the number of segments,
 * never with the number of rows. Shared by `segmentBy` and `segmentByAsync`.
 */
export class SegmentCollector<Row> {
  readonly #fn: string;
  readonly #options: SegmentOptions<Row>;
  readonly #adder: RowAdder<Row>;
  readonly #names: readonly string[];
  readonly #by: SegmentBy<Row>;
  #keyOf: ((row: Row, index: number) => SegmentKeyValue | readonly SegmentKeyValue[]) | undefined;
  #addRow: ((accumulator: Accumulator, row: Row, index: number) => void) | undefined;
  readonly #single: boolean;
  readonly #entries: Entry[] = [];
  readonly #byValue = new Map<unknown, Entry | Map<unknown, unknown>>();

  constructor(functionName: string, by: SegmentBy<Row>, options: SegmentOptions<Row>) {
    this.#fn = functionName;
    if (typeof options !== 'object' || options === null) fail(functionName, 'invalid_option', 'invalid_value', 'an options object', options, ['options']);
    checkKnownOptions(functionName, options, SEGMENT_OPTION_NAMES);
    this.#options = options;
    this.#adder = new RowAdder(functionName, options);
    this.#by = by;
    if (typeof by === 'string') {
      this.#names = [by];
      this.#single = true;
    } else if (Array.isArray(by) && by.length > 0 && by.every((name) => typeof name === 'string')) {
      this.#names = [...by];
      this.#single = by.length === 1;
    } else if (typeof by === 'function') {
      this.#names = ['(function)'];
      this.#single = false;
    } else {
      fail(functionName, 'invalid_option', 'invalid_value', 'a field name, an array of field names, or an accessor (row) => key', by, ['by']);
    }
  }

  /** Chooses the key reader and the row adder once, from the first row (records or plain rows). */
  #prepare(row: Row): void {
    const records = isResponseRecord(row) && this.#options.value === undefined;
    this.#addRow = this.#adder.adder(records);
    const by = this.#by;
    if (typeof by === 'function') this.#keyOf = by;
    else {
      const readers = (typeof by === 'string' ? [by] : by).map((name) => fieldReader(name, records));
      const first = readers[0] as (row: unknown) => unknown;
      this.#keyOf = this.#single ? (first as (row: Row) => SegmentKeyValue) : (input) => readers.map((read) => read(input) as SegmentKeyValue);
    }
  }

  /** The entry of a key, created on first sight. */
  #entry(key: SegmentKeyValue | readonly SegmentKeyValue[], row: Row, index: number): Entry {
    const parts: readonly SegmentKeyValue[] = this.#single ? [key as SegmentKeyValue] : Array.isArray(key) ? key : [key as SegmentKeyValue];
    let level: Map<unknown, unknown> = this.#byValue;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (!isPrimitive(part)) fail(this.#fn, 'invalid_input', 'invalid_type', 'a segment value that is a string, number, boolean, null or undefined', part, ['rows', index, this.#names[i] ?? 'key']);
      let next = level.get(part);
      if (next === undefined) {
        next = i === parts.length - 1 ? this.#create(parts, row) : new Map<unknown, unknown>();
        level.set(part, next);
      }
      if (i === parts.length - 1) return next as Entry;
      level = next as Map<unknown, unknown>;
    }
    return fail(this.#fn, 'invalid_input', 'invalid_value', 'a non-empty segment key', describeValue(parts), ['rows', index]);
  }

  #create(parts: readonly SegmentKeyValue[], row: Row): Entry {
    const accumulator = this.#adder.accumulator(this.#adder.scaleFor(row));
    const entry = { key: Object.freeze([...parts]), accumulator, counts: accumulator.counts, min: accumulator.min, span: accumulator.max - accumulator.min };
    this.#entries.push(entry);
    return entry;
  }

  /**
   * The function that takes one row: chosen from the first row, with everything it needs held in
   * its closure. The common case (one field, an answer accessor, no weights) does one property
   * read, one Map lookup and one count, as a hand-written loop would.
   */
  sink(first: Row): (row: Row, index: number) => void {
    this.#prepare(first);
    const keyOf = this.#keyOf as (row: Row, index: number) => SegmentKeyValue | readonly SegmentKeyValue[];
    const addRow = this.#addRow as (accumulator: Accumulator, row: Row, index: number) => void;
    const map = this.#byValue as Map<unknown, Entry>;
    const value = this.#options.value;
    if (this.#single && value !== undefined && this.#options.weights === undefined) {
      return (row, index) => {
        const key = keyOf(row, index);
        let entry = map.get(key);
        if (entry === undefined) entry = this.#entry(key, row, index);
        const answer = value(row, index);
        // No weights on this path, so the accumulator stays unweighted and counts can be bumped in place.
        if (typeof answer === 'number') {
          const at = answer - entry.min;
          if (at >>> 0 === at && at <= entry.span) {
            entry.counts[at]!++;
            return;
          }
        }
        entry.accumulator.addOther(answer, index, 1);
      };
    }
    return (row, index) => {
      const key = keyOf(row, index);
      let entry = this.#single ? map.get(key) : undefined;
      if (entry === undefined) entry = this.#entry(key, row, index);
      addRow(entry.accumulator, row, index);
    };
  }

  /** The table: every segment's result, the overall, and the comparisons with adjusted p-values. */
  finish(): SegmentTable {
    const fn = this.#fn;
    const options = this.#options;
    const minimumN = checkMinimumN(fn, options.minimumN);
    const compareWith = checkChoice(fn, options.compareWith ?? 'rest', ['rest', 'overall', 'none'], ['options', 'compareWith']);
    const adjust = checkChoice(fn, options.adjust ?? 'holm', ['holm', 'benjamini-hochberg', 'bonferroni'], ['options', 'adjust']);
    const scale = this.#adder.scale ?? options.scale;
    if (scale === undefined) fail(fn, 'invalid_option', 'invalid_value', 'a scale (options.scale) when there are no rows to take it from', undefined, ['options', 'scale']);
    const metric = metricFunctions(fn, options.metric, scale, options);
    for (const entry of this.#entries) finishWeights(fn, entry.accumulator);
    const tallies: Tally[] = this.#entries.map((entry) => entry.accumulator.toTally());
    const overallTally = tallies.length > 0 ? mergeTallies(tallies) : this.#adder.accumulator(scale).toTally();
    const overall = metric.compute(overallTally);
    const rows = this.#entries.map((entry, index) => {
      const tally = tallies[index] as Tally;
      const reliable = tally.answered >= minimumN;
      const suppressed = options.suppressSmall === true && !reliable;
      const result = suppressed ? undefined : metric.compute(tally);
      const other = compareWith === 'overall' ? overallTally : compareWith === 'rest' ? subtractTally(overallTally, tally) : undefined;
      const comparison = result === undefined || other === undefined ? undefined : metric.compare(tally, other);
      return { key: entry.key, n: tally.answered, reliable, suppressed, result, tally, comparison };
    });
    const compared = rows.filter((row) => row.comparison?.pValue !== undefined);
    const adjusted = adjustPValues(compared.map((row) => row.comparison?.pValue as number), adjust);
    const adjustedOf = new Map(compared.map((row, index) => [row, adjusted[index] as number]));
    const segments: SegmentRow[] = rows.map((row) => {
      const c = row.comparison;
      const comparison: SegmentComparison | undefined =
        c === undefined || c.difference === undefined
          ? undefined
          : Object.freeze({
              against: compareWith as 'rest' | 'overall',
              difference: c.difference,
              ci: c.ci,
              statistic: c.statistic,
              pValue: c.pValue,
              adjustedPValue: adjustedOf.get(row) as number,
              test: c.test,
            });
      return Object.freeze({ key: row.key, n: row.n, reliable: row.reliable, suppressed: row.suppressed, result: row.result, tally: row.tally, comparison });
    });
    const lookup = new Map<unknown, unknown>();
    segments.forEach((segment) => {
      let level = lookup;
      segment.key.forEach((part, depth) => {
        if (depth === segment.key.length - 1) level.set(part, segment);
        else {
          if (!level.has(part)) level.set(part, new Map());
          level = level.get(part) as Map<unknown, unknown>;
        }
      });
    });
    return Object.freeze({
      metric: metric.metric,
      by: Object.freeze([...this.#names]),
      overall,
      segments: Object.freeze(segments),
      minimumN,
      adjust,
      get: (...key: readonly SegmentKeyValue[]) => {
        let level: unknown = lookup;
        for (const part of key) level = level instanceof Map ? level.get(part) : undefined;
        return level instanceof Map ? undefined : (level as SegmentRow | undefined);
      },
    });
  }
}
