import { guard } from '../internal/guard.js';
import { z } from 'zod';
import type { Scale } from '../scales/defineScale.js';

/**
 * A zod 4 schema for one answer on a scale: an integer from the scale's min to its max, or
 * `null` for a skipped answer. The same verdicts as the core's `scoreStandardSchema` (a property
 * test holds them together). zod schemas are Standard Schemas too, so this fits wherever one is asked for.
 *
 * @param scale - the scale
 * @returns `z.number().int().min(min).max(max).nullable()`
 *
 * @example
 * ```ts
 * import { scales } from 'cx-metrics';
 * import { scoreSchema } from 'cx-metrics/schema';
 *
 * scoreSchema(scales.nps).safeParse(9).success; // => true
 * scoreSchema(scales.nps).safeParse(7.5).success; // => false
 * ```
 */
export function scoreSchema(scale: Scale): z.ZodNullable<z.ZodNumber> {
  return guard('scoreSchema', () => {
    const message = `expected an integer from ${scale.min} to ${scale.max} on scale '${scale.id}', or null`;
    return z.number({ error: message }).int({ error: message }).min(scale.min, { error: message }).max(scale.max, { error: message }).nullable();
  });
}
