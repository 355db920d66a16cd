import { guard } from '../internal/guard.js';
import { fail, type Path } from '../internal/issue.js';
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
  return guard('isResponseRecord', () => isRecord(value));
}

/** {@link isResponseRecord} for the hot paths of the library: the brand check alone, no guard. */
export function isRecord(value: unknown): value is ResponseRecord {
  return typeof value === 'object' && value !== null && IngestedRecord.has(value);
}

/**
 * Throws `invalid_input` unless a row is a record: a copy of one (a spread, `structuredClone`, a
 * JSON round trip) is told apart, with what to do about it. `what` says what the caller expected.
 */
export function assertRecord(functionName: string, value: unknown, path: Path, what = 'a record made by ingest'): asserts value is ResponseRecord {
  if (isRecord(value)) return;
  const copy = typeof value === 'object' && value !== null && 'scaleId' in value && 'scale' in value && 'attributes' in value && 'score' in value;
  const expected = copy
    ? `${what}; this is a copy of one (a spread, structuredClone or JSON copy is a plain object, not a checked record): ingest the copies again with ingest(copies, { scale })`
    : what;
  fail(functionName, 'invalid_input', 'invalid_type', expected, value, path);
}
