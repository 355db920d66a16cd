import { fail } from '../internal/issue.js';
import { checkLevel, checkNumber, checkOptions } from '../internal/options.js';
import { INTERVAL_OPTION_NAMES, type IntervalOptions } from './Interval.js';
import { normalCDF } from './normalCDF.js';
import { normalQuantile } from './normalQuantile.js';

/**
 * The level and the two-sided normal critical value an interval is built with, from options
 * `{ level }` or `{ z }` (checked: no other keys, not both). `extra` names further option keys
 * the caller handles itself.
 */
export function criticalValue(functionName: string, options: IntervalOptions | undefined, extra: readonly string[] = []): { level: number; z: number } {
  const checked = checkOptions(functionName, options, [...INTERVAL_OPTION_NAMES, ...extra]);
  if (checked.z !== undefined) {
    if (checked.level !== undefined) fail(functionName, 'invalid_option', 'invalid_value', 'either level or z, not both', 'both', ['options', 'z']);
    const z = checkNumber(functionName, checked.z, ['options', 'z'], { min: 0, exclusiveMin: true, describe: 'a critical value z greater than 0' }, 'invalid_option');
    return { z, level: 2 * normalCDF(z) - 1 };
  }
  const level = checkLevel(functionName, checked.level ?? 0.95);
  return { level, z: normalQuantile((1 + level) / 2) };
}
