import { guard } from '../internal/guard.js';
import { forEachRow, rowSource, type Rows } from '../internal/readRows.js';
import type { Scale } from '../scales/defineScale.js';
import type { IngestMapping, IngestOptions, IngestResult, RejectedRow } from './IngestMapping.js';
import type { ResponseRecord } from './ResponseRecord.js';
import { ingestResult, RowIngester, SYNC_OPTION_KEYS } from './RowIngester.js';
import type { StandardSchemaResult } from './StandardSchema.js';

/**
 * Turns rows as they arrive (a JSON body, a parsed CSV export with the vendor's own column
 * names, a database result) into typed {@link ResponseRecord}s, and accounts for every row.
 * It parses what real exports contain: numeric strings ("9"), labelled answers
 * ("10 - Extremely likely", "Strongly agree": the scale's point labels), empty cells and vendor
 * "no answer" codes (`skipValues`) as skipped, ISO 8601 / epoch / `Date` timestamps (wall-clock
 * times in `timeZone`), comma decimals when asked, header rows (`columns: 'first-row'`,
 * `skipRows`); and it refuses "7.5" on an integer scale, values off the scale, unknown labels,
 * impossible dates, dates out of bounds, and empty required fields ({@link parseAnswer},
 * {@link parseTimestamp}).
 *
 * **Absent is not empty.** A field is read only from a column you named (a mapping of `{ scale }`
 * alone reads the wire form's own names). A row without the score column at all is rejected
 * (`missing_column`, with the near names offered), never counted as a skipped answer; with known
 * headers, a mapped column that is not among them is refused up front. `fields` says which column
 * fed each field and how many rows had it; `absentColumns` lists named columns no row had.
 *
 * It never stops at the first problem: the result holds the accepted records and, for each
 * rejected row, every issue (row, field, column, value received, code, message).
 * `accepted + rejected + excluded === total`, always. With `onInvalid: 'throw'` it throws one
 * `CxMetricsError` (`invalid_rows`) carrying every issue instead. Inputs are never mutated, and
 * no key (`__proto__`, `constructor`) can reach a prototype. For files of any size, use
 * {@link ingestStream}.
 *
 * @param rows - the rows: objects, or arrays of cells with `options.columns`
 * @param mapping - the scale, and which column (or accessor) holds each field
 * @param options - error policy, headers, skip values, exclusions, time zone, comma decimals, bounds, a Standard Schema
 * @returns the records, the rejected rows and the counts
 * @throws {@link CxMetricsError} `invalid_option` for a bad mapping or option (a mapped column missing
 * from the header included; an async schema: use {@link ingestAsync}), `invalid_input` for rows that
 * are not a list, `source_failed` when the input or an accessor throws, `invalid_rows` with `onInvalid: 'throw'`
 *
 * @example
 * ```ts
 * import { computeNPS, ingest, scales } from 'cx-metrics';
 *
 * // Rows of a survey export, with the vendor's column names and its "no answer" code
 * const rows = [
 *   { ResponseId: 'R_1', Q1: '10 - Extremely likely', RecordedDate: '2026-03-01 09:30:00' },
 *   { ResponseId: 'R_2', Q1: '7.5', RecordedDate: '2026-03-01 10:00:00' },
 *   { ResponseId: 'R_3', Q1: '-99', RecordedDate: '2026-03-02 08:00:00' },
 * ];
 * const mapping = { scale: scales.nps, score: 'Q1', respondentId: 'ResponseId', submittedAt: 'RecordedDate' };
 * const result = ingest(rows, mapping, { skipValues: [-99], timeZone: 'America/New_York' });
 * [result.accepted, result.rejected, result.total]; // => [2, 1, 3]
 * result.rejectedRows[0]?.issues[0]?.code; // => "not_an_integer"
 * result.records[0]?.submittedAt?.toISOString(); // => "2026-03-01T14:30:00.000Z"
 * computeNPS(result.records).responses; // => { total: 2, answered: 1, skipped: 1, invalid: 0 }
 *
 * // A misspelled column is never an empty answer
 * ingest([{ nps: 9 }], { scale: scales.nps, score: 'NPS' }).rejectedRows[0]?.issues[0]?.code; // => "missing_column"
 * ```
 */
export function ingest<const S extends Scale, Input = unknown, Row = Input>(rows: Rows<Input>, mapping: IngestMapping<S, Row>, options?: IngestOptions<Row, Input>): IngestResult<S> {
  return guard('ingest', () => {
    const fn = 'ingest';
    const rejectedRows: RejectedRow[] = [];
    const records: ResponseRecord<S>[] = [];
    const engine = new RowIngester<S, Row>(fn, mapping, options, SYNC_OPTION_KEYS, (rejected) => rejectedRows.push(rejected));
    forEachRow(fn, rowSource(fn, rows, ['rows'], false), ['rows'], {
      row(row, index) {
        const checked = engine.check(row);
        engine.refuseAsyncSchema(checked);
        const record = engine.take(row, index, checked as StandardSchemaResult<Row> | undefined);
        if (record !== undefined) records.push(record);
      },
      hole: (index) => engine.hole(index),
    });
    return ingestResult(engine, records, rejectedRows);
  });
}
