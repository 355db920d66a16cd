import { fail } from '../internal/issue.js';
import { type SegmentBy, SegmentCollector, type SegmentOptions } from './SegmentCollector.js';
import type { SegmentTable } from './SegmentTable.js';

/**
 * Breaks a metric down by segment in one pass: every segment's full result (score, interval,
 * accounting), the overall, and each segment against the rest of the table with the right test
 * for the metric (NPS: adjusted-Wald z; CSAT: Newcombe with a pooled z p-value; CES: Welch t),
 * its signed difference, interval and a p-value adjusted over the table (Holm by default,
 * Benjamini–Hochberg for a false-discovery rate). Segments below `minimumN` (30) are marked
 * `reliable: false`; `suppressSmall` withholds their scores.
 *
 * `by` is a field name (`'channel'`; for records, a record field or an attribute), several
 * (a cross-tab: `['channel', 'plan']`), or an accessor. Keys are kept as arrays of values in
 * Maps, so any string, `__proto__` included, is just a segment name. One accumulator per
 * segment, never a copy of the rows: memory grows with the segments, not with the answers.
 *
 * @param rows - records from `ingest`, or rows with a `value` accessor and a `scale`
 * @param by - a field, fields, or an accessor
 * @param options - metric, scale, accessors, minimumN, suppressSmall, compareWith, adjust, and the metric's own options
 * @returns the table
 * @throws {@link CxMetricsError} `invalid_option` for a bad option, `invalid_answers` through the metric, `invalid_input` for a non-primitive segment value
 *
 * @example
 * ```ts
 * import { ingest, scales, segmentBy } from 'cx-metrics';
 *
 * const rows = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 6 : 10, channel: 'chat' })),
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 10 : 3, channel: 'phone' })),
 * ];
 * const { records } = ingest(rows, { scale: scales.nps, attributes: ['channel'] });
 * const table = segmentBy(records, 'channel');
 * table.segments.map((segment) => [segment.key[0], segment.result?.score]); // => [["chat", 50], ["phone", -50]]
 * table.get('phone')?.comparison?.difference; // => -100
 * (table.get('phone')?.comparison?.adjustedPValue ?? 1) < 0.001; // => true
 * ```
 */
export function segmentBy<Row = never>(rows: Iterable<Row> | ArrayLike<Row>, by: SegmentBy<Row>, options: SegmentOptions<Row> = {}): SegmentTable {
  const collector = new SegmentCollector('segmentBy', by, options);
  let sink: ((row: Row, index: number) => void) | undefined;
  const take = (row: Row, index: number): void => (sink ??= collector.sink(row))(row, index);
  if (typeof rows === 'object' && rows !== null && Array.isArray(rows)) {
    if (rows.length > 0) {
      const add = collector.sink(rows[0] as Row);
      for (let i = 0; i < rows.length; i++) add(rows[i] as Row, i);
    }
  } else if (typeof rows === 'object' && rows !== null && Symbol.iterator in rows) {
    let index = 0;
    for (const row of rows as Iterable<Row>) take(row, index++);
  } else if (typeof rows === 'object' && rows !== null && typeof (rows as ArrayLike<Row>).length === 'number') {
    for (let i = 0; i < (rows as ArrayLike<Row>).length; i++) take((rows as ArrayLike<Row>)[i] as Row, i);
  } else fail('segmentBy', 'invalid_input', 'invalid_value', 'an array or iterable of rows', rows, ['rows']);
  return collector.finish();
}
