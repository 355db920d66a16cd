import { fail, type Path } from '../internal/issue.js';
import type { Scale } from '../scales/defineScale.js';
import { Accumulator, DEFAULT_MAX_INVALID_EXAMPLES } from './Accumulator.js';
import type { AnswerReader } from './AnswerReader.js';
import type { Tally } from './Tally.js';

/** A value a group key part can take: any primitive (strings like `__proto__` included). */
export type SegmentKeyValue = string | number | boolean | bigint | null | undefined;

const isPrimitive = (value: unknown): value is SegmentKeyValue => value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol' && !Number.isNaN(value));

interface Group {
  readonly key: readonly SegmentKeyValue[];
  readonly accumulator: Accumulator;
}

/**
 * Rows into one tally per key, in one pass: the engine under segment tables (a key per segment
 * or cross-tab cell), trends and windows (a local day), and per-customer state. Memory grows with
 * the keys, never with the rows. A key is one primitive or a fixed number of primitives (a
 * cross-tab); keys are held in Maps, so any string is just a name. The answers are read by the
 * one {@link AnswerReader}.
 */
export class TallyGroups<Row> {
  readonly #fn: string;
  readonly #rowsPath: Path;
  readonly reader: AnswerReader<Row>;
  readonly #maxExamples: number;
  #depth: number | undefined;
  /** Whether keys are arrays (a cross-tab), from the first key. */
  #arrayKeys = false;
  readonly #single = new Map<unknown, Accumulator>();
  readonly #nested = new Map<unknown, unknown>();
  readonly #groups: Group[] = [];

  constructor(functionName: string, reader: AnswerReader<Row>, rowsPath: Path, maxExamples: number = DEFAULT_MAX_INVALID_EXAMPLES) {
    this.#fn = functionName;
    this.#rowsPath = rowsPath;
    this.reader = reader;
    this.#maxExamples = maxExamples;
  }

  /** The scale every group is on: the reader's, or an error when neither options nor records give one. */
  get scale(): Scale {
    const scale = this.reader.scale;
    if (scale === undefined) fail(this.#fn, 'invalid_option', 'invalid_value', 'a scale (options.scale), or rows that are records made by ingest', undefined, ['options', 'scale']);
    return scale;
  }

  #create(parts: readonly unknown[], index: number): Accumulator {
    parts.forEach((part, at) => {
      if (!isPrimitive(part)) fail(this.#fn, 'invalid_input', 'invalid_type', 'a segment key value that is a string, number (not NaN), boolean, null or undefined', part, [...this.#rowsPath, index, 'key', at]);
    });
    const accumulator = new Accumulator(this.scale, this.#maxExamples);
    this.#groups.push({ key: Object.freeze([...(parts as readonly SegmentKeyValue[])]), accumulator });
    return accumulator;
  }

  #depthOf(key: unknown, index: number): number {
    const depth = Array.isArray(key) ? key.length : 1;
    if (this.#depth === undefined) {
      if (depth === 0) fail(this.#fn, 'invalid_input', 'invalid_value', 'a key of at least one value', key, [...this.#rowsPath, index, 'key']);
      this.#depth = depth;
    } else if (depth !== this.#depth || (this.#depth === 1 && Array.isArray(key) !== this.#arrayKeys)) {
      const shape = this.#depth === 1 ? (this.#arrayKeys ? 'an array of 1 value' : 'a single value, not an array') : `an array of ${this.#depth} values`;
      fail(this.#fn, 'invalid_input', 'mismatch', `a key shaped like the first row's: ${shape}`, key, [...this.#rowsPath, index, 'key']);
    }
    return depth;
  }

  /** The accumulator of a key, made on first sight. */
  accumulator(key: unknown, index: number): Accumulator {
    if (this.#depth === 1 && !this.#arrayKeys && !Array.isArray(key)) {
      const found = this.#single.get(key);
      if (found !== undefined) return found;
    }
    if (this.#depth === undefined) this.#arrayKeys = Array.isArray(key);
    const depth = this.#depthOf(key, index);
    if (depth === 1 && !this.#arrayKeys) {
      const accumulator = this.#create([key], index);
      this.#single.set(key, accumulator);
      return accumulator;
    }
    const parts = Array.isArray(key) ? (key as readonly unknown[]) : [key];
    let level = this.#nested;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = level.get(parts[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) level.set(parts[i], (next = new Map()));
      level = next;
    }
    const last = parts[parts.length - 1];
    let accumulator = level.get(last) as Accumulator | undefined;
    if (accumulator === undefined) level.set(last, (accumulator = this.#create(parts, index)));
    return accumulator;
  }

  /**
   * Adds one row under its key: for one-part keys, one Map lookup and the reader's add, as a
   * hand-written loop would do it. An array key (a cross-tab) is never in that Map.
   */
  add(key: unknown, row: Row, index: number): void {
    const found = this.#single.get(key);
    this.reader.add(found === undefined ? this.accumulator(key, index) : found, row, index);
  }

  /** Every group's key and tally, in order of first appearance, after the reader's final checks. */
  finish(rows: number): { readonly key: readonly SegmentKeyValue[]; readonly tally: Tally }[] {
    this.reader.finish(rows);
    return this.#groups.map((group) => ({ key: group.key, tally: group.accumulator.toTally() }));
  }
}
