import type { CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { DEFAULT_MAX_CELL_LENGTH } from './parseAnswer.js';

/** Options for {@link parseTimestamp}. */
export interface ParseTimestampOptions {
  /** What a number (or a string of digits) counts: `'ms'` since 1970 (default) or `'s'` (Unix seconds, as Delighted's API sends). */
  readonly unit?: 'ms' | 's' | undefined;
  /** The earliest acceptable moment. Default 2000-01-01T00:00:00Z. */
  readonly earliest?: Date | undefined;
  /** The latest acceptable moment. Default one day after now (answers do not come from the future). */
  readonly latest?: Date | undefined;
}

/** What {@link parseTimestamp} makes of a value: a Date, nothing (an empty cell), or why not. */
export type ParsedTimestamp =
  | {
      /** The value was read. */
      readonly ok: true;
      /** The moment, or undefined for an empty cell. */
      readonly date: Date | undefined;
    }
  | {
      /** The value was refused. */
      readonly ok: false;
      /** Why. */
      readonly code: CxMetricsIssueCode;
      /** What would have been accepted, in words. */
      readonly expected: string;
    };

const DEFAULT_EARLIEST = Date.UTC(2000, 0, 1);
const DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads exactly `count` digits at `at`, or undefined. */
function digits(text: string, at: number, count: number): number | undefined {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i);
    if (!(code >= 48 && code <= 57)) return undefined;
    value = value * 10 + (code - 48);
  }
  return value;
}

/**
 * ISO 8601 in the forms exports use: `YYYY-MM-DD`, then optionally `T` (or a space) and
 * `hh:mm`, `:ss`, `.fraction`, and `Z` or an offset `±hh:mm` / `±hhmm`. A time without an offset is
 * read as UTC. Every field is range-checked, so 2026-02-30 and 25:00 are refused. One scan, no
 * regular expression. Returns epoch milliseconds, or undefined when the text is not such a date.
 */
export function parseISOTimestamp(text: string): number | undefined {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year === undefined || month === undefined || day === undefined || text[4] !== '-' || text[7] !== '-') return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let i = 10;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  if (i < text.length) {
    if (text[i] !== 'T' && text[i] !== ' ') return undefined;
    const h = digits(text, i + 1, 2);
    const m = digits(text, i + 4, 2);
    if (h === undefined || m === undefined || text[i + 3] !== ':' || h > 23 || m > 59) return undefined;
    hour = h;
    minute = m;
    i += 6;
    if (text[i] === ':') {
      const s = digits(text, i + 1, 2);
      if (s === undefined || s > 59) return undefined;
      second = s;
      i += 3;
      if (text[i] === '.' || text[i] === ',') {
        const start = ++i;
        while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
        if (i === start || i - start > 9) return undefined;
        millisecond = Math.floor(Number(`0.${text.slice(start, i)}`) * 1000);
      }
    }
  }
  let offset = 0;
  if (i < text.length) {
    if (text[i] === 'Z' || text[i] === 'z') i++;
    else if (text[i] === '+' || text[i] === '-') {
      const sign = text[i] === '-' ? -1 : 1;
      const h = digits(text, i + 1, 2);
      const colon = text[i + 3] === ':';
      const m = digits(text, i + (colon ? 4 : 3), 2);
      if (h === undefined || m === undefined || h > 23 || m > 59) return undefined;
      offset = sign * (h * 60 + m) * 60_000;
      i += colon ? 6 : 5;
    } else return undefined;
  }
  if (i !== text.length) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset;
}

/**
 * Reads a timestamp as exports and webhooks send it: a `Date`, epoch milliseconds (or seconds
 * with `unit: 's'`) as a number or a string of digits, or an ISO 8601 string (see the formats
 * above; without an offset it is UTC). Empty cells give no date. It refuses invalid `Date`s and
 * impossible dates such as 2026-02-30 (`invalid_date`), and moments outside the bounds
 * (`out_of_range`; by default from 2000 to one day after now). A number that only fits as seconds
 * gets a hint in `expected`.
 *
 * @param value - the raw timestamp
 * @param options - the unit of numbers, and the bounds
 * @returns `{ ok: true, date }` or `{ ok: false, code, expected }`
 *
 * @example
 * ```ts
 * import { parseTimestamp } from 'cx-metrics';
 *
 * const parsed = parseTimestamp('2026-03-01T09:30:00+01:00');
 * parsed.ok && parsed.date?.toISOString(); // => "2026-03-01T08:30:00.000Z"
 * parseTimestamp('2026-02-30').ok; // => false
 * parseTimestamp(1767225600, { unit: 's' }).ok; // => true
 * ```
 */
export function parseTimestamp(value: unknown, options: ParseTimestampOptions = {}): ParsedTimestamp {
  const unit = options.unit ?? 'ms';
  const earliest = options.earliest?.getTime() ?? DEFAULT_EARLIEST;
  const latest = options.latest?.getTime() ?? Date.now() + DAY;
  // The words are built only for a refusal: accepting must stay cheap on a hot ingest path.
  const refuse = (code: CxMetricsIssueCode, hint = ''): ParsedTimestamp => ({
    ok: false,
    code,
    expected: `a date: a Date, epoch ${unit === 's' ? 'seconds' : 'milliseconds'}, or ISO 8601 such as 2026-03-01T09:30:00Z, from ${new Date(earliest).toISOString()} to ${new Date(latest).toISOString()}${hint}`,
  });
  const inBounds = (time: number, fromNumber: boolean): ParsedTimestamp => {
    if (!Number.isFinite(time)) return refuse('invalid_date');
    if (time < earliest || time > latest) {
      const looksLikeSeconds = fromNumber && unit === 'ms' && time * 1000 >= earliest && time * 1000 <= latest;
      return refuse('out_of_range', looksLikeSeconds ? " (this looks like Unix seconds: pass unit 's')" : '');
    }
    return { ok: true, date: new Date(time) };
  };
  if (value === null || value === undefined) return { ok: true, date: undefined };
  if (value instanceof Date) return inBounds(value.getTime(), false);
  if (typeof value === 'number') return Number.isFinite(value) ? inBounds(unit === 's' ? value * 1000 : value, true) : refuse('not_finite');
  if (typeof value !== 'string') return refuse('invalid_type');
  if (value.length > DEFAULT_MAX_CELL_LENGTH) return refuse('too_long');
  const text = value.trim();
  if (text === '') return { ok: true, date: undefined };
  if (/^\d{1,15}$/.test(text)) return inBounds(Number(text) * (unit === 's' ? 1000 : 1), true);
  const time = parseISOTimestamp(text);
  return time === undefined ? refuse('invalid_date') : inBounds(time, false);
}
