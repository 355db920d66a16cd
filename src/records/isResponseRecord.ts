import type { Scale } from '../scales/defineScale.js';
import type { ResponseRecord } from './ResponseRecord.js';

/** Records made by `ingest`; a WeakSet cannot be forged by an object of the right shape. */
const RECORDS = new WeakSet<object>();

/** Marks a frozen record as made by cx-metrics. */
export function markRecord<S extends Scale>(record: ResponseRecord<S>): ResponseRecord<S> {
  RECORDS.add(record);
  return record;
}

/**
 * Whether a value is a {@link ResponseRecord} made by {@link ingest} (an object of the same shape
 * made elsewhere is not: it has not been validated).
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
 * isResponseRecord({ score: 9, scale: scales.nps }); // => false
 * ```
 */
export function isResponseRecord(value: unknown): value is ResponseRecord {
  return typeof value === 'object' && value !== null && RECORDS.has(value);
}
