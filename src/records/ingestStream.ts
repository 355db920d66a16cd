import { guard } from '../internal/guard.js';
import { throwIssues } from '../internal/issue.js';
import { checkSignal, DONE, HOLE, RowCursor, rowSource, sourceFailure, type AnyRows } from '../internal/readRows.js';
import type { Scale } from '../scales/defineScale.js';
import type { IngestMapping, IngestStreamOptions, IngestSummary, RejectedRow } from './IngestMapping.js';
import type { ResponseRecord } from './ResponseRecord.js';
import { RowIngester, STREAM_OPTION_KEYS } from './RowIngester.js';

/**
 * The records of {@link ingestStream}, one at a time, as an async iterator; `summary` holds the
 * counts so far (final once the iteration ends, and also the iterator's return value).
 */
export interface IngestStream<S extends Scale = Scale> extends AsyncIterableIterator<ResponseRecord<S>, IngestSummary, undefined> {
  /** The counts so far: rows read, accepted, rejected (by issue code), excluded, which column fed each field. */
  readonly summary: IngestSummary;
  /** Stops reading (the source is closed); the result holds the summary so far. */
  return(): Promise<IteratorResult<ResponseRecord<S>, IngestSummary>>;
  /** Stops reading and rejects with the error given. */
  throw(error?: unknown): Promise<IteratorResult<ResponseRecord<S>, IngestSummary>>;
}

class IngestStreamReader<S extends Scale, Row> implements IngestStream<S> {
  readonly #engine: RowIngester<S, Row>;
  readonly #cursor: RowCursor<unknown>;
  #finished = false;

  constructor(engine: RowIngester<S, Row>, cursor: RowCursor<unknown>) {
    this.#engine = engine;
    this.#cursor = cursor;
  }

  get summary(): IngestSummary {
    return this.#engine.summary();
  }

  async next(): Promise<IteratorResult<ResponseRecord<S>, IngestSummary>> {
    if (this.#finished) return { done: true, value: this.summary };
    const cursor = this.#cursor;
    const engine = this.#engine;
    try {
      for (;;) {
        let row = cursor.next();
        if (row instanceof Promise) row = await row;
        if (row === DONE) {
          this.#finished = true;
          engine.finish();
          return { done: true, value: this.summary };
        }
        if (row === HOLE) {
          engine.hole(cursor.position);
          continue;
        }
        let checked = engine.check(row);
        if (checked instanceof Promise) checked = await checked;
        const record = engine.take(row, cursor.position, checked);
        if (record !== undefined) return { done: false, value: record };
      }
    } catch (error) {
      this.#finished = true;
      cursor.close();
      throw sourceFailure(engine.functionName, ['rows'], cursor.position, error);
    }
  }

  async return(): Promise<IteratorResult<ResponseRecord<S>, IngestSummary>> {
    this.#finished = true;
    this.#cursor.close();
    return { done: true, value: this.summary };
  }

  async throw(error?: unknown): Promise<IteratorResult<ResponseRecord<S>, IngestSummary>> {
    this.#finished = true;
    this.#cursor.close();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * {@link ingest} as a stream: an async iterator of records over any source (an array, an
 * iterable, an async iterable such as a file read line by line or a Node stream), holding neither
 * the records nor the rejected rows, so a file of any size is ingested in constant memory. Feed it
 * straight to {@link segmentByAsync} or {@link tallyAnswersAsync}. Rejected rows go to
 * `options.onRejected` as they happen (with `onInvalid: 'throw'` the stream fails at the first one);
 * the counts are in `summary` and, at the end, the iterator's return value. The same engine as
 * {@link ingest} reads each row, so both give the same records and rejects. `signal` stops the
 * reading promptly, and a source that fails is reported with the row it failed at (`cause` holds
 * its error).
 *
 * The mapping and options are checked when it is called, before any row is read.
 *
 * @param rows - an async iterable, iterable or array of rows
 * @param mapping - the scale, and which column (or accessor) holds each field
 * @param options - as for {@link ingest}, with `onRejected` and `signal`
 * @returns the stream of records
 * @throws {@link CxMetricsError} `invalid_option` at once for a bad mapping or option; while iterating,
 * `invalid_rows` (with `onInvalid: 'throw'`), `source_failed`, `aborted`
 *
 * @example
 * ```ts
 * import { ingestStream, scales, segmentByAsync } from 'cx-metrics';
 *
 * async function* exportLines() {
 *   for (let i = 0; i < 1000; i++) yield { id: `R_${i}`, nps: i % 100 === 0 ? 'n/a' : String(i % 11), region: i % 2 ? 'EU' : 'US' };
 * }
 * const rejected: number[] = [];
 * const stream = ingestStream(exportLines(), { scale: scales.nps, score: 'nps', respondentId: 'id', attributes: ['region'] }, {
 *   onRejected: (row) => rejected.push(row.row),
 * });
 * const table = await segmentByAsync(stream, 'region');
 * table.segments.map((segment) => segment.key[0]); // => ["EU", "US"]
 * [stream.summary.accepted, stream.summary.rejected, rejected.length]; // => [990, 10, 10]
 * ```
 */
export function ingestStream<const S extends Scale, Input = unknown, Row = Input>(rows: AnyRows<Input>, mapping: IngestMapping<S, Row>, options?: IngestStreamOptions<Row, Input>): IngestStream<S> {
  return guard('ingestStream', () => {
    const fn = 'ingestStream';
    const onRejected = options?.onRejected;
    const engine: RowIngester<S, Row> = new RowIngester<S, Row>(fn, mapping, options, STREAM_OPTION_KEYS, (rejected: RejectedRow) => {
      if (engine.throws) throwIssues(fn, 'invalid_rows', rejected.issues);
      onRejected?.(rejected);
    });
    const cursor = new RowCursor<unknown>(fn, rowSource(fn, rows, ['rows'], true), ['rows'], checkSignal(fn, options?.signal));
    return new IngestStreamReader(engine, cursor);
  });
}
