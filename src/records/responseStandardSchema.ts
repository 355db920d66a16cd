import { guard } from '../internal/guard.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import type { ResponseInput } from './ResponseInput.js';
import type { StandardSchemaV1 } from './StandardSchema.js';
import { validateResponseInput } from './validateResponseInput.js';

/**
 * A zero-dependency Standard Schema validator for a survey response as a webhook or form sends
 * it ({@link ResponseInput}): `respondentId` (non-empty), `score` (an integer on the scale, or
 * null), and optional `submittedAt` (ISO 8601), `customerId`, `weight`, `interactionId`,
 * `touchpoint`, `channel` and `attributes`. Unknown keys are dropped. Every problem is reported
 * with its path. It gives the same verdicts as `responseSchema` from `cx-metrics/schema` (zod);
 * feed what it accepts to {@link ingest} to get records.
 *
 * @param scale - the scale of `score`
 * @returns a Standard Schema whose output is a {@link ResponseInput}
 *
 * @example
 * ```ts
 * import { responseStandardSchema, scales } from 'cx-metrics';
 *
 * const schema = responseStandardSchema(scales.nps);
 * const ok = schema['~standard'].validate({ respondentId: 'u1', score: 9, extra: true });
 * ok; // => { value: { respondentId: "u1", score: 9 } }
 * const bad = schema['~standard'].validate({ respondentId: '', score: 11 });
 * 'issues' in bad && bad.issues?.map((issue) => issue.path); // => [["respondentId"], ["score"]]
 * ```
 */
export function responseStandardSchema(scale: Scale): StandardSchemaV1<unknown, ResponseInput> {
  return guard('responseStandardSchema', () => {
    const checked = checkScale('responseStandardSchema', scale, ['scale']);
    return Object.freeze({
      '~standard': Object.freeze({
        version: 1 as const,
        vendor: 'cx-metrics',
        validate: (value: unknown) => {
          let result: ReturnType<typeof validateResponseInput>;
          try {
            result = validateResponseInput(value, checked);
          } catch (error) {
            // A value whose getters throw is refused like any other bad value, never with a raw error.
            return { issues: [{ message: `expected a response that can be read, but reading it threw: ${error instanceof Error ? error.message : 'an error'}` }] };
          }
          return 'value' in result ? { value: result.value } : { issues: result.problems.map(({ path, message }) => ({ path, message })) };
        },
      }),
    });
  });
}
