import type { Scale } from '../scales/defineScale.js';
import type { AttributeValue, ResponseRecord } from './ResponseRecord.js';

/**
 * The one class records are made of. Its private brand cannot be forged by an object of the same
 * shape (or a spread copy of a record), and checking it costs about as much as `instanceof`,
 * where a WeakSet of millions of records would cost hundreds of nanoseconds per record.
 */
class IngestedRecord<S extends Scale> implements ResponseRecord<S> {
  readonly #brand = true;
  readonly scale: S;
  readonly scaleId: S['id'];
  readonly score: number | null;
  readonly respondentId: string | undefined;
  readonly customerId: string | undefined;
  readonly submittedAt: Date | undefined;
  readonly weight: number | undefined;
  readonly interactionId: string | undefined;
  readonly touchpoint: string | undefined;
  readonly channel: string | undefined;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly row: number;

  constructor(fields: ResponseRecord<S>) {
    this.scale = fields.scale;
    this.scaleId = fields.scaleId;
    this.score = fields.score;
    this.respondentId = fields.respondentId;
    this.customerId = fields.customerId;
    this.submittedAt = fields.submittedAt;
    this.weight = fields.weight;
    this.interactionId = fields.interactionId;
    this.touchpoint = fields.touchpoint;
    this.channel = fields.channel;
    this.attributes = fields.attributes;
    this.row = fields.row;
    Object.freeze(this);
  }

  static has(value: object): boolean {
    return #brand in value && (value as IngestedRecord<Scale>).#brand;
  }
}

/** Makes a frozen record from its fields. */
export function makeRecord<S extends Scale>(fields: ResponseRecord<S>): ResponseRecord<S> {
  return new IngestedRecord(fields);
}

/**
 * Whether a value is a {@link ResponseRecord} made by {@link ingest} (an object of the same shape
 * made elsewhere, or a copy of a record, is not: it has not been validated).
 *
 * @param value - anything
 * @returns true for records made by `ingest` or `ingestAsync`
 *
 * @example
 * ```ts
 * import { ingest, isResponseRecord, scales } from 'cx-metrics';
 *
 * const { records } = ingest([{ score: 9 }], { scale: scales.nps });
 * isResponseRecord(records[0]); // => true
 * isResponseRecord({ ...records[0] }); // => false
 * isResponseRecord({ score: 9, scale: scales.nps }); // => false
 * ```
 */
export function isResponseRecord(value: unknown): value is ResponseRecord {
  return typeof value === 'object' && value !== null && IngestedRecord.has(value);
}
