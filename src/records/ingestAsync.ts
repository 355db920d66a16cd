import { fail } from '../internal/issue.js';
import type { Scale } from '../scales/defineScale.js';
import { type IngestMapping, type IngestOptions, type IngestResult, RowIngester } from './ingestRows.js';

/**
 * {@link ingest} for asynchronous sources and validators: rows from an `AsyncIterable` (a
 * stream, a paginated API, a cursor), and a Standard Schema whose `validate` returns a promise
 * (zod's async refinements, for example), which it awaits row by row. Everything else is as
 * for {@link ingest}.
 *
 * @param rows - an async iterable, iterable or array of rows
 * @param mapping - the scale, and which column (or accessor) holds each field
 * @param options - as for {@link ingest}
 * @returns a promise of the records, the rejected rows and the counts
 * @throws {@link CxMetricsError} as {@link ingest} does (the promise rejects)
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
export async function ingestAsync<const S extends Scale, Row = never>(
  rows: AsyncIterable<unknown> | Iterable<unknown> | ArrayLike<unknown>,
  mapping: IngestMapping<S, Row>,
  options: IngestOptions<Row> = {},
): Promise<IngestResult<S>> {
  const fn = 'ingestAsync';
  const ingester = new RowIngester(fn, mapping, options);
  const take = async (row: unknown): Promise<void> => ingester.add(row, await ingester.schemaResult(row));
  if (typeof rows === 'object' && rows !== null && Symbol.asyncIterator in rows) for await (const row of rows as AsyncIterable<unknown>) await take(row);
  else if (typeof rows === 'object' && rows !== null && Symbol.iterator in rows) for (const row of rows as Iterable<unknown>) await take(row);
  else if (typeof rows === 'object' && rows !== null && typeof (rows as ArrayLike<unknown>).length === 'number') {
    for (let i = 0; i < (rows as ArrayLike<unknown>).length; i++) await take((rows as ArrayLike<unknown>)[i]);
  } else fail(fn, 'invalid_input', 'invalid_value', 'an array, iterable or async iterable of rows', rows, ['rows']);
  return ingester.result();
}
