import { fail, type Path } from '../internal/issue.js';

/** A value a group key part can take: any primitive (strings like `__proto__` included). */
export type SegmentKeyValue = string | number | boolean | bigint | null | undefined;

const isPrimitive = (value: unknown): value is SegmentKeyValue => value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol' && !Number.isNaN(value));

/** One group: its key (frozen, one part per field) and its state. */
export interface KeyedGroup<State> {
  readonly key: readonly SegmentKeyValue[];
  readonly state: State;
}

/**
 * Keys to states, in one pass: the grouping engine under every table of the library. A key is one
 * primitive or a fixed number of primitives (a cross-tab); keys are held in Maps, so any string is
 * just a name, and a key that is an object, a function or NaN is refused with the row it came
 * from. The state is whatever the caller keeps per group: a tally's {@link Accumulator} for a
 * segment or a local day, a customer's answers for the loyalty classifier. Memory grows with the
 * keys, never with the rows; groups come back in order of first appearance.
 */
export class KeyedGroups<State> {
  readonly #fn: string;
  readonly #rowsPath: Path;
  readonly #create: (key: unknown, index: number) => State;
  #depth: number | undefined;
  /** Whether keys are arrays (a cross-tab), from the first key. */
  #arrayKeys = false;
  readonly #single = new Map<unknown, State>();
  readonly #nested = new Map<unknown, unknown>();
  /** Keys as met (a one-part key as itself, a cross-tab key as its checked parts) and their states: two lists, no object per group. */
  readonly #keys: unknown[] = [];
  readonly #states: State[] = [];

  /**
   * @param functionName - the public function, for errors
   * @param rowsPath - where the rows are in the caller's arguments, for errors
   * @param create - makes the state of a new key (checked first): a one-part key as itself, a cross-tab key as its frozen parts
   */
  constructor(functionName: string, rowsPath: Path, create: (key: unknown, index: number) => State) {
    this.#fn = functionName;
    this.#rowsPath = rowsPath;
    this.#create = create;
  }

  /** The state of a key, made on first sight: for one-part keys, one Map lookup, as a hand-written loop would do it. */
  get(key: unknown, index: number): State {
    const found = this.#single.get(key);
    return found === undefined ? this.#slow(key, index) : found;
  }

  /** How many groups there are. */
  get size(): number {
    return this.#states.length;
  }

  /** Every state, in order of first appearance. */
  states(): readonly State[] {
    return this.#states;
  }

  /** Every group's key (frozen, one part per field) and state, in order of first appearance. */
  groups(): readonly KeyedGroup<State>[] {
    const oneValue = !this.#arrayKeys;
    return this.#states.map((state, at) => ({ key: Object.freeze(oneValue ? [this.#keys[at] as SegmentKeyValue] : [...(this.#keys[at] as SegmentKeyValue[])]), state }));
  }

  /** A new key, a cross-tab key, or a key whose shape differs from the first. */
  #slow(key: unknown, index: number): State {
    if (this.#depth === undefined) this.#arrayKeys = Array.isArray(key);
    const depth = this.#depthOf(key, index);
    if (depth === 1 && !this.#arrayKeys) {
      const state = this.#make(key, undefined, index);
      this.#single.set(key, state);
      return state;
    }
    const parts = Array.isArray(key) ? (key as readonly unknown[]) : [key];
    let level = this.#nested;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = level.get(parts[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) level.set(parts[i], (next = new Map()));
      level = next;
    }
    const last = parts[parts.length - 1];
    let state = level.get(last) as State | undefined;
    if (state === undefined) level.set(last, (state = this.#make(undefined, parts, index)));
    return state;
  }

  /** The state of a new key: a one-part key as itself, or the parts of a cross-tab key. */
  #make(single: unknown, parts: readonly unknown[] | undefined, index: number): State {
    const refuse = (part: unknown, at: number): never => fail(this.#fn, 'invalid_input', 'invalid_type', 'a segment key value that is a string, number (not NaN), boolean, null or undefined', part, [...this.#rowsPath, index, 'key', at]);
    if (parts === undefined) {
      if (!isPrimitive(single)) refuse(single, 0);
    } else parts.forEach((part, at) => isPrimitive(part) || refuse(part, at));
    const state = this.#create(parts === undefined ? single : Object.freeze([...parts]), index);
    this.#keys.push(parts === undefined ? single : [...parts]);
    this.#states.push(state);
    return state;
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
}
