import { guard } from '../internal/guard.js';
import { type AnyRows, checkSignal, forEachRowAsync, rowSource } from '../internal/readRows.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import { ASYNC_OPTION_NAMES, LoyaltyCollector, type LoyaltyRiskAsyncOptions } from './LoyaltyCollector.js';
import type { LoyaltyRiskResult } from './LoyaltyRiskResult.js';

/**
 * {@link classifyLoyaltyRisk} over an async iterable ({@link ingestStream}, a cursor, a file read
 * line by line): it keeps per-customer state only (each contact's latest two NPS answers and the
 * interactions that may still fall in the effort window), never the records, so millions of
 * records are classified in memory that grows with the customers. It gives the same result as
 * the batch function on the same records. `signal` stops it promptly; a failing source is
 * reported with the record it failed at.
 *
 * @param records - an async iterable (or any iterable or array) of records
 * @param options - as for {@link classifyLoyaltyRisk}, and `signal`
 * @returns a promise of the result
 * @throws {@link CxMetricsError} as {@link classifyLoyaltyRisk} does (the promise rejects), `aborted`, `source_failed`
 *
 * @example
 * ```ts
 * import { classifyLoyaltyRiskAsync, ingestStream, scales } from 'cx-metrics';
 *
 * async function* rows() {
 *   yield { customer: 'A', q: '10', at: '2026-09-02T10:00:00Z' };
 *   yield { customer: 'A', q: '4', at: '2026-11-02T10:00:00Z' };
 * }
 * const records = ingestStream(rows(), { scale: scales.nps, score: 'q', customerId: 'customer', submittedAt: 'at' });
 * const result = await classifyLoyaltyRiskAsync(records);
 * [result.customers[0]?.tier, result.customers[0]?.relationshipDrop]; // => ["critical", true]
 * ```
 */
export async function classifyLoyaltyRiskAsync(records: AnyRows<ResponseRecord>, options?: LoyaltyRiskAsyncOptions): Promise<LoyaltyRiskResult> {
  return guard('classifyLoyaltyRiskAsync', async () => {
    const fn = 'classifyLoyaltyRiskAsync';
    const collector = new LoyaltyCollector(fn, options, ASYNC_OPTION_NAMES);
    await forEachRowAsync(fn, rowSource<ResponseRecord>(fn, records, ['records'], true, 'records'), ['records'], collector, checkSignal(fn, options?.signal));
    return collector.finish();
  });
}
