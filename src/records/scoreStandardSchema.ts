import { guard } from '../internal/guard.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import type { StandardSchemaV1 } from './StandardSchema.js';
import { isScorePoint } from './validateResponseInput.js';

/**
 * A zero-dependency Standard Schema validator for one answer on a scale: an integer from the
 * scale's min to its max, or `null` for a skipped answer. tRPC, Hono's validator, form libraries
 * and anything else that speaks Standard Schema accept it as it is (vendor `'cx-metrics'`). It
 * gives the same verdicts as `scoreSchema` from `cx-metrics/schema` (zod).
 *
 * @param scale - the scale
 * @returns a Standard Schema whose output is `number | null`
 *
 * @example
 * ```ts
 * import { scales, scoreStandardSchema } from 'cx-metrics';
 *
 * const schema = scoreStandardSchema(scales.ces7);
 * schema['~standard'].validate(6); // => { value: 6 }
 * schema['~standard'].validate(9); // => { issues: [{ message: "expected an integer from 1 to 7 on scale 'ces7', or null" }] }
 * ```
 */
export function scoreStandardSchema(scale: Scale): StandardSchemaV1<number | null> {
  return guard('scoreStandardSchema', () => {
    scale = checkScale('scoreStandardSchema', scale, ['scale']);
    const message = `expected an integer from ${scale.min} to ${scale.max} on scale '${scale.id}', or null`;
    return Object.freeze({
      '~standard': Object.freeze({
        version: 1 as const,
        vendor: 'cx-metrics',
        validate: (value: unknown) => (value === null || isScorePoint(value, scale) ? { value } : { issues: [{ message }] }),
      }),
    });
  });
}
