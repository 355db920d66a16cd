import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { forEachRow, rowSource, type Rows } from '../internal/readRows.js';
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
 * `by` is a field name, several (a cross-tab: `['channel', 'plan']`), or an accessor. A name
 * means one thing by one rule: for records, a record field (`channel`, `touchpoint`,
 * `customerId`…) when it is one, else an attribute; for other rows, the row's own property. A
 * name that no row has (a misspelling, or a record field never filled in) is an error naming the
 * near names, never one segment of `undefined`; rows that lack a name some rows have are the
 * segment whose key is `undefined`. Keys are kept in Maps, so any string, `__proto__` included, is
 * just a segment name. One tally per segment, never a copy of the rows: memory grows with the
 * segments, not with the answers.
 *
 * @param rows - records from `ingest`, or rows with `value` (a field name or an accessor) and a `scale`
 * @param by - a field, fields, or an accessor
 * @param options - metric, scale, value, weights, minimumN, suppressSmall, compareWith, adjust, and the metric's own options
 * @returns the table
 * @throws {@link CxMetricsError} `invalid_option` for a bad option or a `by` name no row has,
 * `invalid_answers` (each named by its row), `invalid_input` for a key that is not a primitive or
 * keys of changing length, `source_failed` when the input or an accessor throws
 *
 * @example
 * ```ts
 * import { ingest, scales, segmentBy } from 'cx-metrics';
 *
 * const rows = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 6 : 10, channel: 'chat' })),
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 10 : 3, channel: 'phone' })),
 * ];
 * const { records } = ingest(rows, { scale: scales.nps });
 * const table = segmentBy(records, 'channel');
 * table.segments.map((segment) => [segment.key[0], segment.result?.score]); // => [["chat", 50], ["phone", -50]]
 * table.get('phone')?.comparison?.difference; // => -100
 * (table.get('phone')?.comparison?.adjustedPValue ?? 1) < 0.001; // => true
 * ```
 */
export function segmentBy<Row = never>(rows: Rows<Row>, by: SegmentBy<Row>, options?: SegmentOptions<Row>): SegmentTable {
  return guard('segmentBy', () => {
    const fn = 'segmentBy';
    const collector = new SegmentCollector<Row>(fn, by, options);
    if (options?.signal !== undefined) fail(fn, 'invalid_option', 'invalid_value', 'no signal: segmentBy reads synchronously (segmentByAsync takes one)', options.signal, ['options', 'signal']);
    const count = forEachRow(fn, rowSource<Row>(fn, rows, ['rows'], false), ['rows'], collector);
    return collector.finish(count);
  });
}
