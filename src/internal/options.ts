import { fail } from './issue.js';

/** Checks a confidence level: a number strictly between 0 and 1 (0.95, not 95). */
export function checkLevel(functionName: string, level: unknown, path: readonly (string | number)[] = ['options', 'level']): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    fail(functionName, 'invalid_option', typeof level === 'number' ? 'out_of_range' : 'not_a_number', 'a confidence level strictly between 0 and 1, such as 0.95', level, path);
  }
  return level;
}

/** Checks that an option is one of a fixed set of strings. */
export function checkChoice<const T extends string>(
  functionName: string,
  value: unknown,
  allowed: readonly T[],
  path: readonly (string | number)[],
): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return fail(functionName, 'invalid_option', 'invalid_value', `one of ${allowed.map((choice) => `'${choice}'`).join(', ')}`, value, path);
}

/** Checks that an argument is a finite number, optionally within bounds. */
export function checkNumber(
  functionName: string,
  value: unknown,
  path: readonly (string | number)[],
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

/** Rejects option keys a function does not know, so a typo never passes silently. */
export function checkKnownOptions(functionName: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) fail(functionName, 'invalid_option', 'invalid_value', `a known option name (${known.join(', ')})`, key, ['options', key]);
  }
}
