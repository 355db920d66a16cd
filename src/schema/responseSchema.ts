import { guard } from '../internal/guard.js';
import { z } from 'zod';
import { isWeight, WEIGHT_EXPECTED } from '../internal/isWeight.js';
import { isISOTimestamp } from '../records/validateResponseInput.js';
import { MAX_TEXT_LENGTH } from '../records/ResponseInput.js';
import type { Scale } from '../scales/defineScale.js';
import { scoreSchema } from './scoreSchema.js';

/** The shape of {@link responseSchema}: written out so that its type needs no inference (JSR's "no slow types"). */
export type ResponseShape = {
  /** Who answered. */
  respondentId: z.ZodString;
  /** The answer, or null when skipped. */
  score: z.ZodNullable<z.ZodNumber>;
  /** ISO 8601 timestamp. */
  submittedAt: z.ZodOptional<z.ZodString>;
  /** The customer (account). */
  customerId: z.ZodOptional<z.ZodString>;
  /** A weight ≥ 0. */
  weight: z.ZodOptional<z.ZodNumber>;
  /** The interaction id. */
  interactionId: z.ZodOptional<z.ZodString>;
  /** The touchpoint. */
  touchpoint: z.ZodOptional<z.ZodString>;
  /** The channel. */
  channel: z.ZodOptional<z.ZodString>;
  /** Segment attributes. */
  attributes: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>>;
};

/**
 * A zod 4 (Classic) schema for a survey response as a webhook or form sends it (the wire form,
 * `ResponseInput`): `respondentId` (non-empty), `score` (see {@link scoreSchema}) and optional
 * `submittedAt` (ISO 8601), `customerId`, `weight`, `interactionId`, `touchpoint`, `channel` and
 * `attributes`. Compose it with `.extend()` for your own fields. It gives the same verdicts as
 * the core's `responseStandardSchema` (a property test holds them together); pass what it
 * accepts to `ingest` to get records.
 *
 * @param scale - the scale of `score`
 * @returns a `z.ZodObject` (unknown keys are stripped, as zod does by default)
 *
 * @example
 * ```ts
 * import { ingest, scales } from 'cx-metrics';
 * import { responseSchema } from 'cx-metrics/schema';
 * import { z } from 'zod';
 *
 * const webhook = responseSchema(scales.ces7).extend({ ticket: z.string() });
 * const body = webhook.parse({ respondentId: 'u1', score: 6, ticket: 'T-9', submittedAt: '2026-03-01T09:30:00Z' });
 * body.ticket; // => "T-9"
 * // Once a mapping names a field, it names every field it reads
 * const mapping = { scale: scales.ces7, score: 'score', respondentId: 'respondentId', submittedAt: 'submittedAt', interactionId: 'ticket' };
 * ingest([body], mapping).records[0]?.interactionId; // => "T-9"
 * webhook.safeParse({ respondentId: 'u1', score: 8, ticket: 'T-9' }).success; // => false
 * ```
 */
export function responseSchema(scale: Scale): z.ZodObject<ResponseShape> {
  return guard('responseSchema', () => {
    const text = (): z.ZodString => z.string().max(MAX_TEXT_LENGTH);
    return z.object({
      respondentId: z.string().min(1).max(MAX_TEXT_LENGTH),
      score: scoreSchema(scale),
      submittedAt: z.string().refine(isISOTimestamp, { error: 'expected an ISO 8601 timestamp such as 2026-03-01T09:30:00Z' }).optional(),
      customerId: text().optional(),
      weight: z.number().refine(isWeight, { error: WEIGHT_EXPECTED }).optional(),
      interactionId: text().optional(),
      touchpoint: text().optional(),
      channel: text().optional(),
      attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    });
  });
}
