import { isDate, timeOf } from './dates.js';

const MAX_LENGTH = 40;

/**
 * A short, printable rendering of any value for error messages: `-0` and `NaN` stay visible,
 * strings are quoted and cut to 40 characters, objects are named rather than dumped, so a
 * 1 MB string or a hostile object (a fake Date, a revoked Proxy) cannot blow up a message.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string': {
      const quoted = JSON.stringify(value.length > MAX_LENGTH ? value.slice(0, MAX_LENGTH) : value);
      return value.length > MAX_LENGTH ? `${quoted}… (${value.length} characters)` : quoted;
    }
    case 'bigint':
      return `${value}n`;
    case 'undefined':
    case 'boolean':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      try {
        if (Array.isArray(value)) return `an array of length ${value.length}`;
        if (isDate(value)) {
          const time = timeOf(value);
          return Number.isNaN(time) ? 'an invalid Date' : `Date ${new Date(time).toISOString()}`;
        }
        if (value instanceof Date) return 'an object posing as a Date';
      } catch {
        // A revoked Proxy throws even on Array.isArray.
      }
      return 'an object';
  }
}
