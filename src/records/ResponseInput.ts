import type { AttributeValue } from './ResponseRecord.js';

/**
 * A survey response as a webhook or form sends it, in JSON: the wire form that
 * `responseStandardSchema` (core) and `responseSchema` (`cx-metrics/schema`, zod) validate, and
 * that `ingest` turns into {@link ResponseRecord}s without any mapping.
 */
export interface ResponseInput {
  /** Who answered: a non-empty string of at most 256 characters. */
  readonly respondentId: string;
  /** An integer on the scale, or null when the question was skipped. */
  readonly score: number | null;
  /** When, as ISO 8601 (`2026-03-01T09:30:00Z`; without an offset it is UTC). */
  readonly submittedAt?: string | undefined;
  /** The customer (account), at most 256 characters. */
  readonly customerId?: string | undefined;
  /** A finite weight ≥ 0. */
  readonly weight?: number | undefined;
  /** The interaction the answer is about, at most 256 characters. */
  readonly interactionId?: string | undefined;
  /** The touchpoint, at most 256 characters. */
  readonly touchpoint?: string | undefined;
  /** The channel, at most 256 characters. */
  readonly channel?: string | undefined;
  /** Segment attributes: strings, finite numbers, booleans or null. */
  readonly attributes?: Readonly<Record<string, AttributeValue>> | undefined;
}

/** The longest id, channel or touchpoint string accepted. */
export const MAX_TEXT_LENGTH = 256;
