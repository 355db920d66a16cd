import { fail } from '../internal/issue.js';

/** The calendar units time series are bucketed by. */
export type TimeUnit = 'day' | 'isoWeek' | 'month' | 'quarter' | 'year';

export const TIME_UNITS: readonly TimeUnit[] = ['day', 'isoWeek', 'month', 'quarter', 'year'];
const DAY = 86_400_000;
const QUARTER_HOUR = 900_000;

/**
 * Calendar arithmetic in an IANA time zone with `Intl` only. Instants become "local days"
 * (whole days since 1970-01-01 on the zone's wall calendar); buckets are computed on local days
 * with plain UTC date arithmetic, and turned back into instants at the zone's local midnight,
 * so DST changes and year ends land where a person in that zone expects them.
 */
export class ZonedCalendar {
  readonly timeZone: string;
  readonly #format: Intl.DateTimeFormat | undefined;
  // Every offset in use is a multiple of 15 minutes, so the local day is constant within a quarter hour.
  readonly #days = new Map<number, number>();

  constructor(functionName: string, timeZone: string) {
    this.timeZone = timeZone;
    if (timeZone === 'UTC') return;
    try {
      this.#format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    } catch {
      fail(functionName, 'invalid_option', 'invalid_value', "an IANA time zone such as 'Europe/Berlin' (or 'UTC')", timeZone, ['options', 'timeZone']);
    }
  }

  /** The zone's offset from UTC at an instant, in milliseconds (local − UTC). */
  offset(time: number): number {
    if (this.#format === undefined) return 0;
    const parts: Record<string, number> = {};
    for (const part of this.#format.formatToParts(new Date(time))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const local = Date.UTC(parts['year'] as number, (parts['month'] as number) - 1, parts['day'] as number, parts['hour'] as number, parts['minute'] as number, parts['second'] as number);
    return local - (time - (((time % 1000) + 1000) % 1000));
  }

  /** The local day of an instant. */
  localDay(time: number): number {
    if (this.#format === undefined) return Math.floor(time / DAY);
    const slot = Math.floor(time / QUARTER_HOUR);
    let day = this.#days.get(slot);
    if (day === undefined) {
      day = Math.floor((time + this.offset(time)) / DAY);
      this.#days.set(slot, day);
    }
    return day;
  }

  /** The first instant of a local day (its local midnight, or the first instant after a DST gap). */
  startOfDay(day: number): number {
    const local = day * DAY;
    let guess = local - this.offset(local);
    guess = local - this.offset(guess);
    // In a gap at midnight the guess can land on the previous day: move to the day's first instant.
    if (this.localDay(guess) < day) guess += this.offset(guess + DAY) - this.offset(guess);
    return guess;
  }
}

/** The local day as a UTC date, for arithmetic on its calendar fields. */
const asDate = (day: number): Date => new Date(day * DAY);
const dayOf = (year: number, month: number, date: number): number => Date.UTC(year, month, date) / DAY;

/** The first local day of the bucket holding a day. */
export function bucketStart(day: number, unit: TimeUnit): number {
  const date = asDate(day);
  const year = date.getUTCFullYear();
  switch (unit) {
    case 'day':
      return day;
    case 'isoWeek':
      return day - ((date.getUTCDay() + 6) % 7);
    case 'month':
      return dayOf(year, date.getUTCMonth(), 1);
    case 'quarter':
      return dayOf(year, date.getUTCMonth() - (date.getUTCMonth() % 3), 1);
    case 'year':
      return dayOf(year, 0, 1);
  }
}

/** The first local day of the next bucket. */
export function nextBucket(start: number, unit: TimeUnit): number {
  const date = asDate(start);
  switch (unit) {
    case 'day':
      return start + 1;
    case 'isoWeek':
      return start + 7;
    case 'month':
      return dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    case 'quarter':
      return dayOf(date.getUTCFullYear(), date.getUTCMonth() + 3, 1);
    case 'year':
      return dayOf(date.getUTCFullYear() + 1, 0, 1);
  }
}

/** Adds whole calendar months to a local day, keeping the day of month where it exists (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const date = asDate(day);
  const target = dayOf(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const length = asDate(dayOf(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0)).getUTCDate();
  return target + Math.min(date.getUTCDate(), length) - 1;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * The ISO 8601 week of a day: weeks start on Monday, and week 1 holds the year's first Thursday,
 * so 1 January can belong to week 52 or 53 of the year before.
 */
export function isoWeek(day: number): { year: number; week: number } {
  const thursday = day - ((asDate(day).getUTCDay() + 6) % 7) + 3;
  const year = asDate(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - dayOf(year, 0, 1)) / 7) + 1 };
}

/** A bucket's label: 2026-03-01, 2026-W09, 2026-03, 2026-Q1, 2026. */
export function bucketLabel(start: number, unit: TimeUnit): string {
  const date = asDate(start);
  const year = date.getUTCFullYear();
  switch (unit) {
    case 'day':
      return `${year}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    case 'isoWeek': {
      const week = isoWeek(start);
      return `${week.year}-W${pad(week.week)}`;
    }
    case 'month':
      return `${year}-${pad(date.getUTCMonth() + 1)}`;
    case 'quarter':
      return `${year}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
    case 'year':
      return String(year);
  }
}
