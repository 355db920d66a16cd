import { fail } from '../internal/issue.js';
import { checkChoice, checkKnownOptions } from '../internal/options.js';
import { isResponseRecord } from '../records/isResponseRecord.js';
import { parseISOTimestamp } from '../records/parseTimestamp.js';
import type { MetricKind, Scale } from '../scales/defineScale.js';
import { Accumulator } from '../tally/Accumulator.js';
import { finishWeights } from '../tally/readAnswers.js';
import type { Tally } from '../tally/Tally.js';
import { bucketLabel, bucketStart, nextBucket, TIME_UNITS, type TimeUnit, ZonedCalendar } from './calendar.js';
import { METRIC_OPTION_NAMES, type MetricOptions, type MetricResult } from './metricFunctions.js';
import { RowAdder, type RowOptions } from './rowReading.js';

/** Options shared by `trend` and `rollingWindows`. */
export interface TimeOptions<Row = never> extends RowOptions<Row>, MetricOptions {
  /** The metric: `'nps'`, `'csat'` or `'ces'`. Default: the scale's own metric. */
  readonly metric?: MetricKind | undefined;
  /** Reads the moment of a row (a `Date`, epoch milliseconds or ISO 8601); records use `submittedAt`. */
  readonly time?: ((row: Row, index: number) => unknown) | undefined;
  /** An IANA time zone for the calendar (`'Europe/Berlin'`); default `'UTC'`. */
  readonly timeZone?: string | undefined;
  /** The first moment to include (earlier rows are left out and counted); default: the first row's bucket. */
  readonly from?: Date | undefined;
  /** The moment to stop before (later rows are left out and counted); default: after the last row's bucket. */
  readonly to?: Date | undefined;
  /** The n below which a bucket or window is marked `reliable: false`. Default 30. */
  readonly minimumN?: number | undefined;
}

export const TIME_OPTION_NAMES: readonly string[] = ['scale', 'value', 'weights', 'metric', 'time', 'timeZone', 'from', 'to', 'minimumN', ...METRIC_OPTION_NAMES];

/** Rows per local day, and the rows that could not be placed in time. */
export interface DayTallies {
  readonly calendar: ZonedCalendar;
  readonly scale: Scale;
  /** Local day → tally, for days with rows. */
  readonly days: ReadonlyMap<number, Tally>;
  /** Rows with no usable timestamp. */
  readonly undated: number;
  /** Rows before `from` or from `to` on. */
  readonly outOfRange: number;
}

/** Reads a moment: a valid Date, finite epoch milliseconds, or a strict ISO 8601 string. */
function momentOf(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.length <= 64) return parseISOTimestamp(value.trim());
  return undefined;
}

/** One pass over rows into one accumulator per local day of the time zone. */
export function collectDays<Row>(functionName: string, rows: Iterable<Row> | ArrayLike<Row>, options: TimeOptions<Row>, extraOptions: readonly string[]): DayTallies {
  const fn = functionName;
  if (typeof options !== 'object' || options === null) fail(fn, 'invalid_option', 'invalid_value', 'an options object', options, ['options']);
  checkKnownOptions(fn, options, [...TIME_OPTION_NAMES, ...extraOptions]);
  const calendar = new ZonedCalendar(fn, options.timeZone ?? 'UTC');
  if (options.time !== undefined && typeof options.time !== 'function') fail(fn, 'invalid_option', 'invalid_value', 'an accessor (row, index) => moment', options.time, ['options', 'time']);
  for (const key of ['from', 'to'] as const) {
    const bound = options[key];
    if (bound !== undefined && !(bound instanceof Date && Number.isFinite(bound.getTime()))) fail(fn, 'invalid_option', 'invalid_date', 'a valid Date', bound, ['options', key]);
  }
  const from = options.from?.getTime() ?? -Infinity;
  const to = options.to?.getTime() ?? Infinity;
  const adder = new RowAdder<Row>(fn, options);
  const accumulators = new Map<number, Accumulator>();
  let addRow: ((accumulator: Accumulator, row: Row, index: number) => void) | undefined;
  let timeOf: ((row: Row, index: number) => unknown) | undefined = options.time;
  let undated = 0;
  let outOfRange = 0;
  const take = (row: Row, index: number): void => {
    if (addRow === undefined) {
      const records = isResponseRecord(row) && options.value === undefined;
      addRow = adder.adder(records);
      timeOf ??= records ? (record: Row) => (record as { submittedAt?: Date }).submittedAt : undefined;
      if (timeOf === undefined) fail(fn, 'invalid_option', 'invalid_value', 'a time accessor (row, index) => moment, for rows that are not records', undefined, ['options', 'time']);
    }
    const moment = momentOf((timeOf as (row: Row, index: number) => unknown)(row, index));
    if (moment === undefined) {
      undated++;
      return;
    }
    if (moment < from || moment >= to) {
      outOfRange++;
      return;
    }
    const day = calendar.localDay(moment);
    let accumulator = accumulators.get(day);
    if (accumulator === undefined) accumulators.set(day, (accumulator = adder.accumulator(adder.scaleFor(row))));
    addRow(accumulator, row, index);
  };
  if (Array.isArray(rows)) rows.forEach((row: Row, index) => take(row, index));
  else if (typeof rows === 'object' && rows !== null && Symbol.iterator in rows) {
    let index = 0;
    for (const row of rows as Iterable<Row>) take(row, index++);
  } else fail(fn, 'invalid_input', 'invalid_value', 'an array or iterable of rows', rows, ['rows']);
  const scale = adder.scale ?? options.scale;
  if (scale === undefined) fail(fn, 'invalid_option', 'invalid_value', 'a scale (options.scale) when no row is dated', undefined, ['options', 'scale']);
  const days = new Map<number, Tally>();
  for (const [day, accumulator] of [...accumulators].sort((a, b) => a[0] - b[0])) {
    finishWeights(fn, accumulator);
    days.set(day, accumulator.toTally());
  }
  return { calendar, scale, days, undated, outOfRange };
}

/** Checks a time unit option. */
export function checkUnit(functionName: string, unit: unknown, name: string, fallback: TimeUnit): TimeUnit {
  return checkChoice(functionName, unit ?? fallback, TIME_UNITS, ['options', name]);
}

/** A stretch of time with its answers: a trend bucket or a trailing window. */
export interface TimeSlot {
  /** The bucket or step label: 2026-03-01, 2026-W09, 2026-03, 2026-Q1 or 2026. */
  readonly label: string;
  /** The first instant (local midnight in the time zone). */
  readonly start: Date;
  /** The instant it ends before (exclusive). */
  readonly end: Date;
  /** Answered responses in it (0 when empty; empty slots are still listed). */
  readonly n: number;
  /** Whether n reaches the minimum (default 30). */
  readonly reliable: boolean;
  /** The full metric result (score undefined when empty). */
  readonly result: MetricResult;
}

/** What every time series has besides its slots. */
export interface TimeSeriesBase {
  /** The metric. */
  readonly metric: MetricKind;
  /** The calendar's time zone. */
  readonly timeZone: string;
  /** Rows without a usable timestamp: counted here, not placed in any slot. */
  readonly undated: number;
  /** Rows outside `from`…`to`. */
  readonly outOfRange: number;
}

/** A slot from local days and its tally. */
export function timeSlot(days: DayTallies, label: string, startDay: number, endDay: number, answered: number, minimumN: number, result: MetricResult): TimeSlot {
  return {
    label,
    start: new Date(days.calendar.startOfDay(startDay)),
    end: new Date(days.calendar.startOfDay(endDay)),
    n: answered,
    reliable: answered >= minimumN,
    result,
  };
}

/** The first local day of every step from the first row's (or `from`'s) to the last row's (or `to`'s). */
export function steps(days: DayTallies, options: { readonly from?: Date | undefined; readonly to?: Date | undefined }, unit: TimeUnit): { start: number; end: number; label: string }[] {
  const known = [...days.days.keys()];
  const first = options.from === undefined ? known[0] : days.calendar.localDay(options.from.getTime());
  const last = options.to === undefined ? known[known.length - 1] : days.calendar.localDay(options.to.getTime() - 1);
  const list: { start: number; end: number; label: string }[] = [];
  if (first === undefined || last === undefined) return list;
  for (let start = bucketStart(first, unit); start <= last; start = nextBucket(start, unit)) list.push({ start, end: nextBucket(start, unit), label: bucketLabel(start, unit) });
  return list;
}

/** The tally of nothing, for empty slots. */
export function emptyTally(functionName: string, days: DayTallies): Tally {
  return new Accumulator(functionName, days.scale, 0).toTally();
}
