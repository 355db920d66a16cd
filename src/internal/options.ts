import { isDate, timeOf } from './dates.js';
import { fail, type Path } from './issue.js';
import { didYouMean } from './nearNames.js';

/** Checks a confidence level: a number strictly between 0 and 1 (0.95, not 95). */
export function checkLevel(functionName: string, level: unknown, path: Path = ['options', 'level']): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    fail(functionName, 'invalid_option', typeof level === 'number' ? 'out_of_range' : 'not_a_number', 'a confidence level strictly between 0 and 1, such as 0.95', level, path);
  }
  return level;
}

/** Checks that an option is one of a fixed set of strings. */
export function checkChoice<const T extends string>(functionName: string, value: unknown, allowed: readonly T[], path: Path): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return fail(functionName, 'invalid_option', 'invalid_value', `one of ${allowed.map((choice) => `'${choice}'`).join(', ')}`, value, path);
}

/** Checks that an option is a boolean (so `'yes'` never silently means false). */
export function checkBoolean(functionName: string, value: unknown, fallback: boolean, path: Path): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(functionName, 'invalid_option', 'invalid_type', 'true or false', value, path);
  return value;
}

/** A Date option, checked: a real, valid `Date`, as its time; undefined when not given. */
export function checkDateOption(functionName: string, value: unknown, path: Path): number | undefined {
  if (value === undefined) return undefined;
  if (!isDate(value) || !Number.isFinite(timeOf(value))) fail(functionName, 'invalid_option', 'invalid_date', 'a valid Date', value, path);
  return timeOf(value);
}

/** Checks that an argument is a finite number, optionally within bounds. */
export function checkNumber(
  functionName: string,
  value: unknown,
  path: Path,
  bounds: { readonly min?: number; readonly max?: number; readonly integer?: boolean; readonly exclusiveMin?: boolean; readonly describe: string },
  code: 'invalid_argument' | 'invalid_option' = 'invalid_argument',
): number {
  if (typeof value !== 'number') return fail(functionName, code, 'not_a_number', bounds.describe, value, path);
  if (!Number.isFinite(value)) return fail(functionName, code, 'not_finite', bounds.describe, value, path);
  if (bounds.integer === true && !Number.isInteger(value)) return fail(functionName, code, 'not_an_integer', bounds.describe, value, path);
  const belowMin = bounds.min !== undefined && (bounds.exclusiveMin === true ? value <= bounds.min : value < bounds.min);
  const aboveMax = bounds.max !== undefined && value > bounds.max;
  if (belowMin || aboveMax) return fail(functionName, code, 'out_of_range', bounds.describe, value, path);
  return value;
}

/** Rejects keys a function does not know, offering the near names, so a typo never passes silently. */
export function checkKnownKeys(functionName: string, object: object, known: readonly string[], path: Path, what: string = 'option name'): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) fail(functionName, 'invalid_option', 'unknown_name', `a known ${what} (${known.join(', ')})${didYouMean(key, known)}`, key, [...path, key]);
  }
}

/**
 * Checks an options argument: undefined (no options) or an object whose every key is known.
 * `null`, numbers and arrays are refused, so options never crash deep inside.
 */
export function checkOptions<T extends object>(functionName: string, options: T | undefined, known: readonly string[], path: Path = ['options'], what: string = 'option name'): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) fail(functionName, 'invalid_option', 'invalid_type', path[path.length - 1] === 'options' ? 'an options object' : `a ${String(path[path.length - 1])} object`, options, path);
  checkKnownKeys(functionName, options, known, path, what);
  return options;
}

/**
 * `true` when the names in `Listed` cover every key of `Keys`: `true satisfies EveryKeyListed<…>`
 * fails to compile when an option is added to an interface and not to the list that checks it.
 */
export type EveryKeyListed<Keys extends PropertyKey, Listed extends PropertyKey> = [Exclude<Keys, Listed>] extends [never] ? true : never;
