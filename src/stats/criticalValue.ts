import { fail } from '../internal/issue.js';
import { checkLevel, checkNumber } from '../internal/options.js';
import { normalCDF } from './normalCDF.js';
import { normalQuantile } from './normalQuantile.js';

/** The level and the two-sided normal critical value an interval is built with. */
export function criticalValue(functionName: string, options: { readonly level?: number | undefined; readonly z?: number | undefined }): { level: number; z: number } {
  if (options.z !== undefined) {
    if (options.level !== undefined) fail(functionName, 'invalid_option', 'invalid_value', 'either level or z, not both', 'both', ['options', 'z']);
    const z = checkNumber(functionName, options.z, ['options', 'z'], { min: 0, exclusiveMin: true, describe: 'a critical value z greater than 0' }, 'invalid_option');
    return { z, level: 2 * normalCDF(z) - 1 };
  }
  const level = checkLevel(functionName, options.level ?? 0.95);
  return { level, z: normalQuantile((1 + level) / 2) };
}

