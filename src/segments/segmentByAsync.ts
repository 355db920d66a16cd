import { fail } from '../internal/issue.js';
import { type SegmentBy, SegmentCollector, type SegmentOptions } from './SegmentCollector.js';
import type { SegmentTable } from './SegmentTable.js';

/**
 * {@link segmentBy} over an `AsyncIterable` (a file read line by line, a cursor, a stream): it
 * keeps one accumulator per segment and never the rows, so a source of any size is segmented in
 * constant memory.
 *
 * @param rows - an async iterable (or any iterable) of records or rows
 * @param by - a field, fields, or an accessor
 * @param options - as for {@link segmentBy}
 * @returns a promise of the table
 * @throws {@link CxMetricsError} as {@link segmentBy} does (the promise rejects)
 *
 * @example
 * ```ts
 * import { scales, segmentByAsync } from 'cx-metrics';
 *
 * async function* lines() {
 *   for (let i = 0; i < 100; i++) yield { region: i % 2 === 0 ? 'EU' : 'US', nps: i % 3 === 0 ? 10 : 8 };
 * }
 * const table = await segmentByAsync(lines(), 'region', { scale: scales.nps, value: (row) => row.nps });
 * table.segments.map((segment) => segment.n); // => [50, 50]
 * ```
 */
export async function segmentByAsync<Row = never>(rows: AsyncIterable<Row> | Iterable<Row>, by: SegmentBy<Row>, options: SegmentOptions<Row> = {}): Promise<SegmentTable> {
  const collector = new SegmentCollector('segmentByAsync', by, options);
  let sink: ((row: Row, index: number) => void) | undefined;
  const take = (row: Row, at: number): void => (sink ??= collector.sink(row))(row, at);
  let index = 0;
  if (typeof rows === 'object' && rows !== null && Symbol.asyncIterator in rows) for await (const row of rows as AsyncIterable<Row>) take(row, index++);
  else if (typeof rows === 'object' && rows !== null && Symbol.iterator in rows) for (const row of rows as Iterable<Row>) take(row, index++);
  else fail('segmentByAsync', 'invalid_input', 'invalid_value', 'an async iterable or iterable of rows', rows, ['rows']);
  return collector.finish();
}
