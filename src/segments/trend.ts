import { guard } from '../internal/guard.js';
import { withDisplay } from '../internal/display.js';
import type { Comparison } from '../metrics/ComparisonResult.js';
import { mergeTallies } from '../tally/mergeTallies.js';
import type { Tally } from '../tally/Tally.js';
import { bucketStart, type TimeUnit } from './calendar.js';
import { checkUnit, collectDays, type DayTallies, emptyTally, steps, type TimeOptions, type TimeSeriesBase, type TimeSlot, timeSlot } from './collectDays.js';
import type { MetricResult } from './metricFunctions.js';
import { checkMinimumN } from './SegmentCollector.js';
import type { Rows } from '../internal/readRows.js';

/** Options for {@link trend}. */
export interface TrendOptions<Row = never> extends TimeOptions<Row> {
  /** The bucket: `'day'`, `'isoWeek'`, `'month'` (default), `'quarter'` or `'year'`. */
  readonly unit?: TimeUnit | undefined;
}

/** One bucket of a trend. */
export interface TrendBucket extends TimeSlot {
  /** The change from the previous bucket (this − previous) with its test; undefined for the first bucket. */
  readonly change: Comparison<MetricResult> | undefined;
}

/** What {@link trend} returns. */
export interface TrendSeries extends TimeSeriesBase {
  /** The bucket unit. */
  readonly unit: TimeUnit;
  /** Every bucket from the first to the last, empty ones included. */
  readonly buckets: readonly TrendBucket[];
}

/**
 * A metric over time: rows bucketed by day, ISO week, month, quarter or year on the calendar of
 * a time zone (UTC by default; any IANA zone through `Intl`, so DST changes and year ends fall
 * where people there expect), every bucket's full result with its interval, empty buckets listed
 * with `n: 0`, and the change from the previous bucket with the metric's test (NPS: adjusted-Wald
 * z; CSAT: Newcombe; CES: Welch t). ISO weeks start on Monday and belong to the ISO week-year
 * (1 January 2027 is in 2026-W53). Times are read by the rules of {@link parseTimestamp} (a
 * wall-clock time without an offset is read in `timeZone`), and every row is accounted for in
 * `rows`: placed, undated, with an invalid time (never mistaken for no time), or out of range.
 *
 * @param rows - records from `ingest` (timed by `submittedAt`), or rows with `value`, `time` (field names or accessors) and `scale`
 * @param options - unit, timeZone, from/to, minimumN, metric and its options
 * @returns the series
 * @throws {@link CxMetricsError} `invalid_option` for a bad option (an unknown time zone, a `time` field no row has), `invalid_answers` (by row)
 *
 * @example
 * ```ts
 * import { ingest, scales, trend } from 'cx-metrics';
 *
 * const rows = [
 *   { score: 10, submittedAt: '2026-01-15T10:00:00Z' },
 *   { score: 3, submittedAt: '2026-01-20T10:00:00Z' },
 *   { score: 9, submittedAt: '2026-03-02T10:00:00Z' },
 * ];
 * const { records } = ingest(rows, { scale: scales.nps });
 * const series = trend(records, { unit: 'month' });
 * series.buckets.map((bucket) => [bucket.label, bucket.n, bucket.result.score]); // => [["2026-01", 2, 0], ["2026-02", 0, undefined], ["2026-03", 1, 100]]
 * series.rows; // => { total: 3, placed: 3, undated: 0, invalidTime: 0, outOfRange: 0 }
 * ```
 */
export function trend<Row = never>(rows: Rows<Row>, options?: TrendOptions<Row>): TrendSeries {
  return guard('trend', () => {
    const fn = 'trend';
    const unit = checkUnit(fn, options?.unit, 'unit', 'month');
    const minimumN = checkMinimumN(fn, options?.minimumN);
    return trendOfDays(fn, collectDays(fn, rows, options, ['unit']), options ?? {}, unit, minimumN);
  });
}

/** The series from tallies per local day (collected by `trend`, or by a reader that fed a {@link dayCollector}). */
export function trendOfDays(functionName: string, collected: DayTallies, options: { readonly from?: Date | undefined; readonly to?: Date | undefined }, unit: TimeUnit, minimumN: number): TrendSeries {
  const fn = functionName;
  const metric = collected.metric;
  const byBucket = new Map<number, Tally[]>();
  for (const [day, tally] of collected.days) {
    const start = bucketStart(day, unit);
    const list = byBucket.get(start);
    if (list === undefined) byBucket.set(start, [tally]);
    else list.push(tally);
  }
  const empty = emptyTally(collected);
  const buckets: TrendBucket[] = [];
  let previous: Tally | undefined;
  for (const step of steps(fn, collected, options, unit)) {
    const tallies = byBucket.get(step.start);
    const tally = tallies === undefined ? empty : mergeTallies(tallies);
    const slot = timeSlot(collected, step.label, step.start, step.end, tally.answered, minimumN, metric.compute(tally));
    buckets.push(Object.freeze({ ...slot, change: previous === undefined ? undefined : metric.compare(tally, previous) }));
    previous = tally;
  }
  return Object.freeze(withDisplay({ metric: metric.metric, unit, timeZone: collected.zone.name, buckets: Object.freeze(buckets), rows: collected.rows }, 'trend'));
}
