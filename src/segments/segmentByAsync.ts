import { guard } from '../internal/guard.js';
import { checkSignal, forEachRowAsync, rowSource, type AnyRows } from '../internal/readRows.js';
import { type SegmentBy, SegmentCollector, type SegmentOptions } from './SegmentCollector.js';
import type { SegmentTable } from './SegmentTable.js';

/**
 * {@link segmentBy} over an `AsyncIterable` (a file read line by line, a cursor, a stream,
 * {@link ingestStream}): it keeps one tally per segment and never the rows, so a source of any
 * size is segmented in constant memory. `signal` stops it promptly; a source that fails is
 * reported with the row it failed at.
 *
 * @param rows - an async iterable (or any iterable or array) of records or rows
 * @param by - a field, fields, or an accessor
 * @param options - as for {@link segmentBy}, and `signal`
 * @returns a promise of the table
 * @throws {@link CxMetricsError} as {@link segmentBy} does (the promise rejects), and `aborted`
 *
 * @example
 * ```ts
 * import { scales, segmentByAsync } from 'cx-metrics';
 *
 * async function* lines() {
 *   for (let i = 0; i < 100; i++) yield { region: i % 2 === 0 ? 'EU' : 'US', nps: i % 3 === 0 ? 10 : 8 };
 * }
 * const table = await segmentByAsync(lines(), 'region', { scale: scales.nps, value: 'nps' });
 * table.segments.map((segment) => segment.n); // => [50, 50]
 * ```
 */
export async function segmentByAsync<Row = never>(rows: AnyRows<Row>, by: SegmentBy<Row>, options?: SegmentOptions<Row>): Promise<SegmentTable> {
  return guard('segmentByAsync', async () => {
    const fn = 'segmentByAsync';
    const collector = new SegmentCollector<Row>(fn, by, options);
    const count = await forEachRowAsync(fn, rowSource<Row>(fn, rows, ['rows'], true), ['rows'], collector, checkSignal(fn, options?.signal));
    return collector.finish(count);
  });
}
