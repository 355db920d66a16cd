import type { ResponseRecord } from './ResponseRecord.js';

/** What a field reader returns when the row has no such field at all (not the same as an empty one). */
export const ABSENT: unique symbol = Symbol('absent');

/** The fields every record has; any other name given for a record is an attribute. */
const LISTED_RECORD_FIELDS = [
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
/** The names, for checking at run time. */
export const RECORD_FIELDS: readonly (keyof ResponseRecord)[] = LISTED_RECORD_FIELDS;
type Unlisted = Exclude<keyof ResponseRecord, (typeof LISTED_RECORD_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : never = true;
void everyFieldListed;

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
  if (records) {
    if (recordFields.has(name)) return (row) => (row as Record<string, unknown>)[name];
    return (row) => {
      const attributes = (row as ResponseRecord).attributes;
      return hasOwn(attributes, name) ? attributes[name] : ABSENT;
    };
  }
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
export function namesOf(row: unknown, records: boolean): string[] {
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
 * record field never filled in is as useless as a missing one).
 */
export class NamedField {
  /** The name. */
  readonly name: string;
  readonly #read: (row: unknown) => unknown;
  readonly #emptyIsMissing: boolean;
  /** Rows without it. */
  missing = 0;
  /** Names the first row offered, for the hint. */
  #offered: string[] | undefined;

  constructor(name: string, records: boolean, emptyIsMissing: boolean) {
    this.name = name;
    this.#read = fieldReader(name, records);
    this.#emptyIsMissing = emptyIsMissing;
  }

  /** The value of the field in a row, or ABSENT. */
  read(row: unknown): unknown {
    const value = this.#read(row);
    if (value === ABSENT || (this.#emptyIsMissing && value === undefined)) {
      this.#offered ??= namesOf(row, isRecordRow(row));
      this.missing++;
    }
    return value;
  }

  /** The names rows offered instead, for a "did you mean" hint. */
  get offered(): readonly string[] {
    return this.#offered ?? [];
  }
}

/** Whether a row looks like a record (it has the record's `attributes` and `scale`), for hints only. */
function isRecordRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && 'scale' in row && 'attributes' in row && 'scaleId' in row;
}
