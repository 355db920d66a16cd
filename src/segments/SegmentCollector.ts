import { type CxMetricsIssue } from '../errors/CxMetricsError.js';
import { fail } from '../internal/issue.js';
import { withDisplay } from '../internal/display.js';
import { didYouMean } from '../internal/nearNames.js';
import { checkBoolean, checkChoice, checkNumber, checkOptions, type EveryKeyListed } from '../internal/options.js';
import type { AbortSignalLike, RowVisitor } from '../internal/readRows.js';
import { throwIfInvalid } from '../metrics/throwIfInvalid.js';
import { NamedField } from '../records/readField.js';
import { adjustPValues, type PValueAdjustment } from '../stats/adjustPValues.js';
import { Accumulator } from '../tally/Accumulator.js';
import { type AnswerOptions, AnswerReader } from '../tally/AnswerReader.js';
import { mergeTallies } from '../tally/mergeTallies.js';
import type { Tally } from '../tally/Tally.js';
import { KeyedGroups } from '../tally/KeyedGroups.js';
import { type SegmentKeyValue, TallyGroups } from '../tally/TallyGroups.js';
import { METRIC_OPTION_NAMES, type MetricFunctions, type MetricOptions, metricFunctions } from './metricFunctions.js';
import type { SegmentComparison, SegmentRow, SegmentTable } from './SegmentTable.js';
import { subtractTally } from './subtractTally.js';

/** One segment's key and tally. */
export interface SegmentGroup {
  readonly key: readonly SegmentKeyValue[];
  readonly tally: Tally;
}

/** What to segment by: a field name, field names (a cross-tab), or an accessor returning a value or values. */
export type SegmentBy<Row> = string | readonly string[] | ((row: Row, index: number) => SegmentKeyValue | readonly SegmentKeyValue[]);

/** Options for `segmentBy` and `segmentByAsync`. */
export interface SegmentOptions<Row = never> extends AnswerOptions<Row>, MetricOptions {
  /** The n below which a segment is marked `reliable: false`. Default 30. */
  readonly minimumN?: number | undefined;
  /** Withhold the score (and comparison) of segments below `minimumN`, as published dashboards must. Default false. */
  readonly suppressSmall?: boolean | undefined;
  /** Compare each segment with the rest of the table (default), with the overall, or not at all. */
  readonly compareWith?: 'rest' | 'overall' | 'none' | undefined;
  /** How p-values are adjusted over the table: `'holm'` (default), `'benjamini-hochberg'` or `'bonferroni'`. */
  readonly adjust?: PValueAdjustment | undefined;
  /** Stops an async reading promptly when aborted (`segmentByAsync`). */
  readonly signal?: AbortSignalLike | undefined;
}

/** The option names of segment tables, tied to {@link SegmentOptions}. */
const SEGMENT_OPTION_NAMES = ['scale', 'value', 'weights', ...METRIC_OPTION_NAMES, 'minimumN', 'suppressSmall', 'compareWith', 'adjust', 'signal'] as const satisfies readonly (keyof SegmentOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof SegmentOptions, (typeof SEGMENT_OPTION_NAMES)[number]>;

/** Checks the minimum n shared by segment tables, trends and windows. */
export function checkMinimumN(functionName: string, minimumN: unknown): number {
  return minimumN === undefined ? 30 : checkNumber(functionName, minimumN, ['options', 'minimumN'], { min: 0, integer: true, describe: 'a whole number of at least 0' }, 'invalid_option');
}

/**
 * One pass over rows into one tally per segment (the grouping engine), then the table: every
 * segment's result, the overall, and the comparisons with adjusted p-values. Shared by
 * `segmentBy` and `segmentByAsync`.
 */
export class SegmentCollector<Row> implements RowVisitor<Row> {
  readonly #fn: string;
  readonly #options: SegmentOptions<Row>;
  readonly #groups: TallyGroups<Row>;
  readonly #names: readonly string[] | undefined;
  readonly #by: SegmentBy<Row>;
  #fields: readonly NamedField[] = [];
  #prepared = false;
  readonly #table: { readonly minimumN: number; readonly suppressSmall: boolean; readonly compareWith: 'rest' | 'overall' | 'none'; readonly adjust: PValueAdjustment };
  #metric: MetricFunctions | undefined;
  #keyField: NamedField | undefined;
  #keyOf: ((row: Row, index: number) => unknown) | undefined;

  constructor(functionName: string, by: SegmentBy<Row>, options: SegmentOptions<Row> | undefined) {
    const fn = functionName;
    this.#fn = fn;
    this.#options = checkOptions(fn, options, SEGMENT_OPTION_NAMES);
    const checked = this.#options;
    // Every option value is checked before any row is read: a typo must not cost a pass over a large file.
    this.#table = {
      minimumN: checkMinimumN(fn, checked.minimumN),
      suppressSmall: checkBoolean(fn, checked.suppressSmall, false, ['options', 'suppressSmall']),
      compareWith: checkChoice(fn, checked.compareWith ?? 'rest', ['rest', 'overall', 'none'], ['options', 'compareWith']),
      adjust: checkChoice(fn, checked.adjust ?? 'holm', ['holm', 'benjamini-hochberg', 'bonferroni'], ['options', 'adjust']),
    };
    this.#groups = new TallyGroups<Row>(fn, new AnswerReader<Row>(fn, this.#options, ['rows']), ['rows']);
    if (checked.scale !== undefined) this.#metric = metricFunctions(fn, checked, this.#groups.scale);
    this.#by = by;
    if (typeof by === 'string') this.#names = [by];
    else if (Array.isArray(by) && by.length > 0 && by.every((name) => typeof name === 'string')) this.#names = [...(by as readonly string[])];
    else if (typeof by === 'function') this.#names = undefined;
    else fail(fn, 'invalid_option', 'invalid_value', 'a field name, an array of field names, or an accessor (row, index) => key', by, ['by']);
  }

  /**
   * Takes one row (the row visitor of the engine). The reading is chosen from the first row
   * (records or not); the common case (one field, a value accessor, no weights) then does one
   * property read, one Map lookup and one count per row, as a hand-written loop would.
   */
  row(row: Row, index: number): void {
    const field = this.#keyField;
    if (field !== undefined) this.#groups.add(field.read(row), row, index);
    else this.#otherRow(row, index);
  }

  /** The first row, and the rows of cross-tabs and key accessors. */
  #otherRow(row: Row, index: number): void {
    if (!this.#prepared) {
      this.#prepare(row);
      this.row(row, index);
      return;
    }
    this.#groups.add(this.#keyOf !== undefined ? this.#keyOf(row, index) : this.#fields.map((named) => named.read(row)), row, index);
  }

  #prepare(first: Row): void {
    this.#prepared = true;
    const groups = this.#groups;
    groups.reader.start(first);
    // The metric's options are checked at the first row at the latest, before the rest is read.
    if (groups.reader.scale !== undefined) this.#metric ??= metricFunctions(this.#fn, this.#options, groups.reader.scale);
    const by = this.#by;
    if (typeof by === 'function') {
      this.#keyOf = by;
      return;
    }
    // A row without the field is in the segment whose key is undefined.
    this.#fields = (this.#names as readonly string[]).map((name) => new NamedField(name, groups.reader.records, true, true));
    if (this.#fields.length === 1) this.#keyField = this.#fields[0];
  }

  /** An array hole: a row with no key and no answer, refused in a segment of its own (key `undefined`). */
  hole(index: number): void {
    const groups = this.#groups;
    const key = this.#names === undefined || this.#names.length === 1 ? undefined : this.#names.map(() => undefined);
    groups.reader.hole(groups.accumulator(key, index), index);
  }

  /** The table: every segment's result, the overall, and the comparisons with adjusted p-values. */
  finish(rows: number): SegmentTable {
    return this.#build(this.groups(rows), rows);
  }

  /** Every segment's key and tally after `rows` rows, for a reader that splits a file among threads (see {@link combine}). */
  groups(rows: number): readonly SegmentGroup[] {
    this.#fields.forEach((field, at) => {
      if (rows > 0 && field.missing === rows) {
        const what = this.#groups.reader.records ? 'a record field with values or an attribute' : 'a field';
        fail(this.#fn, 'invalid_option', 'unknown_name', `${what} that some row has${didYouMean(field.name, field.offered)}`, field.name, ['by', ...(this.#fields.length > 1 ? [at] : [])]);
      }
    });
    return this.#groups.finish(rows);
  }

  /**
   * The table of parts read by other collectors of the same options (one per part of a file, in
   * file order): each segment's tallies merged, segments in order of first appearance, as one
   * collector reading every row would have made it. Needs `scale` in the options (no row is read here).
   */
  combine(parts: readonly (readonly SegmentGroup[])[], rows: number): SegmentTable {
    // The grouping engine keeps the keys' order of first appearance across the parts.
    const merged = new KeyedGroups<Tally[]>(this.#fn, ['parts'], () => []);
    for (const part of parts) part.forEach(({ key, tally }, index) => merged.get(key.length === 1 ? key[0] : key, index).push(tally));
    return this.#build(
      merged.groups().map(({ key, state }) => ({ key, tally: state.length === 1 ? (state[0] as Tally) : mergeTallies(state) })),
      rows,
    );
  }

  #build(groups: readonly SegmentGroup[], rows: number): SegmentTable {
    const fn = this.#fn;
    const { minimumN, suppressSmall, compareWith, adjust } = this.#table;
    const scale = this.#groups.scale;
    const metric: MetricFunctions = (this.#metric ??= metricFunctions(fn, this.#options, scale));
    const tallies = groups.map((group) => group.tally);
    throwIfInvalid(fn, tallies, metric.onInvalid, ['rows']);
    const overallTally = tallies.length > 0 ? mergeTallies(tallies) : new Accumulator(scale).toTally();
    const overall = metric.compute(overallTally);
    const built = groups.map(({ key, tally }) => {
      const reliable = tally.answered >= minimumN;
      const suppressed = suppressSmall && !reliable;
      const result = suppressed ? undefined : metric.compute(tally);
      const other = compareWith === 'overall' ? overallTally : compareWith === 'rest' ? subtractTally(overallTally, tally) : undefined;
      const comparison = result === undefined || other === undefined ? undefined : metric.compare(tally, other);
      return { key, n: tally.answered, reliable, suppressed, result, tally, comparison };
    });
    const compared = built.filter((row) => row.comparison?.pValue !== undefined);
    const adjusted = adjustPValues(
      compared.map((row) => row.comparison?.pValue as number),
      adjust,
    );
    const adjustedOf = new Map(compared.map((row, index) => [row, adjusted[index] as number]));
    const segments: SegmentRow[] = built.map((row) => {
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
    for (const segment of segments) {
      let level = lookup;
      segment.key.forEach((part, depth) => {
        if (depth === segment.key.length - 1) level.set(part, segment);
        else {
          if (!level.has(part)) level.set(part, new Map());
          level = level.get(part) as Map<unknown, unknown>;
        }
      });
    }
    return Object.freeze(withDisplay({
      metric: metric.metric,
      by: Object.freeze(this.#names === undefined ? ['(function)'] : [...this.#names]),
      rows,
      overall,
      segments: Object.freeze(segments),
      minimumN,
      adjust,
      get: (...key: readonly SegmentKeyValue[]) => {
        let level: unknown = lookup;
        for (const part of key) level = level instanceof Map ? level.get(part) : undefined;
        return level instanceof Map ? undefined : (level as SegmentRow | undefined);
      },
    }, 'segments'));
  }
}

