import { guard } from '../internal/guard.js';
import { checkSignal, forEachRowAsync, rowSource, type AnyRows } from '../internal/readRows.js';
import type { Scale } from '../scales/defineScale.js';
import type { IngestAsyncOptions, IngestMapping, IngestResult, RejectedRow } from './IngestMapping.js';
import type { ResponseRecord } from './ResponseRecord.js';
import { ASYNC_OPTION_KEYS, ingestResult, RowIngester } from './RowIngester.js';

/**
 * {@link ingest} for asynchronous sources and validators: rows from an `AsyncIterable` (a
 * stream, a paginated API, a cursor), and a Standard Schema whose `validate` returns a promise
 * (zod's async refinements, for example), which it awaits row by row. It collects every record
 * and every rejected row, so it suits inputs that fit in memory; for files of any size use
 * {@link ingestStream}, which holds neither. `signal` stops it promptly.
 *
 * @param rows - an async iterable, iterable or array of rows
 * @param mapping - the scale, and which column (or accessor) holds each field
 * @param options - as for {@link ingest}, and `signal`
 * @returns a promise of the records, the rejected rows and the counts
 * @throws {@link CxMetricsError} as {@link ingest} does (the promise rejects), and `aborted`
 *
 * @example
 * ```ts
 * import { ingestAsync, scales } from 'cx-metrics';
 *
 * async function* webhookBodies() {
 *   yield { respondentId: 'u1', score: 6 };
 *   yield { respondentId: 'u2', score: 'Strongly agree' };
 * }
 * const result = await ingestAsync(webhookBodies(), { scale: scales.ces7 });
 * result.records.map((record) => record.score); // => [6, 7]
 * ```
 */
export async function ingestAsync<const S extends Scale, Input = unknown, Row = Input>(
  rows: AnyRows<Input>,
  mapping: IngestMapping<S, Row>,
  options?: IngestAsyncOptions<Row, Input>,
): Promise<IngestResult<S>> {
  return guard('ingestAsync', async () => {
    const fn = 'ingestAsync';
    const rejectedRows: RejectedRow[] = [];
    const records: ResponseRecord<S>[] = [];
    const engine = new RowIngester<S, Row>(fn, mapping, options, ASYNC_OPTION_KEYS, (rejected) => rejectedRows.push(rejected));
    const signal = checkSignal(fn, options?.signal);
    const take = (row: unknown, index: number, checked: Parameters<typeof engine.take>[2]): void => {
      const record = engine.take(row, index, checked);
      if (record !== undefined) records.push(record);
    };
    await forEachRowAsync(
      fn,
      rowSource(fn, rows, ['rows'], true),
      ['rows'],
      {
        row(row, index) {
          const checked = engine.check(row);
          if (checked instanceof Promise) return checked.then((result) => take(row, index, result));
          take(row, index, checked);
          return undefined;
        },
        hole: (index) => engine.hole(index),
      },
      signal,
    );
    return ingestResult(engine, records, rejectedRows);
  });
}
