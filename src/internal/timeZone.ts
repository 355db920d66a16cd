import { fail, type Path } from './issue.js';
import { DAY, MAX_TIME, MIN_TIME, utcTime } from './dates.js';

const QUARTER_HOUR = 900_000;

/**
 * An IANA time zone, through `Intl` only (no tz database of our own). It turns instants into
 * wall-clock time and back: `offset` (local − UTC at an instant), `localDay` (the zone's calendar
 * day of an instant, as days since 1970-01-01), `startOfDay` (the first instant of a local day) and
 * `fromLocal` (the instant of a wall-clock time). Shared by timestamp parsing and time buckets,
 * so a time is read and bucketed by the same rules.
 */
export class TimeZone {
  /** The zone's name as given (`'UTC'` or an IANA name such as `'Europe/Berlin'`). */
  readonly name: string;
  readonly #format: Intl.DateTimeFormat | undefined;
  // Offsets of quarter-hour slots, kept only for slots without a change inside them.
  readonly #offsets = new Map<number, number>();

  constructor(functionName: string, name: unknown, path: Path) {
    if (typeof name !== 'string' || name.length > 100) fail(functionName, 'invalid_option', 'invalid_value', "an IANA time zone such as 'Europe/Berlin' (or 'UTC')", name, path);
    this.name = name;
    if (name === 'UTC') return;
    try {
      this.#format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      });
    } catch {
      fail(functionName, 'invalid_option', 'invalid_value', "an IANA time zone such as 'Europe/Berlin' (or 'UTC')", name, path);
    }
  }

  /** Whether this is UTC (no offset ever). */
  get isUTC(): boolean {
    return this.#format === undefined;
  }

  #computeOffset(instant: number): number {
    // Slot ends and the neighbours of a wall-clock time may fall just outside what a Date holds.
    const time = Math.min(MAX_TIME, Math.max(MIN_TIME, instant));
    const parts: Record<string, string> = {};
    for (const part of (this.#format as Intl.DateTimeFormat).formatToParts(time)) parts[part.type] = part.value;
    const year = parts['era'] === 'BC' ? 1 - Number(parts['year']) : Number(parts['year']);
    const local = utcTime(year, Number(parts['month']), Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
    return local - (time - (((time % 1000) + 1000) % 1000));
  }

  /** The zone's offset from UTC at an instant, in milliseconds (local − UTC). */
  offset(time: number): number {
    if (this.#format === undefined) return 0;
    const slot = Math.floor(time / QUARTER_HOUR);
    const cached = this.#offsets.get(slot);
    if (cached !== undefined) return cached;
    const start = this.#computeOffset(slot * QUARTER_HOUR);
    // Modern changes fall on quarter hours; old local mean times do not, so check the slot's end too.
    if (this.#computeOffset(slot * QUARTER_HOUR + QUARTER_HOUR - 1000) === start) {
      this.#offsets.set(slot, start);
      return start;
    }
    return this.#computeOffset(time);
  }

  /** The local day (days since 1970-01-01 on the zone's calendar) of an instant. */
  localDay(time: number): number {
    return Math.floor((time + this.offset(time)) / DAY);
  }

  /**
   * The instant of a wall-clock time (given as milliseconds of that time read as UTC). In a gap
   * (clocks go forward) the time is moved forward by the gap; in an overlap (clocks go back) the
   * earlier instant is taken: the `'compatible'` rule of Temporal and of most calendars.
   */
  fromLocal(local: number): number {
    if (this.#format === undefined) return local;
    const before = local - this.offset(local - DAY);
    const after = local - this.offset(local + DAY);
    const fits = (time: number): boolean => time + this.offset(time) === local;
    if (fits(before) && fits(after)) return Math.min(before, after);
    if (fits(before)) return before;
    if (fits(after)) return after;
    return before;
  }

  /** The first instant of a local day: its local midnight, or the first instant after a gap at midnight. */
  startOfDay(day: number): number {
    return this.fromLocal(day * DAY);
  }
}
