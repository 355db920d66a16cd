import { guard } from '../internal/guard.js';
import type { CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { DAY, daysInMonth, isDate, timeOf, utcTime } from '../internal/dates.js';
import { fail, type Path } from '../internal/issue.js';
import { checkChoice, checkDateOption, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { TimeZone } from '../internal/timeZone.js';
import { DEFAULT_MAX_CELL_LENGTH } from './parseAnswer.js';

/** Options for {@link parseTimestamp}. */
export interface ParseTimestampOptions {
  /** What a number (or a string of digits) counts: `'ms'` since 1970 (default) or `'s'` (Unix seconds, as Delighted's API sends). The same option name as `ingest`'s. */
  readonly timestampUnit?: 'ms' | 's' | undefined;
  /**
   * The IANA time zone of wall-clock times without an offset (`'2026-03-01 09:30'`), such as
   * `'Europe/Berlin'`; default `'UTC'`. Times with `Z` or an offset are instants and keep it.
   */
  readonly timeZone?: string | undefined;
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

/** The rules of one reading, checked once: every time read in the library goes through them. */
export interface TimestampRules {
  readonly unit: 'ms' | 's';
  readonly zone: TimeZone | undefined;
  readonly earliest: number;
  readonly latest: number;
}

const DEFAULT_EARLIEST = utcTime(2000, 1, 1);
const OPTION_NAMES = ['timestampUnit', 'timeZone', 'earliest', 'latest'] as const satisfies readonly (keyof ParseTimestampOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof ParseTimestampOptions, (typeof OPTION_NAMES)[number]>;

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
 * `hh:mm`, `:ss`, `.fraction`, and `Z` or an offset `±hh:mm` / `±hhmm`. Every field is
 * range-checked, so 2026-02-30 and 25:00 are refused, and years 0000–0099 are themselves. One scan,
 * no regular expression. Returns the time in epoch milliseconds (the wall-clock time read as UTC
 * when there is no offset) and whether an offset was given; undefined when the text is not such a date.
 */
export function parseISOTimestamp(text: string): { readonly time: number; readonly zoned: boolean } | undefined {
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
    if (text[i] !== 'T' && text[i] !== 't' && text[i] !== ' ') return undefined;
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
  let zoned = false;
  if (i < text.length) {
    zoned = true;
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
  return { time: utcTime(year, month, day, hour, minute, second, millisecond) - offset, zoned };
}

/** Checks timestamp options once, for every value read with them. `now` is read here, once per call. */
export function timestampRules(functionName: string, options: ParseTimestampOptions, path: Path, defaults: { readonly earliest: number; readonly latest: number }): TimestampRules {
  const bound = (key: 'earliest' | 'latest', fallback: number): number => checkDateOption(functionName, options[key], [...path, key]) ?? fallback;
  const unit = checkChoice(functionName, options.timestampUnit ?? 'ms', ['ms', 's'], [...path, 'timestampUnit']);
  const zone = options.timeZone === undefined || options.timeZone === 'UTC' ? undefined : new TimeZone(functionName, options.timeZone, [...path, 'timeZone']);
  return { unit, zone, earliest: bound('earliest', defaults.earliest), latest: bound('latest', defaults.latest) };
}

/** The bounds of ingestion: from 2000 to one day after now. */
export function ingestionBounds(): { readonly earliest: number; readonly latest: number } {
  return { earliest: DEFAULT_EARLIEST, latest: Date.now() + DAY };
}


/** Reads one timestamp by prepared rules: the hot path behind {@link parseTimestamp}. */
export function readTimestamp(value: unknown, rules: TimestampRules): ParsedTimestamp {
  const { unit, earliest, latest } = rules;
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
      return refuse('out_of_range', looksLikeSeconds ? " (this looks like Unix seconds: pass timestampUnit 's')" : '');
    }
    return { ok: true, date: new Date(time) };
  };
  if (value === null || value === undefined) return { ok: true, date: undefined };
  if (typeof value === 'number') return Number.isFinite(value) ? inBounds(unit === 's' ? value * 1000 : value, true) : refuse('not_finite');
  if (typeof value === 'string') {
    if (value.length > DEFAULT_MAX_CELL_LENGTH) return refuse('too_long');
    const text = value.trim();
    if (text === '') return { ok: true, date: undefined };
    if (/^\d{1,15}$/.test(text)) return inBounds(Number(text) * (unit === 's' ? 1000 : 1), true);
    const parsed = parseISOTimestamp(text);
    if (parsed === undefined) return refuse('invalid_date');
    return inBounds(parsed.zoned || rules.zone === undefined ? parsed.time : rules.zone.fromLocal(parsed.time), false);
  }
  if (isDate(value)) return inBounds(timeOf(value), false);
  return refuse(typeof value === 'object' && value instanceof Date ? 'invalid_date' : 'invalid_type');
}

/**
 * Reads a timestamp as exports and webhooks send it: a `Date`, epoch milliseconds (or seconds
 * with `timestampUnit: 's'`) as a number or a string of digits, or an ISO 8601 string (`2026-03-01`,
 * `2026-03-01T09:30`, `…:15.250Z`, `…+01:00`). A wall-clock time without an offset is read in
 * `timeZone` (default UTC); in a DST gap it moves forward by the gap, in an overlap it takes the
 * earlier instant. Empty cells give no date. It refuses invalid and fake `Date`s and impossible
 * dates such as 2026-02-30 (`invalid_date`), and moments outside the bounds (`out_of_range`; by
 * default from 2000 to one day after now). Years 0000–0099 are those years, never 1900–1999.
 * A number that only fits as seconds gets a hint in `expected`.
 *
 * @param value - the raw timestamp
 * @param options - the unit of numbers, the time zone of wall-clock times, and the bounds
 * @returns `{ ok: true, date }` or `{ ok: false, code, expected }`
 * @throws {@link CxMetricsError} `invalid_option` for a bad option (an unknown time zone included)
 *
 * @example
 * ```ts
 * import { parseTimestamp } from 'cx-metrics';
 *
 * const parsed = parseTimestamp('2026-03-01T09:30:00+01:00');
 * parsed.ok && parsed.date?.toISOString(); // => "2026-03-01T08:30:00.000Z"
 * const local = parseTimestamp('2026-03-01 09:30:00', { timeZone: 'America/New_York' });
 * local.ok && local.date?.toISOString(); // => "2026-03-01T14:30:00.000Z"
 * parseTimestamp('2026-02-30').ok; // => false
 * parseTimestamp(1767225600, { timestampUnit: 's' }).ok; // => true
 * ```
 */
export function parseTimestamp(value: unknown, options?: ParseTimestampOptions): ParsedTimestamp {
  return guard('parseTimestamp', () => {
    const fn = 'parseTimestamp';
    const checked = checkOptions(fn, options, OPTION_NAMES);
    return readTimestamp(value, timestampRules(fn, checked, ['options'], ingestionBounds()));
  });
}
