import { civilFromDay, dayFromCivil, formatYear } from '../internal/dates.js';

/** The calendar units time series are bucketed by. */
export type TimeUnit = 'day' | 'isoWeek' | 'month' | 'quarter' | 'year';

/** Every time unit, in order. */
export const TIME_UNITS: readonly TimeUnit[] = ['day', 'isoWeek', 'month', 'quarter', 'year'];

// Buckets are computed on local days (days since 1970-01-01 on a time zone's wall calendar) with
// proleptic Gregorian arithmetic, so DST changes and year ends land where a person in that zone
// expects them, and years 0–99 are those years.

/** 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday). */
const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** The first local day of the bucket holding a day. */
export function bucketStart(day: number, unit: TimeUnit): number {
  if (unit === 'day') return day;
  if (unit === 'isoWeek') return day - weekday(day);
  const { year, month } = civilFromDay(day);
  if (unit === 'month') return dayFromCivil(year, month, 1);
  if (unit === 'quarter') return dayFromCivil(year, month - ((month - 1) % 3), 1);
  return dayFromCivil(year, 1, 1);
}

/** The first local day of the next bucket. */
export function nextBucket(start: number, unit: TimeUnit): number {
  if (unit === 'day') return start + 1;
  if (unit === 'isoWeek') return start + 7;
  const { year, month } = civilFromDay(start);
  if (unit === 'month') return dayFromCivil(year, month + 1, 1);
  if (unit === 'quarter') return dayFromCivil(year, month + 3, 1);
  return dayFromCivil(year + 1, 1, 1);
}

/** Adds whole calendar months to a local day, keeping the day of month where it exists (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const { year, month, day: date } = civilFromDay(day);
  const first = dayFromCivil(year, month + months, 1);
  const length = dayFromCivil(year, month + months + 1, 1) - first;
  return first + Math.min(date, length) - 1;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The ISO 8601 week of a day: weeks start on Monday, and week 1 holds the year's first Thursday,
 * so 1 January can belong to week 52 or 53 of the year before.
 */
export function isoWeek(day: number): { year: number; week: number } {
  const thursday = day - weekday(day) + 3;
  const year = civilFromDay(thursday).year;
  return { year, week: Math.floor((thursday - dayFromCivil(year, 1, 1)) / 7) + 1 };
}

/** A bucket's label: 2026-03-01, 2026-W09, 2026-03, 2026-Q1, 2026 (years beyond 0000–9999 as ISO writes them: +010000). */
export function bucketLabel(start: number, unit: TimeUnit): string {
  const { year, month, day } = civilFromDay(start);
  switch (unit) {
    case 'day':
      return `${formatYear(year)}-${pad(month)}-${pad(day)}`;
    case 'isoWeek': {
      const week = isoWeek(start);
      return `${formatYear(week.year)}-W${pad(week.week)}`;
    }
    case 'month':
      return `${formatYear(year)}-${pad(month)}`;
    case 'quarter':
      return `${formatYear(year)}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'year':
      return formatYear(year);
  }
}
