import type { EveryKeyListed } from '../internal/options.js';
import type { ResponseRecord } from './ResponseRecord.js';

/** What a field reader returns when the row has no such field at all (not the same as an empty one). */
export const ABSENT: unique symbol = Symbol('absent');

/** The fields every record has; any other name given for a record is an attribute. */
const RECORD_FIELDS = [
  'scale',
  'scaleId',
  'score',
  'respondentId',
  'customerId',
  'submittedAt',
  'weight',
  'interactionId',
  'touchpoint',
  'channel',
  'attributes',
  'row',
] as const satisfies readonly (keyof ResponseRecord)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof ResponseRecord, (typeof RECORD_FIELDS)[number]>;

const recordFields: ReadonlySet<string> = new Set(RECORD_FIELDS);
const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Whether a name is a record field (and so can never be an attribute name). */
export function isRecordField(name: string): boolean {
  return recordFields.has(name);
}

/**
 * Reads a field by name, by one documented rule everywhere a name is given (segments, trends,
 * accessors given as names, ingestion columns):
 *
 * - for records: a record field (`channel`, `customerId`…) is read from the record; any other
 *   name is an attribute, read from `attributes` ({@link ABSENT} when the record has none of that name);
 * - for other rows: the row's property of that name, never one inherited from `Object.prototype`
 *   (so `constructor` and `__proto__` are plain names), and a header with a byte-order mark
 *   (`\uFEFFname`) counts as the name; {@link ABSENT} when the row has no such property.
 */
export function fieldReader(name: string, records: boolean): (row: unknown) => unknown {
  if (records) return (row) => readRecordField(row, name);
  const marked = `\uFEFF${name}`;
  // Only names that Object.prototype has can be inherited by a plain row: check ownership for those alone.
  if (name in Object.prototype) {
    return (row) => {
      if (typeof row !== 'object' || row === null) return ABSENT;
      if (hasOwn(row, name)) return (row as Record<string, unknown>)[name];
      return hasOwn(row, marked) ? (row as Record<string, unknown>)[marked] : ABSENT;
    };
  }
  return (row) => {
    if (typeof row !== 'object' || row === null) return ABSENT;
    const value = (row as Record<string, unknown>)[name];
    if (value !== undefined || name in row) return value;
    return hasOwn(row, marked) ? (row as Record<string, unknown>)[marked] : ABSENT;
  };
}

/** The names a row offers, for "did you mean" hints: record fields with a value and attributes, or a row's own keys. */
function namesOf(row: unknown, records: boolean): string[] {
  if (typeof row !== 'object' || row === null) return [];
  if (records) {
    const record = row as ResponseRecord;
    return [...RECORD_FIELDS.filter((field) => record[field] !== undefined && field !== 'attributes'), ...Object.keys(record.attributes)] as string[];
  }
  return Object.keys(row).map((key) => key.replace(/^\uFEFF/, ''));
}

/**
 * A field read by name over many rows, counting the rows that did not have it, so that a name
 * found on no row (a misspelling) is an error with the near names, never a column of `undefined`.
 * `emptyIsMissing` also counts rows where the value is `undefined` (for segment keys, where a
 * record field never filled in is as useless as a missing one). A missing field reads as
 * {@link ABSENT}, or as `undefined` when asked (segment keys).
 */
export class NamedField {
  /** The name. */
  readonly name: string;
  /** Rows without it. */
  missing = 0;
  readonly #records: boolean;
  readonly #inherited: boolean;
  /** A plain row's own property, by a name no prototype has: the one-load fast path. */
  readonly #plain: boolean;
  readonly #marked: string;
  readonly #emptyIsMissing: boolean;
  readonly #absent: unknown;
  #offered: string[] | undefined;

  constructor(name: string, records: boolean, emptyIsMissing: boolean, absentAsUndefined = false) {
    this.name = name;
    this.#records = records;
    this.#inherited = name in Object.prototype;
    this.#plain = !records && !this.#inherited;
    this.#marked = `\uFEFF${name}`;
    this.#emptyIsMissing = emptyIsMissing;
    this.#absent = absentAsUndefined ? undefined : ABSENT;
  }

  /**
   * The value of the field in a row, or the absent value. A method rather than a closure, so the
   * call on the hot path of every table goes to one target, which the engine inlines.
   */
  read(row: unknown): unknown {
    if (this.#plain && typeof row === 'object' && row !== null) {
      const value = (row as Record<string, unknown>)[this.name];
      if (value !== undefined) return value;
    }
    return this.#slow(row);
  }

  /** Every case but a plain row that has the field with a value: records, inherited names, holes in the data. */
  #slow(row: unknown): unknown {
    const name = this.name;
    let value: unknown = ABSENT;
    if (this.#records) value = readRecordField(row, name);
    else if (typeof row === 'object' && row !== null) {
      if (this.#inherited ? hasOwn(row, name) : name in row) value = (row as Record<string, unknown>)[name];
      else if (hasOwn(row, this.#marked)) value = (row as Record<string, unknown>)[this.#marked];
    }
    if (value === ABSENT || (this.#emptyIsMissing && value === undefined)) {
      this.#offered ??= namesOf(row, isRecordRow(row));
      this.missing++;
    }
    return value === ABSENT ? this.#absent : value;
  }

  /** The names rows offered instead, for a "did you mean" hint. */
  get offered(): readonly string[] {
    return this.#offered ?? [];
  }
}

/** A record field, or else an attribute, by name (ABSENT when the record has neither). */
function readRecordField(row: unknown, name: string): unknown {
  if (recordFields.has(name)) return (row as Record<string, unknown>)[name];
  const attributes = (row as ResponseRecord).attributes;
  return hasOwn(attributes, name) ? attributes[name] : ABSENT;
}

/** Whether a row looks like a record (it has the record's `attributes` and `scale`), for hints only. */
function isRecordRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && 'scale' in row && 'attributes' in row && 'scaleId' in row;
}
