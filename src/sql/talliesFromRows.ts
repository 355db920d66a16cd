import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { dayFromCivil } from '../internal/dates.js';
import { checkOptions } from '../internal/options.js';
import { checkOnInvalid, type OnInvalid } from '../metrics/resolveTally.js';
import { throwIfInvalid } from '../metrics/throwIfInvalid.js';
import type { Scale } from '../scales/defineScale.js';
import { checkMinimumN, SegmentCollector, type SegmentOptions } from '../segments/SegmentCollector.js';
import type { SegmentTable } from '../segments/SegmentTable.js';
import { dayCollector } from '../segments/collectDays.js';
import type { MetricOptions } from '../segments/metricFunctions.js';
import { trendOfDays, type TrendSeries } from '../segments/trend.js';
import { Accumulator } from '../tally/Accumulator.js';
import type { SegmentKeyValue } from '../tally/KeyedGroups.js';
import { mergeTallies } from '../tally/mergeTallies.js';
import type { Tally } from '../tally/Tally.js';
import { tallyCounts } from '../tally/tallyCounts.js';
import { RESULT_COLUMNS, segmentColumn, type TallyQuery, tallyQuery, type TallyQuerySpec } from './tallyQuery.js';

/** One segment and bucket's tally, as the database counted it. */
export interface SQLGroup {
  /** The segment's values, one per `by` column, as the driver returned them. */
  readonly segment: readonly SegmentKeyValue[];
  /** The bucket's first local day, `YYYY-MM-DD`; undefined without `time`, or for rows without a time. */
  readonly bucket: string | undefined;
  /** The tally. */
  readonly tally: Tally;
}

/** Options of {@link talliesFromRows}. */
export interface TalliesFromRowsOptions {
  /** Answers off the scale: `'throw'` (default, as the compute functions) or `'exclude'` (counted as invalid). */
  readonly onInvalid?: OnInvalid | undefined;
  /** Answers with a missing, negative or non-finite weight: `'throw'` (default, as in memory) or `'exclude'` (left out of every tally, counted in `invalidWeights`). */
  readonly onInvalidWeight?: OnInvalid | undefined;
}

/** The tallies a {@link tallyQuery} came back with, and the tables and trends made from them by the in-memory code. */
export interface SQLTallies {
  /** The scale. */
  readonly scale: Scale;
  /** Every answer. */
  readonly overall: Tally;
  /** One tally per segment and bucket, in the order of the rows. */
  readonly groups: readonly SQLGroup[];
  /** Answers whose time was NULL (with `time`): in `overall` and the segment tables, not in a trend. */
  readonly undated: number;
  /** Rows left out for a missing, negative or non-finite weight (`onInvalidWeight: 'exclude'`; else 0, as such rows throw). */
  readonly invalidWeights: number;
  /** The segment table by the query's `by` columns, as `segmentBy` makes it (options: the metric's, minimumN, compareWith, adjust, suppressSmall). */
  segmentTable(options?: Omit<SegmentOptions, 'scale' | 'value' | 'weights' | 'signal'>): SegmentTable;
  /** The trend by the query's time buckets, as `trend` makes it (options: the metric's, minimumN, from, to). */
  trend(options?: MetricOptions & { readonly minimumN?: number | undefined; readonly from?: Date | undefined; readonly to?: Date | undefined }): TrendSeries;
}

const KINDS = ['answered', 'skipped', 'invalid', 'invalid_weight'] as const;
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A count or sum as drivers return it (number, bigint, decimal text), as a number. */
function numberOf(fn: string, value: unknown, path: (string | number)[]): number {
  const number = typeof value === 'bigint' ? Number(value) : typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) fail(fn, 'invalid_rows', 'invalid_value', 'a count or sum of at least 0 (number, bigint or decimal text)', value, path);
  return number as number;
}

/**
 * Turns the rows of a {@link tallyQuery} (as any driver returns them: numbers, bigints or
 * numeric text; the bucket as `YYYY-MM-DD` text or a `Date` at UTC midnight) back into tallies,
 * one per segment and bucket, through `tallyCounts`, which checks every count. From them come the
 * same segment table and trend as reading every answer in memory: the tallies are what the
 * in-memory path builds, and the same code scores, compares and adjusts them.
 *
 * Answers off the scale that the engine saw are reported as invalid (and throw by default, as the
 * compute functions do); answers with a missing, negative or non-finite weight throw
 * `invalid_weights`, as they do in memory, or with `onInvalidWeight: 'exclude'` are left out and
 * counted in `invalidWeights` (as the command reports rejected rows). Nothing is dropped unsaid.
 *
 * @param rows - the result rows
 * @param query - the {@link tallyQuery} result (or its spec)
 * @param options - `onInvalid`, `onInvalidWeight`
 * @returns the overall tally, the groups, and `segmentTable()` and `trend()`
 * @throws {@link CxMetricsError} `invalid_rows` (a row that is not the query's), `invalid_tally`, `invalid_answers`, `invalid_weights`
 *
 * @example
 * ```ts
 * import { scales } from 'cx-metrics';
 * import { tallyQuery, talliesFromRows } from 'cx-metrics/sql';
 *
 * const query = tallyQuery({ dialect: 'postgresql', from: 'responses', scale: scales.nps, score: 'nps', by: ['channel'] });
 * // What PostgreSQL returns for it (count(*) is a bigint, so it arrives as text):
 * const rows = [
 *   { segment_1: 'chat', bucket: null, point: 10, kind: 'answered', answers: '3' },
 *   { segment_1: 'chat', bucket: null, point: 2, kind: 'answered', answers: '1' },
 *   { segment_1: 'email', bucket: null, point: 9, kind: 'answered', answers: '2' },
 *   { segment_1: 'email', bucket: null, point: null, kind: 'skipped', answers: '1' },
 * ];
 * const tallies = talliesFromRows(rows, query);
 * tallies.overall.total; // => 7
 * tallies.segmentTable().segments.map((row) => [row.key[0], row.result?.score]); // => [["chat", 50], ["email", 100]]
 * ```
 */
export function talliesFromRows(rows: readonly Readonly<Record<string, unknown>>[], query: TallyQuery | TallyQuerySpec, options?: TalliesFromRowsOptions): SQLTallies {
  return guard('talliesFromRows', () => {
    const fn = 'talliesFromRows';
    const checked = checkOptions(fn, options, ['onInvalid', 'onInvalidWeight']);
    const onInvalid = checkOnInvalid(fn, checked.onInvalid, 'throw');
    const onInvalidWeight = checkOnInvalid(fn, checked.onInvalidWeight, 'throw');
    const spec = 'text' in query && 'spec' in query ? query.spec : tallyQuery(query as TallyQuerySpec).spec;
    const scale = spec.scale;
    const by = spec.by ?? [];
    const weighted = spec.weight !== undefined;
    if (!Array.isArray(rows)) fail(fn, 'invalid_rows', 'invalid_type', 'an array of result rows', rows, ['rows']);
    const groups = new Map<string, { segment: SegmentKeyValue[]; bucket: string | undefined; points: Record<string, unknown>[]; skipped: number; skippedWeight: number; skippedWeightSquares: number; invalid: number }>();
    let badWeights = 0;
    rows.forEach((row, index) => {
      if (typeof row !== 'object' || row === null) fail(fn, 'invalid_rows', 'invalid_type', 'a result row (an object)', row, ['rows', index]);
      const kind = row[RESULT_COLUMNS.kind];
      if (!KINDS.includes(kind as (typeof KINDS)[number])) fail(fn, 'invalid_rows', 'invalid_value', `a kind of ${KINDS.map((k) => `'${k}'`).join(', ')} (a row of tallyQuery's SQL)`, kind, ['rows', index, RESULT_COLUMNS.kind]);
      const answers = numberOf(fn, row[RESULT_COLUMNS.answers], ['rows', index, RESULT_COLUMNS.answers]);
      if (kind === 'invalid_weight') {
        badWeights += answers;
        return;
      }
      const segment = by.map((_, at) => {
        const name = segmentColumn(at + 1);
        if (!(name in row)) fail(fn, 'invalid_rows', 'missing_column', `a column ${name} (the query has ${by.length} segment column${by.length === 1 ? '' : 's'})`, undefined, ['rows', index, name]);
        return row[name] as SegmentKeyValue;
      });
      const bucket = bucketOf(fn, row[RESULT_COLUMNS.bucket], spec.time !== undefined, ['rows', index, RESULT_COLUMNS.bucket]);
      const key = JSON.stringify([segment.map((value) => (typeof value === 'bigint' ? `${value}n` : value)), bucket ?? null]);
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { segment, bucket, points: [], skipped: 0, skippedWeight: 0, skippedWeightSquares: 0, invalid: 0 }));
      const weight = weighted ? numberOf(fn, row[RESULT_COLUMNS.weightSum], ['rows', index, RESULT_COLUMNS.weightSum]) : answers;
      const squares = weighted ? numberOf(fn, row[RESULT_COLUMNS.weightSquareSum], ['rows', index, RESULT_COLUMNS.weightSquareSum]) : answers;
      if (kind === 'invalid') group.invalid += answers;
      else if (kind === 'skipped') {
        group.skipped += answers;
        group.skippedWeight += weight;
        group.skippedWeightSquares += squares;
      } else group.points.push({ point: row[RESULT_COLUMNS.point], count: answers, ...(weighted ? { weightSum: weight, weightSquareSum: squares } : {}) });
    });
    if (badWeights > 0 && onInvalidWeight === 'throw') {
      fail(fn, 'invalid_weights', 'invalid_value', "answers with a weight that is finite and at least 0 (not missing, negative, infinite or NaN; onInvalidWeight: 'exclude' leaves them out and counts them)", `${badWeights} with a bad weight`, ['rows']);
    }
    const built: SQLGroup[] = [...groups.values()].map((group) => {
      const tally = tallyCounts(scale, group.points.length === 0 ? new Array(scale.max - scale.min + 1).fill(0) : group.points, {
        skipped: group.skipped,
        invalid: group.invalid,
        ...(weighted ? { skippedWeight: group.skippedWeight, skippedWeightSquares: group.skippedWeightSquares } : {}),
        ...(weighted && group.points.length === 0 ? { weightSums: new Array(scale.max - scale.min + 1).fill(0), weightSquareSums: new Array(scale.max - scale.min + 1).fill(0) } : {}),
      });
      return Object.freeze({ segment: Object.freeze(group.segment), bucket: group.bucket, tally });
    });
    const tallies = built.map((group) => group.tally);
    throwIfInvalid(fn, tallies.length === 0 ? [new Accumulator(scale).toTally()] : tallies, onInvalid, ['rows']);
    const overall = tallies.length === 0 ? new Accumulator(scale).toTally() : mergeTallies(tallies);
    const undated = built.filter((group) => spec.time !== undefined && group.bucket === undefined).reduce((total, group) => total + group.tally.total, 0);
    return Object.freeze({
      scale,
      overall,
      groups: Object.freeze(built),
      undated,
      invalidWeights: badWeights,
      segmentTable(tableOptions?: Omit<SegmentOptions, 'scale' | 'value' | 'weights' | 'signal'>): SegmentTable {
        return guard('segmentTable', () => {
          if (by.length === 0) fail('segmentTable', 'invalid_option', 'invalid_value', 'a tallyQuery with segment columns (spec.by); without them the score is in overall: computeNPS(tallies.overall), computeCSAT or computeCES', [], ['spec', 'by']);
          const collector = new SegmentCollector<never>('segmentTable', by.length === 0 ? () => 'all' : [...by], { ...tableOptions, scale, onInvalid: tableOptions?.onInvalid ?? onInvalid });
          return collector.combine([built.map((group) => ({ key: group.segment, tally: group.tally }))], overall.total);
        });
      },
      trend(trendOptions?: MetricOptions & { readonly minimumN?: number | undefined; readonly from?: Date | undefined; readonly to?: Date | undefined }): TrendSeries {
        return guard('trend', () => {
          const time = spec.time;
          if (time === undefined) return fail('trend', 'invalid_option', 'invalid_value', "a tallyQuery with a time column (spec.time)", undefined, ['spec', 'time']);
          const { minimumN, from, to, ...metricOptions } = trendOptions ?? {};
          const collector = dayCollector<never>('trend', { ...metricOptions, from, to, scale, timeZone: time.timeZone, onInvalid: metricOptions.onInvalid ?? onInvalid }, []);
          const days = built.filter((group) => group.bucket !== undefined).map((group) => [dayNumber(group.bucket as string), group.tally] as const);
          const collected = collector.combine([{ days, total: overall.total, undated, invalidTime: 0, outOfRange: 0 }]);
          return trendOfDays('trend', collected, { from, to }, time.unit, checkMinimumN('trend', minimumN));
        });
      },
    });
  });
}

/** A bucket as the query returns it: `YYYY-MM-DD` text, or a Date at UTC midnight (drivers that map DATE); NULL without a time. */
function bucketOf(fn: string, value: unknown, timed: boolean, path: (string | number)[]): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!timed) return fail(fn, 'invalid_rows', 'invalid_value', 'no bucket (the query has no time column)', value, path);
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !DAY_TEXT.test(text)) return fail(fn, 'invalid_rows', 'invalid_date', 'a bucket as YYYY-MM-DD text or a Date', value, path);
  return text;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, as the calendar counts local days. */
function dayNumber(text: string): number {
  const [, year, month, day] = DAY_TEXT.exec(text) as RegExpExecArray;
  return dayFromCivil(Number(year), Number(month), Number(day));
}
