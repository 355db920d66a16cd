import { guard } from '../internal/guard.js';
import { withDisplay } from '../internal/display.js';
import { fail } from '../internal/issue.js';
import { checkKnownKeys, checkNumber } from '../internal/options.js';
import { mergeTallies } from '../tally/mergeTallies.js';
import type { Tally } from '../tally/Tally.js';
import { addMonths, type TimeUnit } from './calendar.js';
import { checkUnit, collectDays, emptyTally, steps, type TimeOptions, type TimeSeriesBase, type TimeSlot, timeSlot } from './collectDays.js';
import { checkMinimumN } from './SegmentCollector.js';
import type { Rows } from '../internal/readRows.js';

/** A trailing window of whole days. */
export interface WindowOfDays {
  /** The number of days, at least 1. */
  readonly days: number;
  /** Not with days. */
  readonly months?: undefined;
}

/** A trailing window of calendar months (3 months = a trailing quarter). */
export interface WindowOfMonths {
  /** The number of calendar months, at least 1. */
  readonly months: number;
  /** Not with months. */
  readonly days?: undefined;
}

/** The length of a trailing window: whole days, or calendar months. */
export type WindowLength = WindowOfDays | WindowOfMonths;

/** Options for {@link rollingWindows}. */
export interface RollingWindowOptions<Row = never> extends TimeOptions<Row> {
  /** The trailing window: `{ days: 90 }` or `{ months: 3 }`. */
  readonly window: WindowLength;
  /** How often a window ends: at the end of every `'day'`, `'isoWeek'` (default), `'month'`, `'quarter'` or `'year'`. */
  readonly step?: TimeUnit | undefined;
}

/** One trailing window: the slot ends with its step, and starts the window's length before. */
export type RollingWindow = TimeSlot;

/** What {@link rollingWindows} returns. */
export interface RollingWindowSeries extends TimeSeriesBase {
  /** The step unit. */
  readonly step: TimeUnit;
  /** The window length. */
  readonly window: WindowLength;
  /** One window per step, from the first step with data to the last. */
  readonly windows: readonly RollingWindow[];
}

/**
 * Trailing windows: the metric over the last N days (or N calendar months) at the end of every
 * day, ISO week, month, quarter or year, such as the 90-day trailing NPS every week, or the
 * trailing-quarter CSAT every month. Rows are counted once into day tallies (in the time zone's
 * calendar), and each window merges the days it covers, so overlapping windows cost no second
 * pass. Windows below `minimumN` are marked `reliable: false`.
 *
 * @param rows - records from `ingest`, or rows with `value`, `time` (field names or accessors) and `scale`
 * @param options - window, step, timeZone, from/to, minimumN, metric and its options
 * @returns the series of windows
 * @throws {@link CxMetricsError} `invalid_option` for a bad window, step or time zone
 *
 * @example
 * ```ts
 * import { rollingWindows, scales } from 'cx-metrics';
 *
 * const rows = Array.from({ length: 120 }, (_, day) => ({ at: Date.UTC(2026, 0, 1) + day * 86_400_000, nps: day < 60 ? 9 : 3 }));
 * const series = rollingWindows(rows, { scale: scales.nps, value: (row) => row.nps, time: (row) => row.at, window: { days: 30 }, step: 'month' });
 * series.windows.map((window) => [window.label, window.n, window.result.score]); // => [["2026-01", 30, 100], ["2026-02", 30, 100], ["2026-03", 30, -100], ["2026-04", 30, -100]]
 * ```
 */
export function rollingWindows<Row = never>(rows: Rows<Row>, options: RollingWindowOptions<Row>): RollingWindowSeries {
  return guard('rollingWindows', () => {
    const fn = 'rollingWindows';
    if (typeof options !== 'object' || options === null) fail(fn, 'invalid_option', 'invalid_value', 'an options object with a window', options, ['options']);
    const window = options.window as WindowLength | undefined;
    const describe = 'a window { days } or { months }: a whole number of at least 1';
    if (typeof window !== 'object' || window === null) fail(fn, 'invalid_option', 'invalid_value', describe, window, ['options', 'window']);
    checkKnownKeys(fn, window, ['days', 'months'], ['options', 'window'], 'window key');
    if ((window.days === undefined) === (window.months === undefined)) fail(fn, 'invalid_option', 'invalid_value', describe, window, ['options', 'window']);
    const length = checkNumber(fn, window.days ?? window.months, ['options', 'window', window.days === undefined ? 'months' : 'days'], { min: 1, integer: true, describe }, 'invalid_option');
    const step = checkUnit(fn, options.step, 'step', 'isoWeek');
    const minimumN = checkMinimumN(fn, options.minimumN);
    const collected = collectDays(fn, rows, options, ['window', 'step']);
    const metric = collected.metric;
    const days = [...collected.days.keys()];
    const tallies = [...collected.days.values()];
    const empty = emptyTally(collected);
    const firstAtOrAfter = (day: number): number => {
      let low = 0;
      let high = days.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((days[middle] as number) < day) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    const windows: RollingWindow[] = steps(fn, collected, options, step).map(({ end, label }) => {
      const startDay = window.days !== undefined ? end - length : addMonths(end, -length);
      const covered: Tally[] = tallies.slice(firstAtOrAfter(startDay), firstAtOrAfter(end));
      const tally = covered.length === 0 ? empty : mergeTallies(covered);
      return Object.freeze(timeSlot(collected, label, startDay, end, tally.answered, minimumN, metric.compute(tally)));
    });
    return Object.freeze(withDisplay({ metric: metric.metric, step, window: Object.freeze({ ...window }), timeZone: collected.zone.name, windows: Object.freeze(windows), rows: collected.rows }, 'rolling'));
  });
}
