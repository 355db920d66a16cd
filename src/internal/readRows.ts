import { CxMetricsError, type CxMetricsIssue } from '../errors/CxMetricsError.js';
import { describeValue } from './describeValue.js';
import { describePath, fail, issueFromReceived, type Path } from './issue.js';

// The one place that reads rows of any kind: arrays, typed arrays, array-likes with a bounded
// length, iterables and async iterables. Every table, tally, segment, trend and ingestion reads
// its input through here, so they all accept the same inputs, count holes as rows, stop on an
// abort signal, and report a source that fails with the row it failed at.

/** Rows a synchronous function reads. */
export type Rows<T> = ArrayLike<T> | Iterable<T>;
/** Rows an asynchronous function reads. */
export type AnyRows<T> = Rows<T> | AsyncIterable<T>;

/** The longest array-like accepted that is not an array or typed array: the longest an array can be. */
const MAX_ROWS = 2 ** 32 - 1;

/**
 * What an `AbortSignal` offers, as far as reading rows needs it. Declared here because the core
 * is typed without any platform's library; every platform's `AbortSignal` fits.
 */
export interface AbortSignalLike {
  /** Whether it has been aborted. */
  readonly aborted: boolean;
  /** Why it was aborted. */
  readonly reason?: unknown;
  /** Listens for the abort. */
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void;
  /** Stops listening. */
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A macrotask turn: `setTimeout` exists on every platform, but not in the ES library's types. */
const nextTurn = (): Promise<void> => new Promise((resolve) => (globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown }).setTimeout(resolve, 0));

/** What an input turned out to be, decided once before the first row is read. */
export type RowSource<T> =
  | { readonly kind: 'array'; readonly rows: ArrayLike<T>; readonly length: number }
  | { readonly kind: 'iterable'; readonly rows: Iterable<T> }
  | { readonly kind: 'async'; readonly rows: AsyncIterable<T> };

/** The sentinel a cursor returns for an array hole: a row without an element. */
export const HOLE: unique symbol = Symbol('hole');
/** The sentinel a cursor returns after the last row. */
export const DONE: unique symbol = Symbol('done');

/** A CxMetricsError for an input that threw while being read at a row (or passes ours through). */
export function sourceFailure(functionName: string, path: Path, index: number, error: unknown, what = 'the input'): CxMetricsError {
  return inputFailure(functionName, [...path, index], error, what);
}

/**
 * A CxMetricsError (`source_failed`) for an error that is not ours: a getter, a proxy, an
 * iterator or a callback of the caller's threw while the library read it. The original error is
 * the `cause`. Our own errors pass through unchanged.
 */
export function inputFailure(functionName: string, where: Path, error: unknown, what = 'the input'): CxMetricsError {
  if (error instanceof CxMetricsError) return error;
  let text: string;
  try {
    text = error instanceof Error ? String(error.message) : describeValue(error);
  } catch {
    text = 'an error that cannot be read';
  }
  const issue: CxMetricsIssue = {
    code: 'source_failed',
    expected: 'input that can be read without throwing',
    received: `an error: ${describeValue(text)}`,
    path: where,
    message: `${functionName}: ${what} threw${describePath(where)}: ${text.slice(0, 200)}`,
  };
  return new CxMetricsError('source_failed', issue.message, [issue], { cause: error });
}

function aborted(functionName: string, path: Path, index: number, signal: AbortSignalLike): CxMetricsError {
  const where = [...path, index];
  const issue = issueFromReceived(functionName, 'aborted', 'to read every row', 'an aborted signal', where);
  return new CxMetricsError('aborted', `${functionName}: aborted${describePath(where)}`, [issue], { cause: signal.reason });
}

/** What to call instead of a function that reads rows synchronously, when it is given an async iterable. */
function asyncAlternative(functionName: string): string {
  const variants: Record<string, string> = { ingest: 'ingestAsync or ingestStream', tallyAnswers: 'tallyAnswersAsync', segmentBy: 'segmentByAsync', classifyLoyaltyRisk: 'classifyLoyaltyRiskAsync' };
  const variant = variants[functionName];
  if (variant !== undefined) return `use ${variant} for async iterables`;
  // The metric functions take a tally, which the async tally reader makes.
  if (/^(compute|compare)/.test(functionName)) return `for async iterables, tally them with await tallyAnswersAsync(rows, { scale }) and pass the tally to ${functionName}`;
  return 'for async iterables, collect the rows into an array first';
}

/**
 * Classifies an input: an array or typed array (read by index), an iterable (not a string: a
 * string is one value, not a list of characters), an async iterable where `async` allows it, or an
 * array-like object whose `length` is a whole number from 0 to 2³² − 1 (so `{ length: Infinity }`
 * is refused instead of looping forever).
 */
export function rowSource<T>(functionName: string, input: unknown, path: Path, async: boolean, noun: string = 'rows'): RowSource<T> {
  const what = `an array, typed array or iterable${async ? ' (or async iterable)' : ''} of ${noun}`;
  if (Array.isArray(input)) return { kind: 'array', rows: input as T[], length: input.length };
  if (ArrayBuffer.isView(input) && !(input instanceof DataView)) return { kind: 'array', rows: input as unknown as ArrayLike<T>, length: (input as unknown as ArrayLike<T>).length };
  if (typeof input !== 'object' || input === null) return fail(functionName, 'invalid_input', 'invalid_type', what, input, path);
  let iterator: unknown;
  let asyncIterator: unknown;
  let length: unknown;
  try {
    iterator = (input as Partial<Iterable<T>>)[Symbol.iterator];
    asyncIterator = (input as Partial<AsyncIterable<T>>)[Symbol.asyncIterator];
    length = (input as { length?: unknown }).length;
  } catch (error) {
    throw sourceFailure(functionName, path, 0, error);
  }
  if (typeof iterator === 'function') return { kind: 'iterable', rows: input as Iterable<T> };
  if (typeof asyncIterator === 'function') {
    if (async) return { kind: 'async', rows: input as AsyncIterable<T> };
    return fail(functionName, 'invalid_input', 'invalid_type', `${what} (${asyncAlternative(functionName)})`, input, path);
  }
  if (typeof length === 'number') {
    if (!(Number.isSafeInteger(length) && length >= 0 && length <= MAX_ROWS)) {
      return fail(functionName, 'invalid_input', 'out_of_range', `an array-like with a length from 0 to ${MAX_ROWS}`, length, [...path, 'length']);
    }
    return { kind: 'array', rows: input as ArrayLike<T>, length };
  }
  return fail(functionName, 'invalid_input', 'invalid_type', what, input, path);
}

/**
 * Pulls rows one at a time from any source: the row, {@link HOLE} for an array hole, or
 * {@link DONE}; a promise of those for async sources (and, with a signal, now and then for sync
 * ones, so that an abort is seen promptly). A source that throws becomes a `source_failed` error
 * naming the row; an aborted signal an `aborted` error. `position` is the index of the last row returned.
 */
export class RowCursor<T> {
  readonly #fn: string;
  readonly #path: Path;
  readonly #signal: AbortSignalLike | undefined;
  readonly #array: ArrayLike<T> | undefined;
  readonly #length: number;
  #iterator: Iterator<T> | AsyncIterator<T> | undefined;
  readonly #async: boolean;
  #abort: Promise<never> | undefined;
  #onAbort: (() => void) | undefined;
  #next = 0;
  #done = false;

  constructor(functionName: string, source: RowSource<T>, path: Path, signal?: AbortSignalLike) {
    this.#fn = functionName;
    this.#path = path;
    this.#signal = signal;
    this.#async = source.kind === 'async';
    this.#array = source.kind === 'array' ? source.rows : undefined;
    this.#length = source.kind === 'array' ? source.length : 0;
    try {
      if (source.kind === 'iterable') this.#iterator = source.rows[Symbol.iterator]();
      else if (source.kind === 'async') this.#iterator = source.rows[Symbol.asyncIterator]();
    } catch (error) {
      throw sourceFailure(functionName, path, 0, error);
    }
    if (signal !== undefined && this.#async) {
      this.#abort = new Promise<never>((_, reject) => {
        // The row being waited for is the last index taken.
        this.#onAbort = () => reject(aborted(functionName, path, this.#next - 1, signal));
        signal.addEventListener('abort', this.#onAbort, { once: true });
      });
      this.#abort.catch(() => undefined);
    }
  }

  /** The index of the row last returned. */
  get position(): number {
    return this.#next - 1;
  }

  /** The next row, HOLE or DONE (a promise of it for async sources, and now and then under a signal). */
  next(): T | typeof HOLE | typeof DONE | Promise<T | typeof HOLE | typeof DONE> {
    if (this.#done) return DONE;
    const signal = this.#signal;
    if (signal?.aborted === true) {
      this.close();
      throw aborted(this.#fn, this.#path, this.#next, signal);
    }
    // A long synchronous source under a signal gives the event loop a turn now and then, or an abort could never arrive.
    if (signal !== undefined && !this.#async && this.#next > 0 && (this.#next & 0xffff) === 0) return nextTurn().then(() => this.#take());
    return this.#take();
  }

  #take(): T | typeof HOLE | typeof DONE | Promise<T | typeof HOLE | typeof DONE> {
    if (this.#signal?.aborted === true) {
      this.close();
      throw aborted(this.#fn, this.#path, this.#next, this.#signal);
    }
    const index = this.#next;
    if (this.#array !== undefined) {
      if (index >= this.#length) {
        this.#done = true;
        this.#release();
        return DONE;
      }
      this.#next++;
      let row: T | undefined;
      try {
        row = this.#array[index];
        if (row === undefined && !(index in this.#array)) return HOLE;
      } catch (error) {
        throw this.#failed(index, error);
      }
      return row as T;
    }
    this.#next++;
    let step: IteratorResult<T> | Promise<IteratorResult<T>>;
    try {
      step = (this.#iterator as Iterator<T>).next();
    } catch (error) {
      throw this.#failed(index, error);
    }
    if (!this.#async) {
      if (typeof step !== 'object' || step === null) throw this.#failed(index, new TypeError('the iterator returned a non-object'));
      return (step as IteratorResult<T>).done === true ? this.#finish() : (step as IteratorResult<T>).value;
    }
    const pending = this.#abort === undefined ? step : Promise.race([step, this.#abort]);
    return Promise.resolve(pending).then(
      (result) => {
        if (typeof result !== 'object' || result === null) throw this.#failed(index, new TypeError('the iterator returned a non-object'));
        return result.done === true ? this.#finish() : result.value;
      },
      (error: unknown) => {
        throw this.#failed(index, error);
      },
    );
  }

  /** The iterator said done: the index taken for it was no row. */
  #finish(): typeof DONE {
    this.#next--;
    this.#done = true;
    this.#release();
    return DONE;
  }

  #failed(index: number, error: unknown): CxMetricsError {
    this.#done = true;
    this.#release();
    return sourceFailure(this.#fn, this.#path, index, error);
  }

  #release(): void {
    if (this.#onAbort !== undefined) this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#onAbort = undefined;
  }

  /** Stops reading: the source's `return()` is called (not awaited: a stuck source must not hang the caller). */
  close(): void {
    if (this.#done) return;
    this.#done = true;
    this.#release();
    try {
      const closing = this.#iterator?.return?.();
      if (closing instanceof Promise) closing.catch(() => undefined);
    } catch {
      // The source failed while closing; the error that made us close is the one to report.
    }
  }
}

/**
 * What takes the rows: a method for each row and one for each array hole. An object with methods
 * rather than two closures, so that on the hot path the calls go to one class's methods, which the
 * engine can inline, instead of to closures made anew on every call.
 */
export interface RowVisitor<T> {
  /** Takes one row. May return a promise (awaited by `forEachRowAsync` only). */
  row(row: T, index: number): void | Promise<void>;
  /** Takes an array hole: a row without an element. */
  hole(index: number): void;
}

/**
 * Reads every row of a synchronous source into a visitor, in order. Arrays are read in a plain
 * indexed loop. An error thrown by the source or by the visitor (an accessor, a getter) becomes
 * `source_failed` naming the row; ours pass through. Returns the number of rows read, holes included.
 */
export function forEachRow<T>(functionName: string, source: RowSource<T>, path: Path, visitor: RowVisitor<T>): number {
  if (source.kind === 'array') {
    const rows = source.rows;
    const length = source.length;
    let index = 0;
    try {
      for (; index < length; index++) {
        const row = rows[index];
        if (row === undefined && !(index in rows)) visitor.hole(index);
        else visitor.row(row as T, index);
      }
    } catch (error) {
      throw sourceFailure(functionName, path, index, error);
    }
    return length;
  }
  const cursor = new RowCursor<T>(functionName, source, path);
  try {
    for (;;) {
      const row = cursor.next() as T | typeof HOLE | typeof DONE;
      if (row === DONE) return cursor.position + 1;
      if (row === HOLE) visitor.hole(cursor.position);
      else visitor.row(row, cursor.position);
    }
  } catch (error) {
    cursor.close();
    throw sourceFailure(functionName, path, cursor.position, error);
  }
}

/**
 * {@link forEachRow} for asynchronous functions: any source, async iterables included, with an
 * optional `AbortSignal` that stops the reading promptly (`aborted`). A visitor's promise is
 * awaited before the next row.
 */
export async function forEachRowAsync<T>(functionName: string, source: RowSource<T>, path: Path, visitor: RowVisitor<T>, signal?: AbortSignalLike): Promise<number> {
  const cursor = new RowCursor<T>(functionName, source, path, signal);
  try {
    for (;;) {
      let row = cursor.next();
      if (row instanceof Promise) row = await row;
      if (row === DONE) return cursor.position + 1;
      if (row === HOLE) visitor.hole(cursor.position);
      else {
        const pending = visitor.row(row, cursor.position);
        if (pending instanceof Promise) await pending;
      }
    }
  } catch (error) {
    cursor.close();
    throw sourceFailure(functionName, path, cursor.position, error);
  }
}

/** Checks an `AbortSignal` option. */
export function checkSignal(functionName: string, signal: unknown, path: Path = ['options', 'signal']): AbortSignalLike | undefined {
  if (signal === undefined) return undefined;
  const like = signal as Partial<AbortSignalLike> | null;
  if (typeof like !== 'object' || like === null || typeof like.aborted !== 'boolean' || typeof like.addEventListener !== 'function' || typeof like.removeEventListener !== 'function') {
    fail(functionName, 'invalid_option', 'invalid_type', 'an AbortSignal', signal, path);
  }
  return like as AbortSignalLike;
}
