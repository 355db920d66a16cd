import type { Scale } from '../scales/defineScale.js';

/** A free segment attribute value: what a dashboard can group by. */
export type AttributeValue = string | number | boolean | null;

/**
 * One survey answer with what is known about it, as {@link ingest} produces it. The record
 * carries its scale, and its type carries the scale's literal id, so a CES 1.0 record
 * (`ResponseRecord<typeof scales.ces5Effort>`) can never be passed where a CES 2.0 one is expected.
 * Records are frozen; `attributes` inherits nothing (its prototype is an empty object without a prototype), so any key (`__proto__` included) is plain data.
 */
export interface ResponseRecord<S extends Scale = Scale> {
  /** The scale the score is on. */
  readonly scale: S;
  /** The scale's id, for serialization and quick checks. */
  readonly scaleId: S['id'];
  /** The score on the scale, or `null` when the question was skipped. */
  readonly score: number | null;
  /** Who answered (respondent or contact id), when known. */
  readonly respondentId: string | undefined;
  /** The customer (account) the respondent belongs to, when known. */
  readonly customerId: string | undefined;
  /** When the answer was given, when known. */
  readonly submittedAt: Date | undefined;
  /** The answer's weight, when given (otherwise it weighs 1). */
  readonly weight: number | undefined;
  /** The interaction (ticket, call, order) the answer is about: what transactional CES is tied to. */
  readonly interactionId: string | undefined;
  /** The touchpoint (onboarding, billing, support…), when known. */
  readonly touchpoint: string | undefined;
  /** The channel (email, chat, phone…), when known. */
  readonly channel: string | undefined;
  /** Free segment attributes (plan, region…), on an object that inherits nothing. */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** The index of the input row the record came from. */
  readonly row: number;
}
