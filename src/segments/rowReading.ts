import { fail } from '../internal/issue.js';
import { isResponseRecord } from '../records/isResponseRecord.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Scale } from '../scales/defineScale.js';
import { Accumulator, DEFAULT_MAX_INVALID_EXAMPLES } from '../tally/Accumulator.js';
import { assertSameScale } from '../scales/isSameScale.js';

/** A value a segment key part can take: any primitive (strings like `__proto__` included). */
export type SegmentKeyValue = string | number | boolean | bigint | null | undefined;

/** How rows are read when they are not records: the answer, and optionally a weight and a timestamp. */
export interface RowOptions<Row> {
  /** The scale of the answers. Default: the scale of the records. */
  readonly scale?: Scale | undefined;
  /** Reads the answer from a row; records need none. */
  readonly value?: ((row: Row, index: number) => unknown) | undefined;
  /** Reads a weight from a row; records bring their own. */
  readonly weights?: ((row: Row, index: number) => unknown) | undefined;
}

const RECORD_FIELDS = new Set(['scale', 'scaleId', 'score', 'respondentId', 'customerId', 'submittedAt', 'weight', 'interactionId', 'touchpoint', 'channel', 'attributes', 'row']);

/**
 * A field of a row by name: an own property of a plain row, or for a record one of its fields or
 * else an attribute. Never a prototype's property, so `__proto__` and `constructor` are just names.
 */
export function fieldReader(name: string): (row: unknown) => unknown {
  return (row) => {
    if (typeof row !== 'object' || row === null) return undefined;
    if (isResponseRecord(row) && !RECORD_FIELDS.has(name)) return Object.prototype.hasOwnProperty.call(row.attributes, name) ? row.attributes[name] : undefined;
    return Object.prototype.hasOwnProperty.call(row, name) ? (row as Record<string, unknown>)[name] : undefined;
  };
}

/** Reads answers and weights into accumulators, for records and for rows with accessors alike. */
export class RowAdder<Row> {
  readonly #functionName: string;
  readonly #value: ((row: Row, index: number) => unknown) | undefined;
  readonly #weight: ((row: Row, index: number) => unknown) | undefined;
  scale: Scale | undefined;

  constructor(functionName: string, options: RowOptions<Row>) {
    this.#functionName = functionName;
    this.#value = options.value;
    this.#weight = options.weights;
    this.scale = options.scale;
    if (options.value !== undefined && typeof options.value !== 'function') fail(functionName, 'invalid_option', 'invalid_value', 'an accessor (row, index) => answer', options.value, ['options', 'value']);
    if (options.weights !== undefined && typeof options.weights !== 'function') fail(functionName, 'invalid_option', 'invalid_value', 'an accessor (row, index) => weight', options.weights, ['options', 'weights']);
  }

  /** The scale, taken from the first record when not given. */
  scaleFor(row: Row): Scale {
    if (this.scale === undefined) {
      if (isResponseRecord(row)) this.scale = row.scale;
      else fail(this.#functionName, 'invalid_option', 'invalid_value', 'a scale (options.scale), or rows that are records made by ingest', row, ['options', 'scale']);
    }
    return this.scale;
  }

  /** A fresh accumulator on the scale. */
  accumulator(scale: Scale): Accumulator {
    return new Accumulator(this.#functionName, scale, DEFAULT_MAX_INVALID_EXAMPLES);
  }

  /** Adds one row's answer (and weight) to an accumulator. */
  add(accumulator: Accumulator, row: Row, index: number): void {
    if (this.#value === undefined && isResponseRecord(row)) {
      const record = row as ResponseRecord;
      if (record.scale !== accumulator.scale) assertSameScale(this.#functionName, accumulator.scale, record.scale, ['rows', index, 'scale']);
      accumulator.addOne(record.score, this.#weight === undefined ? record.weight : this.#weight(row, index), index);
      return;
    }
    const answer = this.#value === undefined ? row : this.#value(row, index);
    accumulator.addOne(answer, this.#weight === undefined ? undefined : this.#weight(row, index), index);
  }
}
