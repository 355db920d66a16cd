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
export function fieldReader(name: string, records: boolean): (row: unknown) => unknown {
  const hasOwn = Object.prototype.hasOwnProperty;
  if (records && !RECORD_FIELDS.has(name)) {
    return (row) => {
      const attributes = (row as ResponseRecord).attributes;
      return hasOwn.call(attributes, name) ? attributes[name] : undefined;
    };
  }
  // Only a name that Object.prototype has can be inherited by a plain row; check ownership for those alone.
  if (name in Object.prototype) {
    return (row) => (typeof row === 'object' && row !== null && hasOwn.call(row, name) ? (row as Record<string, unknown>)[name] : undefined);
  }
  return (row) => (typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[name] : undefined);
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

  /**
   * The function that adds one row to an accumulator, chosen once for the whole input: records
   * bring their score and weight; other rows go through the accessors. The unweighted path
   * counts in place with the same test as the tally's hot loop.
   */
  adder(records: boolean): (accumulator: Accumulator, row: Row, index: number) => void {
    const value = this.#value;
    const weight = this.#weight;
    const functionName = this.#functionName;
    if (records && value === undefined) {
      return (accumulator, row, index) => {
        if (!isResponseRecord(row)) fail(functionName, 'invalid_input', 'invalid_type', 'a record made by ingest, like the first row', row, ['rows', index]);
        const record = row as ResponseRecord;
        if (record.scale !== accumulator.scale) assertSameScale(functionName, accumulator.scale, record.scale, ['rows', index, 'scale']);
        accumulator.addOne(record.score, weight === undefined ? record.weight : weight(row, index), index);
      };
    }
    if (value === undefined) fail(functionName, 'invalid_option', 'invalid_value', 'an accessor (row, index) => answer, for rows that are not records', undefined, ['options', 'value']);
    if (weight !== undefined) return (accumulator, row, index) => accumulator.addOne(value(row, index), weight(row, index), index);
    return (accumulator, row, index) => {
      const answer = value(row, index);
      if (typeof answer === 'number' && accumulator.weightSums === undefined) {
        const at = answer - accumulator.min;
        if (at >>> 0 === at && at <= accumulator.max - accumulator.min) {
          accumulator.counts[at]!++;
          return;
        }
      }
      accumulator.addOther(answer, index, 1);
    };
  }
}
