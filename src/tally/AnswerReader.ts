import type { CxMetricsIssue, CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { fail, makeIssue, throwIssues, type Path } from '../internal/issue.js';
import { isWeight, WEIGHT_EXPECTED, weightIssueCode } from '../internal/isWeight.js';
import { didYouMean } from '../internal/nearNames.js';
import type { FieldSource } from '../records/IngestMapping.js';
import { assertRecord, isRecord } from '../records/isResponseRecord.js';
import { ABSENT, NamedField } from '../records/readField.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import { assertSameScale } from '../scales/isSameScale.js';
import type { Accumulator } from './Accumulator.js';

/**
 * How answers are read from rows, the same for every function that reads them (tallies, scores,
 * segments, trends): records from `ingest` bring their own score, scale and weight; other rows go
 * through `value` (a field name or an accessor `(row, index) => answer`), and without it each
 * row is the answer itself.
 */
export interface AnswerOptions<Row = unknown> {
  /** The scale of the answers. Default: the scale of the records (required for other rows). */
  readonly scale?: Scale | undefined;
  /** Where the answer is: a field name (an own property; for records a field or attribute) or an accessor. */
  readonly value?: FieldSource<Row> | undefined;
  /**
   * One weight per answer: an array (by index), a field name or an accessor. Every answer then
   * needs a weight: a missing one (undefined, a hole) is an error, never read as 1. Records bring
   * their own weights.
   */
  readonly weights?: ArrayLike<number> | FieldSource<Row> | undefined;
}

const MAX_WEIGHT_ISSUES = 100;
/** The readings: records, rows with weights, rows through `value`, bare answers. */
const RECORDS = 1;
const WEIGHTED = 2;
const VALUES = 3;
const ANSWERS = 4;

/**
 * The one place that decides how a row becomes an answer and a weight (records, accessors or bare
 * answers), chosen once from the first row and then applied to every row, with the rules every
 * reading path shares: a missing weight is an error; records with and without weights do not mix;
 * a value or weight named by a field that no row has is an error naming the near names.
 */
export class AnswerReader<Row> {
  readonly #fn: string;
  readonly #rowsPath: Path;
  readonly #valueOption: FieldSource<Row> | undefined;
  readonly #weightsOption: ArrayLike<number> | FieldSource<Row> | undefined;
  #value: ((row: Row, index: number) => unknown) | undefined;
  #valueName: NamedField | undefined;
  #weightAt: ((row: Row, index: number) => unknown) | undefined;
  #weightName: NamedField | undefined;
  #weightArray: ArrayLike<unknown> | undefined;
  /** The scale: the option, or the first record's. */
  scale: Scale | undefined;
  #mode: typeof RECORDS | typeof WEIGHTED | typeof VALUES | typeof ANSWERS | undefined;
  readonly #weightIssues: CxMetricsIssue[] = [];
  #weightIssueCount = 0;
  #firstWeighted = -1;
  #firstUnweighted = -1;

  constructor(functionName: string, options: AnswerOptions<Row>, rowsPath: Path, optionsPath: Path = ['options']) {
    const fn = functionName;
    this.#fn = fn;
    this.#rowsPath = rowsPath;
    this.scale = options.scale === undefined ? undefined : checkScale(fn, options.scale, [...optionsPath, 'scale']);
    const { value, weights } = options;
    if (value !== undefined && typeof value !== 'string' && typeof value !== 'function') {
      fail(fn, 'invalid_option', 'invalid_type', 'a field name or an accessor (row, index) => answer', value, [...optionsPath, 'value']);
    }
    if (weights !== undefined && typeof weights !== 'string' && typeof weights !== 'function' && !isArrayLike(weights)) {
      fail(fn, 'invalid_option', 'invalid_type', 'an array of weights, a field name, or an accessor (row, index) => weight', weights, [...optionsPath, 'weights']);
    }
    this.#valueOption = value;
    this.#weightsOption = weights;
    // An array of weights is read by index, and known before the first row.
    if (isArrayLike(weights)) {
      const array: ArrayLike<unknown> = weights;
      this.#weightArray = array;
      this.#weightAt = (_row, index) => (index < array.length && index in array ? array[index] : undefined);
    }
  }

  /** Whether the rows are records (known after `start`). */
  get records(): boolean {
    return this.#mode === RECORDS;
  }

  /** Whether a plain answer loop can count this input (no accessor, no weights, not records). */
  get bare(): boolean {
    return this.#valueOption === undefined && this.#weightsOption === undefined;
  }

  /** Chooses the reading from the first row (records or not), and the scale. */
  start(first: unknown): void {
    if (this.#mode !== undefined) return;
    const records = isRecord(first);
    const value = this.#valueOption;
    const weights = this.#weightsOption;
    if (records && value !== undefined) {
      fail(this.#fn, 'invalid_option', 'invalid_value', 'no value option for records: a record brings its own score, scale and weight', value, ['options', 'value']);
    }
    if (!records && value === undefined && looksLikeRecord(first)) assertRecord(this.#fn, first, [...this.#rowsPath, 0]);
    // Names are read by the one rule: for records a record field, else an attribute.
    if (typeof value === 'string') {
      const field = (this.#valueName = new NamedField(value, false, false));
      this.#value = (row) => field.read(row);
    } else if (typeof value === 'function') this.#value = value;
    if (typeof weights === 'string') {
      const field = (this.#weightName = new NamedField(weights, records, false));
      this.#weightAt = (row) => field.read(row);
    } else if (typeof weights === 'function') this.#weightAt = weights;
    this.#mode = records ? RECORDS : this.#weightAt !== undefined ? WEIGHTED : this.#value === undefined ? ANSWERS : VALUES;
    if (this.scale === undefined && records) this.scale = (first as ResponseRecord).scale;
  }

  /**
   * Adds one row to an accumulator, by the reading `start` chose. A method with a switch rather
   * than a closure per reading: one call target on the hot path of every table, which the engine inlines.
   */
  add(accumulator: Accumulator, row: Row, index: number): void {
    switch (this.#mode) {
      case VALUES:
        accumulator.addAnswer((this.#value as (row: Row, index: number) => unknown)(row, index), index);
        return;
      case ANSWERS:
        accumulator.addAnswer(row, index);
        return;
      case WEIGHTED: {
        const weight = this.#checkWeight((this.#weightAt as (row: Row, index: number) => unknown)(row, index), index);
        accumulator.addWeighted(this.#value === undefined ? row : this.#value(row, index), weight, index);
        return;
      }
      case RECORDS:
        this.#addRecord(accumulator, row, index);
        return;
      default:
        throw new Error(`${this.#fn}: internal error, the answer reader was not started`);
    }
  }

  /** A record brings its own score, scale and weight; it must be on the scale of the first. */
  #addRecord(accumulator: Accumulator, row: Row, index: number): void {
    if (!isRecord(row)) assertRecord(this.#fn, row, [...this.#rowsPath, index], 'a record made by ingest, like the first row (records and other rows do not mix)');
    const record = row as ResponseRecord;
    const scale = this.scale as Scale;
    if (record.scale !== scale) assertSameScale(this.#fn, scale, record.scale, [...this.#rowsPath, index, 'scale']);
    const weightAt = this.#weightAt;
    const weight = weightAt === undefined ? record.weight : weightAt(row, index);
    if (weight === undefined && weightAt === undefined) {
      if (this.#firstUnweighted < 0) this.#firstUnweighted = index;
      if (accumulator.weightSums === undefined) accumulator.addAnswer(record.score, index);
      else accumulator.addWeighted(record.score, 1, index);
    } else {
      if (this.#firstWeighted < 0) this.#firstWeighted = index;
      accumulator.addWeighted(record.score, this.#checkWeight(weight, index), index);
    }
  }

  /** The weight of an answer, or 0 with the problem recorded (all are reported together). */
  #checkWeight(weight: unknown, index: number): number {
    if (isWeight(weight)) return weight;
    this.#weightIssueCount++;
    if (this.#weightIssues.length < MAX_WEIGHT_ISSUES) {
      const code: CxMetricsIssueCode = weightIssueCode(weight === ABSENT ? undefined : weight);
      const expected = code === 'missing' ? `${WEIGHT_EXPECTED}: every answer needs a weight once weights are given` : WEIGHT_EXPECTED;
      // Where the bad weight is: a record's weight, the row's field, the row an accessor read it
      // from (so compare* names group a or b), or the weights array given in the options.
      const field = this.#mode === RECORDS && this.#weightAt === undefined ? 'weight' : this.#weightName?.name;
      const path = this.#weightArray !== undefined ? ['weights', index] : field === undefined ? [...this.#rowsPath, index] : [...this.#rowsPath, index, field];
      this.#weightIssues.push(makeIssue(this.#fn, code, expected, weight === ABSENT ? undefined : weight, path));
    }
    return 0;
  }

  /** An array hole in the input: an answer that is not there. */
  hole(accumulator: Accumulator, index: number): void {
    if (this.#weightArray !== undefined) this.#checkWeight(this.#weightAt?.(undefined as Row, index), index);
    accumulator.addHole(index);
  }

  /**
   * Checks what can only be checked after the last row: the number of weights, records with and
   * without weights, and names that no row had. `rows` is the number of rows read.
   */
  finish(rows: number): void {
    const fn = this.#fn;
    if (this.#weightArray !== undefined && this.#weightArray.length !== rows) {
      fail(fn, 'invalid_weights', 'mismatch', `${rows} weights, one per answer`, `${this.#weightArray.length} weights`, ['options', 'weights']);
    }
    if (this.#firstWeighted >= 0 && this.#firstUnweighted >= 0) {
      fail(
        fn,
        'invalid_weights',
        'missing',
        `a weight on every record or on none (record ${this.#firstWeighted} has one; map and require the weight column when ingesting: required: ['weight'])`,
        undefined,
        [...this.#rowsPath, this.#firstUnweighted, 'weight'],
      );
    }
    for (const [field, option] of [[this.#valueName, 'value'], [this.#weightName, 'weights']] as const) {
      if (field !== undefined && rows > 0 && field.missing === rows) {
        fail(fn, 'invalid_option', 'unknown_name', `a field that rows have${didYouMean(field.name, field.offered)}`, field.name, ['options', option]);
      }
    }
    if (this.#weightIssueCount > 0) throwIssues(fn, 'invalid_weights', this.#weightIssues, this.#weightIssueCount);
  }
}

/** Whether a value has the shape of a record (a copy of one, since it is not one). */
function looksLikeRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'scaleId' in value && 'scale' in value && 'attributes' in value && 'score' in value;
}

/** True for arrays, typed arrays and other objects with a numeric length (but not strings or functions). */
function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value)) return true;
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  return typeof value === 'object' && value !== null && typeof (value as { length?: unknown }).length === 'number';
}
