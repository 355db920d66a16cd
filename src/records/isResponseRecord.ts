import { guard } from '../internal/guard.js';
import type { Scale } from '../scales/defineScale.js';
import type { ResponseRecord } from './ResponseRecord.js';

/**
 * The one class records are made of. Its private brand cannot be forged by an object of the same
 * shape (or a spread copy of a record), and checking it costs about as much as `instanceof`,
 * where a WeakSet of millions of records would cost hundreds of nanoseconds per record. Its
 * fields are declared once, by {@link ResponseRecord} (merged in below); the constructor assigns
 * them one by one because that is measurably faster than `Object.assign` on this hot path.
 */
class IngestedRecord<S extends Scale> {
  readonly #brand = true;

  constructor(fields: ResponseRecord<S>) {
    const self = this as { -readonly [K in keyof ResponseRecord<S>]: ResponseRecord<S>[K] };
    self.scale = fields.scale;
    self.scaleId = fields.scaleId;
    self.score = fields.score;
    self.respondentId = fields.respondentId;
    self.customerId = fields.customerId;
    self.submittedAt = fields.submittedAt;
    self.weight = fields.weight;
    self.interactionId = fields.interactionId;
    self.touchpoint = fields.touchpoint;
    self.channel = fields.channel;
    self.attributes = fields.attributes;
    self.row = fields.row;
    Object.freeze(this);
  }

  static has(value: object): boolean {
    return #brand in value && (value as IngestedRecord<Scale>).#brand;
  }
}
// Declaration merging gives the class the record's fields without writing them again.
interface IngestedRecord<S extends Scale> extends ResponseRecord<S> {}

/** Makes a frozen, branded record from its fields. */
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
  return guard('isResponseRecord', () => {
    return typeof value === 'object' && value !== null && IngestedRecord.has(value);
  });
}
