import type { MetricKind } from '../scales/defineScale.js';
import type { Comparison } from '../metrics/ComparisonResult.js';
import { mergeTallies } from '../tally/mergeTallies.js';
import { Accumulator } from '../tally/Accumulator.js';
import type { Tally } from '../tally/Tally.js';
import { bucketLabel, bucketStart, nextBucket, type TimeUnit } from './calendar.js';
import { checkUnit, collectDays, type TimeOptions } from './collectDays.js';
import { type MetricResult, metricFunctions } from './metricFunctions.js';
import { checkMinimumN } from './SegmentCollector.js';

/** Options for {@link trend}. */
export interface TrendOptions<Row = never> extends TimeOptions<Row> {
  /** The bucket: `'day'`, `'isoWeek'`, `'month'` (default), `'quarter'` or `'year'`. */
  readonly unit?: TimeUnit | undefined;
}

/** One bucket of a trend. */
export interface TrendBucket {
  /** The bucket's label: 2026-03-01, 2026-W09, 2026-03, 2026-Q1 or 2026. */
  readonly label: string;
  /** The bucket's first instant (local midnight in the time zone). */
  readonly start: Date;
  /** The next bucket's first instant (exclusive). */
  readonly end: Date;
  /** Answered responses in the bucket (0 for an empty bucket, which is still listed). */
  readonly n: number;
  /** Whether n reaches the minimum (default 30). */
  readonly reliable: boolean;
  /** The bucket's full metric result (score undefined when empty). */
  readonly result: MetricResult;
  /** The change from the previous bucket (this − previous) with its test; undefined for the first bucket. */
  readonly change: Comparison<MetricResult> | undefined;
}

/** What {@link trend} returns. */
export interface TrendSeries {
  /** The metric. */
  readonly metric: MetricKind;
  /** The bucket unit. */
  readonly unit: TimeUnit;
  /** The calendar's time zone. */
  readonly timeZone: string;
  /** Every bucket from the first to the last, empty ones included. */
  readonly buckets: readonly TrendBucket[];
  /** Rows without a usable timestamp: counted here, not placed in any bucket. */
  readonly undated: number;
  /** Rows outside `from`…`to`. */
  readonly outOfRange: number;
}

/**
 * A metric over time: rows bucketed by day, ISO week, month, quarter or year on the calendar of
 * a time zone (UTC by default; any IANA zone through `Intl`, so DST changes and year ends fall
 * where people there expect), every bucket's full result with its interval, empty buckets listed
 * with `n: 0`, and the change from the previous bucket with the metric's test (NPS: adjusted-Wald
 * z; CSAT: Newcombe; CES: Welch t). ISO weeks start on Monday and belong to the ISO week-year
 * (1 January 2027 is in 2026-W53). Rows without a timestamp are counted in `undated`.
 *
 * @param rows - records from `ingest` (timed by `submittedAt`), or rows with `value`, `time` and `scale`
 * @param options - unit, timeZone, from/to, minimumN, metric and its options
 * @returns the series
 * @throws {@link CxMetricsError} `invalid_option` for a bad option (an unknown time zone included)
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
 * ```
 */
export function trend<Row = never>(rows: Iterable<Row> | ArrayLike<Row>, options: TrendOptions<Row> = {}): TrendSeries {
  const fn = 'trend';
  const collected = collectDays(fn, rows, options, ['unit']);
  const unit = checkUnit(fn, options.unit, 'unit', 'month');
  const minimumN = checkMinimumN(fn, options.minimumN);
  const metric = metricFunctions(fn, options.metric, collected.scale, options);
  const byBucket = new Map<number, Tally[]>();
  for (const [day, tally] of collected.days) {
    const start = bucketStart(day, unit);
    const list = byBucket.get(start);
    if (list === undefined) byBucket.set(start, [tally]);
    else list.push(tally);
  }
  const { calendar } = collected;
  const first = options.from === undefined ? Math.min(...byBucket.keys()) : bucketStart(calendar.localDay(options.from.getTime()), unit);
  const last = options.to === undefined ? Math.max(...byBucket.keys()) : bucketStart(calendar.localDay(options.to.getTime() - 1), unit);
  const empty = new Accumulator(fn, collected.scale, 0).toTally();
  const buckets: TrendBucket[] = [];
  let previous: Tally | undefined;
  for (let start = first; Number.isFinite(start) && start <= last; start = nextBucket(start, unit)) {
    const tallies = byBucket.get(start);
    const tally = tallies === undefined ? empty : mergeTallies(tallies);
    const result = metric.compute(tally);
    buckets.push(
      Object.freeze({
        label: bucketLabel(start, unit),
        start: new Date(calendar.startOfDay(start)),
        end: new Date(calendar.startOfDay(nextBucket(start, unit))),
        n: tally.answered,
        reliable: tally.answered >= minimumN,
        result,
        change: previous === undefined ? undefined : metric.compare(tally, previous),
      }),
    );
    previous = tally;
  }
  return Object.freeze({ metric: metric.metric, unit, timeZone: calendar.timeZone, buckets: Object.freeze(buckets), undated: collected.undated, outOfRange: collected.outOfRange });
}
