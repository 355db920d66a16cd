// Calendar arithmetic on the proleptic Gregorian calendar, without `Date.UTC`'s two traps: it
// reads years 0–99 as 1900–1999, and it needs a `Date` that is really a Date. Every time read
// anywhere in the library goes through these.

/** One day in milliseconds. */
export const DAY = 86_400_000;
/** The earliest and latest instants a `Date` can hold (±100,000,000 days from 1970). */
export const MIN_TIME = -8.64e15;
/** The latest instant a `Date` can hold. */
export const MAX_TIME = 8.64e15;

const toTag = Object.prototype.toString;
const getTime = Date.prototype.getTime;

/**
 * Whether a value is a real `Date` (it has the internal time slot), not an object made with
 * `Object.create(Date.prototype)` or a look-alike, whose `getTime` would throw.
 */
export function isDate(value: unknown): value is Date {
  return typeof value === 'object' && value !== null && toTag.call(value) === '[object Date]';
}

/** The time of a real Date (NaN for an invalid one), read without calling an overridden method. */
export function timeOf(date: Date): number {
  return getTime.call(date);
}

/** Whether a year of the proleptic Gregorian calendar is a leap year (year 0 is). */
function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a civil date, for any year (Howard Hinnant's `days_from_civil`).
 * The month may run past 1–12 and the day past the month's end: they carry over, as in `Date.UTC`.
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const carried = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m <= 2 ? carried - 1 : carried;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468 + (day - 1);
}

/** The civil date of a day since 1970-01-01 (Hinnant's `civil_from_days`); month 1–12. */
export function civilFromDay(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Epoch milliseconds of a civil date and time read as UTC, for any year (0050 is the year 50). */
export function utcTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  return dayFromCivil(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
}

/** A year as ISO 8601 writes it: four digits from 0000 to 9999, else signed and six digits (+010000, -000001). */
export function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}
