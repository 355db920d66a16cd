import { fail } from '../internal/issue.js';
import { MAX_TIME, MIN_TIME, timeOf } from '../internal/dates.js';
import { didYouMean } from '../internal/nearNames.js';
import { checkChoice, checkDateOption, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { forEachRow, rowSource, type Rows, type RowVisitor } from '../internal/readRows.js';
import { TimeZone } from '../internal/timeZone.js';
import type { FieldSource } from '../records/IngestMapping.js';
import { ingestionBounds, readTimestamp, type TimestampRules, timestampRules } from '../records/parseTimestamp.js';
import { ABSENT, NamedField } from '../records/readField.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Scale } from '../scales/defineScale.js';
import { Accumulator } from '../tally/Accumulator.js';
import { mergeTallies } from '../tally/mergeTallies.js';
import { type AnswerOptions, AnswerReader } from '../tally/AnswerReader.js';
import type { Tally } from '../tally/Tally.js';
import { TallyGroups } from '../tally/TallyGroups.js';
import { bucketLabel, bucketStart, nextBucket, TIME_UNITS, type TimeUnit } from './calendar.js';
import { METRIC_OPTION_NAMES, type MetricFunctions, type MetricOptions, type MetricResult, metricFunctions } from './metricFunctions.js';
import { checkMinimumN } from './SegmentCollector.js';
import { throwIfInvalid } from '../metrics/throwIfInvalid.js';

/** Options shared by `trend` and `rollingWindows`. */
export interface TimeOptions<Row = never> extends AnswerOptions<Row>, MetricOptions {
  /**
   * Where a row's moment is: a field name or an accessor giving a `Date`, epoch milliseconds or
   * an ISO 8601 string (read by the rules of `parseTimestamp`; a wall-clock time without an offset
   * is read in `timeZone`). Records use `submittedAt`.
   */
  readonly time?: FieldSource<Row> | undefined;
  /** An IANA time zone for the calendar (`'Europe/Berlin'`); default `'UTC'`. Wall-clock times without an offset are read in it. */
  readonly timeZone?: string | undefined;
  /** What a number (or a string of digits) counts, for rows that are not records: `'ms'` (default) or `'s'` (Unix seconds). */
  readonly timestampUnit?: 'ms' | 's' | undefined;
  /** The earliest acceptable time of a row that is not a record (earlier ones are out of range). Default 2000-01-01, as for `ingest`. */
  readonly earliest?: Date | undefined;
  /** The latest acceptable time of a row that is not a record. Default one day after now, as for `ingest`. */
  readonly latest?: Date | undefined;
  /** The first moment to include (earlier rows are left out and counted); default: the first row's bucket. */
  readonly from?: Date | undefined;
  /** The moment to stop before (later rows are left out and counted); default: after the last row's bucket. */
  readonly to?: Date | undefined;
  /** The n below which a bucket or window is marked `reliable: false`. Default 30. */
  readonly minimumN?: number | undefined;
}

/** The option names of {@link TimeOptions}, tied to the interface. */
const TIME_OPTION_NAMES = ['scale', 'value', 'weights', ...METRIC_OPTION_NAMES, 'time', 'timeZone', 'timestampUnit', 'earliest', 'latest', 'from', 'to', 'minimumN'] as const satisfies readonly (keyof TimeOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof TimeOptions, (typeof TIME_OPTION_NAMES)[number]>;

/** Where every row of a time series went. `placed + undated + invalidTime + outOfRange === total`. */
export interface TimeAccounting {
  /** Rows read. */
  readonly total: number;
  /** Rows in a bucket (or day) of the series. */
  readonly placed: number;
  /** Rows without a time (empty, null, no such field in that row, or an array hole). */
  readonly undated: number;
  /** Rows whose time is no time: an impossible date (`2026-02-30`), a fake or invalid `Date`, a value of the wrong kind. */
  readonly invalidTime: number;
  /** Rows whose time lies before `from`, at or after `to`, outside `earliest`…`latest` (rows that are not records), or beyond what a `Date` can hold. */
  readonly outOfRange: number;
}

/** Rows per local day, and where every row went. */
export interface DayTallies {
  readonly zone: TimeZone;
  readonly scale: Scale;
  readonly metric: MetricFunctions;
  /** Local day → tally, for days with rows, in day order. */
  readonly days: ReadonlyMap<number, Tally>;
  readonly rows: TimeAccounting;
}

/** The tallies per local day of a part of the rows, and where its rows went. */
export interface DayParts {
  readonly days: readonly (readonly [number, Tally])[];
  readonly total: number;
  readonly undated: number;
  readonly invalidTime: number;
  readonly outOfRange: number;
}

/** A row visitor that puts rows in one tally per local day; `finish` gives the days once every row is read. */
export interface DayCollector<Row> extends RowVisitor<Row> {
  /** The days and where every row went, after `total` rows. */
  finish(total: number): DayTallies;
  /** This collector's days and counts after `total` rows, for a reader that splits a file among threads. */
  parts(total: number): DayParts;
  /** The days of parts read by collectors of the same options, in file order (needs `scale` in the options when this one read no row). */
  combine(parts: readonly DayParts[]): DayTallies;
}

/** One pass over rows into one tally per local day of the time zone (the grouping engine), every row accounted for. */
export function collectDays<Row>(functionName: string, rows: Rows<Row>, options: TimeOptions<Row> | undefined, extraOptions: readonly string[]): DayTallies {
  const collector = dayCollector<Row>(functionName, options, extraOptions);
  return collector.finish(forEachRow(functionName, rowSource<Row>(functionName, rows, ['rows'], false), ['rows'], collector));
}

/**
 * The visitor under {@link collectDays}, for readers that feed rows themselves (the command reads
 * a file once into several collectors). Every option is checked here, before any row is read.
 */
export function dayCollector<Row>(functionName: string, options: TimeOptions<Row> | undefined, extraOptions: readonly string[]): DayCollector<Row> {
  const fn = functionName;
  const checked = checkOptions(fn, options, [...TIME_OPTION_NAMES, ...extraOptions]);
  const zone = new TimeZone(fn, checked.timeZone ?? 'UTC', ['options', 'timeZone']);
  const from = checkDateOption(fn, checked.from, ['options', 'from']) ?? -Infinity;
  const to = checkDateOption(fn, checked.to, ['options', 'to']) ?? Infinity;
  if (from >= to) fail(fn, 'invalid_option', 'out_of_range', `a time "to" after "from" (${new Date(from).toISOString()})`, checked.to, ['options', 'to']);
  const time = checked.time;
  if (time !== undefined && typeof time !== 'string' && typeof time !== 'function') fail(fn, 'invalid_option', 'invalid_type', 'a field name or an accessor (row, index) => moment', time, ['options', 'time']);
  // Rows that are not records are read as ingest reads them, with its bounds; records were read so already.
  const rowRules = timestampRules(fn, { timestampUnit: checked.timestampUnit, timeZone: checked.timeZone, earliest: checked.earliest, latest: checked.latest }, ['options'], ingestionBounds());
  const recordRules: TimestampRules = { ...rowRules, earliest: MIN_TIME, latest: MAX_TIME };
  const groups = new TallyGroups<Row>(fn, new AnswerReader<Row>(fn, checked, ['rows']), ['rows']);
  // Option values are checked before any row is read when the scale is known; else at the first record.
  let metric = checked.scale === undefined ? undefined : metricFunctions(fn, checked, groups.scale);
  let rules = rowRules;
  let timeField: NamedField | undefined;
  let timeOfRow: ((row: Row, index: number) => unknown) | undefined;
  let undated = 0;
  let invalidTime = 0;
  let outOfRange = 0;
  const place = (row: Row, index: number): void => {
    if (timeOfRow === undefined) {
      groups.reader.start(row);
      const records = groups.reader.records;
      if (records) rules = recordRules;
      metric ??= groups.reader.scale === undefined ? undefined : metricFunctions(fn, checked, groups.reader.scale);
      if (typeof time === 'string') {
        const field = (timeField = new NamedField(time, records, false));
        timeOfRow = (input) => field.read(input);
      } else if (time !== undefined) timeOfRow = time;
      else if (records) timeOfRow = (record) => (record as ResponseRecord).submittedAt;
      else fail(fn, 'invalid_option', 'invalid_value', 'a time field or accessor (row, index) => moment, for rows that are not records', undefined, ['options', 'time']);
    }
    const value = timeOfRow(row, index);
    if (value === ABSENT) {
      undated++;
      return;
    }
    const moment = readTimestamp(value, rules);
    if (!moment.ok) {
      if (moment.code === 'out_of_range') outOfRange++;
      else invalidTime++;
      return;
    }
    if (moment.date === undefined) {
      undated++;
      return;
    }
    const instant = moment.date.getTime();
    if (instant < from || instant >= to) {
      outOfRange++;
      return;
    }
    groups.add(zone.localDay(instant), row, index);
  };
  /** The tallies of the days and the counts, after `total` rows. */
  const parts = (total: number): DayParts => {
    if (timeField !== undefined && total > 0 && timeField.missing === total) {
      fail(fn, 'invalid_option', 'unknown_name', `a time field that some row has${didYouMean(timeField.name, timeField.offered)}`, timeField.name, ['options', 'time']);
    }
    return { days: groups.finish(total).map((group) => [group.key[0] as number, group.tally] as const), total, undated, invalidTime, outOfRange };
  };
  /** The days of parts (one per part of a file): each day's tallies merged, the counts added. */
  const combine = (list: readonly DayParts[]): DayTallies => {
    const scale = groups.reader.scale;
    if (scale === undefined) fail(fn, 'invalid_option', 'invalid_value', 'a scale (options.scale) when no row is a record', undefined, ['options', 'scale']);
    metric ??= metricFunctions(fn, checked, scale);
    const byDay = new Map<number, Tally[]>();
    for (const part of list) {
      for (const [day, tally] of part.days) {
        const tallies = byDay.get(day);
        if (tallies === undefined) byDay.set(day, [tally]);
        else tallies.push(tally);
      }
    }
    const found = [...byDay].sort((a, b) => a[0] - b[0]).map(([day, tallies]) => [day, tallies.length === 1 ? (tallies[0] as Tally) : mergeTallies(tallies)] as const);
    throwIfInvalid(
      fn,
      found.map(([, tally]) => tally),
      metric.onInvalid,
      ['rows'],
    );
    const sum = (pick: (part: DayParts) => number): number => list.reduce((total, part) => total + pick(part), 0);
    const total = sum((part) => part.total);
    const counts = { undated: sum((part) => part.undated), invalidTime: sum((part) => part.invalidTime), outOfRange: sum((part) => part.outOfRange) };
    const placed = total - counts.undated - counts.invalidTime - counts.outOfRange;
    return { zone, scale, metric, days: new Map(found), rows: Object.freeze({ total, placed, ...counts }) };
  };
  return {
    row: place,
    hole: () => {
      undated++;
    },
    finish: (total) => combine([parts(total)]),
    parts,
    combine,
  };
}

/** The most buckets (or steps) a series lists: one stray date decades away must not make millions of empty buckets. */
const MAX_STEPS = 100_000;

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
  readonly metric: MetricResult['metric'];
  /** The calendar's time zone. */
  readonly timeZone: string;
  /** Where every row went: placed, undated, with an invalid time, or out of range. */
  readonly rows: TimeAccounting;
}

/** A slot from local days and its tally. */
export function timeSlot(days: DayTallies, label: string, startDay: number, endDay: number, answered: number, minimumN: number, result: MetricResult): TimeSlot {
  return {
    label,
    start: new Date(days.zone.startOfDay(startDay)),
    end: new Date(days.zone.startOfDay(endDay)),
    n: answered,
    reliable: answered >= minimumN,
    result,
  };
}

/** The first local day of every step from the first row's (or `from`'s) to the last row's (or `to`'s). */
export function steps(functionName: string, days: DayTallies, options: { readonly from?: Date | undefined; readonly to?: Date | undefined }, unit: TimeUnit): { start: number; end: number; label: string }[] {
  const known = [...days.days.keys()];
  const first = options.from === undefined ? known[0] : days.zone.localDay(timeOf(options.from));
  const last = options.to === undefined ? known[known.length - 1] : days.zone.localDay(timeOf(options.to) - 1);
  const list: { start: number; end: number; label: string }[] = [];
  if (first === undefined || last === undefined) return list;
  for (let start = bucketStart(first, unit); start <= last; start = nextBucket(start, unit)) {
    if (list.length === MAX_STEPS) {
      // The span comes from the options when they set it, else from the rows.
      const byOptions = options.from !== undefined || options.to !== undefined;
      fail(
        functionName,
        byOptions ? 'invalid_option' : 'invalid_input',
        'out_of_range',
        `${byOptions ? 'from and to' : 'rows'} that span at most ${MAX_STEPS} ${unit} buckets (${byOptions ? 'a shorter span' : 'set from and to'}, or a longer unit)`,
        `${bucketLabel(first, 'day')} to ${bucketLabel(last, 'day')}`,
        byOptions ? ['options', options.from !== undefined ? 'from' : 'to'] : ['rows'],
      );
    }
    list.push({ start, end: nextBucket(start, unit), label: bucketLabel(start, unit) });
  }
  return list;
}

/** The tally of nothing, for empty slots. */
export function emptyTally(days: DayTallies): Tally {
  return new Accumulator(days.scale, 0).toTally();
}
