import { fail } from '../internal/issue.js';
import type { Scale } from '../scales/defineScale.js';
import { type IngestMapping, type IngestOptions, type IngestResult, RowIngester } from './ingestRows.js';

/**
 * Turns rows as they arrive (a JSON body, a parsed CSV export with the vendor's own column
 * names, a database result) into typed {@link ResponseRecord}s, and reports every row it
 * refuses. It parses what real exports contain: numeric strings ("9"), labelled answers
 * ("10 - Extremely likely", "Strongly agree": the scale's point labels), empty cells as skipped,
 * ISO 8601 / epoch / `Date` timestamps, comma decimals when asked; and it refuses "7.5" on an
 * integer scale, values off the scale, unknown labels, impossible dates, dates out of bounds,
 * and missing required ids ({@link parseAnswer}, {@link parseTimestamp}).
 *
 * It never stops at the first problem: the result holds the accepted records and, for each
 * rejected row, every issue (row, field, column, value received, code, message).
 * `accepted + rejected.length === total`, always. With `onInvalid: 'throw'` it throws one
 * `CxMetricsError` (`invalid_rows`) carrying every issue instead. Inputs are never mutated, and
 * no key (`__proto__`, `constructor`) can reach a prototype.
 *
 * The records feed every tally and `compute*` function directly, which read their scale and weights.
 *
 * @param rows - the rows: objects, or arrays of cells with `options.columns`
 * @param mapping - the scale, and which column (or accessor) holds each field; unnamed fields read the column of their own name
 * @param options - error policy, comma decimals, timestamp unit and bounds, headers, a Standard Schema for the row
 * @returns the records, the rejected rows and the counts
 * @throws {@link CxMetricsError} `invalid_option` for a bad mapping or option (including an async
 * schema: use {@link ingestAsync}), `invalid_input` for rows that are not a list, `invalid_rows` with `onInvalid: 'throw'`
 *
 * @example
 * ```ts
 * import { computeNPS, ingest, scales } from 'cx-metrics';
 *
 * // Rows of a survey export, with the vendor's column names
 * const rows = [
 *   { ResponseId: 'R_1', Q1: '10 - Extremely likely', RecordedDate: '2026-03-01 09:30:00' },
 *   { ResponseId: 'R_2', Q1: '7.5', RecordedDate: '2026-03-01 10:00:00' },
 *   { ResponseId: 'R_3', Q1: '', RecordedDate: '2026-03-02 08:00:00' },
 * ];
 * const result = ingest(rows, { scale: scales.nps, score: 'Q1', respondentId: 'ResponseId', submittedAt: 'RecordedDate' });
 * [result.accepted, result.rejected.length, result.total]; // => [2, 1, 3]
 * result.rejected[0]?.issues[0]?.code; // => "not_an_integer"
 * computeNPS(result.records).responses; // => { total: 2, answered: 1, skipped: 1, invalid: 0 }
 * ```
 */
export function ingest<const S extends Scale, Row = never>(
  rows: Iterable<unknown> | ArrayLike<unknown>,
  mapping: IngestMapping<S, Row>,
  options: IngestOptions<Row> = {},
): IngestResult<S> {
  const fn = 'ingest';
  const ingester = new RowIngester(fn, mapping, options);
  const take = (row: unknown): void => {
    const checked = ingester.schemaResult(row);
    if (checked instanceof Promise) {
      checked.catch(() => undefined);
      fail(fn, 'invalid_option', 'invalid_value', 'a synchronous Standard Schema validator (use ingestAsync for async ones)', 'a validator that returned a Promise', ['options', 'schema']);
    }
    ingester.add(row, checked);
  };
  if (typeof rows === 'object' && rows !== null && Symbol.iterator in rows) for (const row of rows as Iterable<unknown>) take(row);
  else if (typeof rows === 'object' && rows !== null && typeof (rows as ArrayLike<unknown>).length === 'number') Array.prototype.forEach.call(rows, take);
  else fail(fn, 'invalid_input', 'invalid_value', 'an array or iterable of rows', rows, ['rows']);
  return ingester.result();
}
