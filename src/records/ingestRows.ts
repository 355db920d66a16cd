import type { CxMetricsIssue, CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { describeValue } from '../internal/describeValue.js';
import { fail, throwIssues } from '../internal/issue.js';
import { isWeight, WEIGHT_EXPECTED } from '../internal/isWeight.js';
import { checkChoice, checkKnownOptions } from '../internal/options.js';
import type { Scale } from '../scales/defineScale.js';
import { checkMaxLength, DEFAULT_MAX_CELL_LENGTH, parseAnswer, type ParseAnswerOptions } from './parseAnswer.js';
import { parseTimestamp, type ParseTimestampOptions } from './parseTimestamp.js';
import { MAX_TEXT_LENGTH } from './ResponseInput.js';
import { makeRecord } from './isResponseRecord.js';
import type { AttributeValue, ResponseRecord } from './ResponseRecord.js';
import type { StandardSchemaResult, StandardSchemaV1 } from './StandardSchema.js';

/** Where a field comes from: a column name (an own key of the row, or a header in `columns`), or an accessor. */
export type FieldSource<Row = never> = string | ((row: Row, index: number) => unknown);

/** The record fields besides the score that a mapping can fill. */
export type RecordField = 'respondentId' | 'customerId' | 'submittedAt' | 'weight' | 'interactionId' | 'touchpoint' | 'channel';

/**
 * Which column holds what, and which scale applies. Every field not named here is read from the
 * column of its own name (`score` from `score`, `respondentId` from `respondentId`…), so the
 * wire form ({@link ResponseInput}) needs only `{ scale }`.
 */
export interface IngestMapping<S extends Scale = Scale, Row = never> {
  /** The scale of the score column. */
  readonly scale: S;
  /** The score (default: the column `score`). */
  readonly score?: FieldSource<Row> | undefined;
  /** The respondent id. */
  readonly respondentId?: FieldSource<Row> | undefined;
  /** The customer id. */
  readonly customerId?: FieldSource<Row> | undefined;
  /** The timestamp. */
  readonly submittedAt?: FieldSource<Row> | undefined;
  /** The weight. */
  readonly weight?: FieldSource<Row> | undefined;
  /** The interaction (ticket, call…) id. */
  readonly interactionId?: FieldSource<Row> | undefined;
  /** The touchpoint. */
  readonly touchpoint?: FieldSource<Row> | undefined;
  /** The channel. */
  readonly channel?: FieldSource<Row> | undefined;
  /**
   * Segment attributes: column names to copy under their own names, or an object from attribute
   * name to source. Default: the entries of an `attributes` object on the row, if any.
   */
  readonly attributes?: readonly string[] | Readonly<Record<string, FieldSource<Row>>> | undefined;
  /** Fields that must not be empty; a row without them is rejected (`missing`). */
  readonly required?: readonly RecordField[] | undefined;
}

/** Options for {@link ingest} and {@link ingestAsync}. */
export interface IngestOptions<Row = never> {
  /** `'report'` (default): return rejected rows in the report. `'throw'`: throw one `invalid_rows` error carrying every issue. */
  readonly onInvalid?: 'report' | 'throw' | undefined;
  /** Read "7,0" and "1,5" with a comma decimal (scores and weights). Default false. */
  readonly decimalComma?: boolean | undefined;
  /** What numeric timestamps count: `'ms'` (default) or `'s'` (Unix seconds). */
  readonly timestampUnit?: 'ms' | 's' | undefined;
  /** The earliest acceptable timestamp. Default 2000-01-01T00:00:00Z. */
  readonly earliest?: Date | undefined;
  /** The latest acceptable timestamp. Default one day after now. */
  readonly latest?: Date | undefined;
  /** Header names when rows are arrays (as a CSV parser without headers gives them). */
  readonly columns?: readonly string[] | undefined;
  /** Strings longer than this are refused before parsing (`too_long`). Default 1000. */
  readonly maxCellLength?: number | undefined;
  /**
   * Your own Standard Schema validator (zod, valibot, arktype, ours…) for the row, run first:
   * a row it refuses is rejected with code `schema`, and the mapping reads its output.
   * `ingest` needs a synchronous validator; `ingestAsync` awaits async ones.
   */
  readonly schema?: StandardSchemaV1<unknown, Row> | undefined;
}

/** One problem of a rejected row. */
export interface IngestIssue extends CxMetricsIssue {
  /** The index of the row in the input. */
  readonly row: number;
  /** The record field (`score`, `submittedAt`, `attributes.plan`…), or `row` for the row itself. */
  readonly field: string;
  /** The column read, when the field came from a named column. */
  readonly column: string | undefined;
}

/** A row that did not become a record, with every reason. */
export interface RejectedRow {
  /** The index of the row in the input. */
  readonly row: number;
  /** Every problem found in it. */
  readonly issues: readonly IngestIssue[];
}

/** What {@link ingest} returns: the records, the rejected rows, and the counts. `accepted + rejected.length === total`, always. */
export interface IngestResult<S extends Scale = Scale> {
  /** The accepted rows as records, in input order. */
  readonly records: readonly ResponseRecord<S>[];
  /** The rejected rows with their reasons, in input order. */
  readonly rejected: readonly RejectedRow[];
  /** Rows in. */
  readonly total: number;
  /** Rows accepted (`records.length`). */
  readonly accepted: number;
}

const FIELDS: readonly RecordField[] = ['respondentId', 'customerId', 'submittedAt', 'weight', 'interactionId', 'touchpoint', 'channel'];
const MAPPING_KEYS = ['scale', 'score', ...FIELDS, 'attributes', 'required'];
const OPTION_KEYS = ['onInvalid', 'decimalComma', 'timestampUnit', 'earliest', 'latest', 'columns', 'maxCellLength', 'schema'];
/** One shared, frozen, prototype-free object for the many records without attributes. */
const NO_ATTRIBUTES: Record<string, AttributeValue> = Object.freeze(Object.create(null) as Record<string, AttributeValue>);
const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function isPlainRow(row: unknown): row is Record<string, unknown> {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}

/** The per-row engine shared by `ingest` and `ingestAsync`: validate once, then read rows one by one. */
export class RowIngester<S extends Scale, Row> {
  readonly #fn: string;
  readonly #mapping: IngestMapping<S, Row>;
  readonly #options: IngestOptions<Row>;
  readonly #columnIndex: ReadonlyMap<string, number> | undefined;
  readonly #answerOptions: ParseAnswerOptions;
  readonly #timeOptions: ParseTimestampOptions;
  readonly #attributeSources: readonly (readonly [string, FieldSource<Row>])[] | undefined;
  readonly #records: ResponseRecord<S>[] = [];
  readonly #rejected: RejectedRow[] = [];
  #total = 0;

  constructor(functionName: string, mapping: IngestMapping<S, Row>, options: IngestOptions<Row>) {
    this.#fn = functionName;
    this.#mapping = mapping;
    this.#options = options;
    const fn = functionName;
    if (typeof mapping !== 'object' || mapping === null) fail(fn, 'invalid_option', 'invalid_value', 'a mapping object with a scale', mapping, ['mapping']);
    checkKnownOptions(fn, mapping, MAPPING_KEYS);
    const { scale } = mapping;
    if (typeof scale !== 'object' || scale === null || typeof scale.min !== 'number' || !Array.isArray(scale.bands)) {
      fail(fn, 'invalid_option', 'invalid_value', 'a scale (a preset from `scales` or one made by defineScale)', scale, ['mapping', 'scale']);
    }
    for (const key of ['score', ...FIELDS] as const) {
      const source = mapping[key];
      if (source !== undefined && typeof source !== 'string' && typeof source !== 'function') {
        fail(fn, 'invalid_option', 'invalid_value', 'a column name or an accessor function', source, ['mapping', key]);
      }
    }
    for (const field of mapping.required ?? []) {
      if (!FIELDS.includes(field)) fail(fn, 'invalid_option', 'invalid_value', `one of ${FIELDS.join(', ')}`, field, ['mapping', 'required']);
    }
    if (typeof options !== 'object' || options === null) fail(fn, 'invalid_option', 'invalid_value', 'an options object', options, ['options']);
    checkKnownOptions(fn, options, OPTION_KEYS);
    checkChoice(fn, options.onInvalid ?? 'report', ['report', 'throw'], ['options', 'onInvalid']);
    checkChoice(fn, options.timestampUnit ?? 'ms', ['ms', 's'], ['options', 'timestampUnit']);
    checkMaxLength(fn, options.maxCellLength, ['options', 'maxCellLength']);
    for (const key of ['earliest', 'latest'] as const) {
      const bound = options[key];
      if (bound !== undefined && !(bound instanceof Date && Number.isFinite(bound.getTime()))) fail(fn, 'invalid_option', 'invalid_date', 'a valid Date', bound, ['options', key]);
    }
    if (options.schema !== undefined && typeof options.schema?.['~standard']?.validate !== 'function') {
      fail(fn, 'invalid_option', 'invalid_value', 'a Standard Schema validator (an object with ~standard.validate)', options.schema, ['options', 'schema']);
    }
    // Built once per call, not per row; "now" is read once, so every row of a batch meets the same bound.
    this.#answerOptions = { decimalComma: options.decimalComma, maxLength: options.maxCellLength ?? DEFAULT_MAX_CELL_LENGTH };
    this.#timeOptions = { unit: options.timestampUnit, earliest: options.earliest, latest: options.latest ?? new Date(Date.now() + 86_400_000) };
    const attributes = mapping.attributes;
    this.#attributeSources = Array.isArray(attributes)
      ? (attributes as readonly string[]).map((name) => [name, name] as const)
      : attributes !== undefined
        ? Object.entries(attributes as Record<string, FieldSource<Row>>)
        : undefined;
    if (options.columns !== undefined) {
      if (!Array.isArray(options.columns) || !options.columns.every((column) => typeof column === 'string')) {
        fail(fn, 'invalid_option', 'invalid_value', 'an array of column names', options.columns, ['options', 'columns']);
      }
      const index = new Map<string, number>();
      const duplicates = new Set<string>();
      options.columns.forEach((column, at) => (index.has(column) ? duplicates.add(column) : index.set(column, at)));
      for (const column of this.#mappedColumns()) {
        if (duplicates.has(column)) fail(fn, 'invalid_option', 'invalid_value', `a column name that appears once in options.columns (mapped column '${column}' appears more than once)`, column, ['options', 'columns']);
      }
      this.#columnIndex = index;
    }
  }

  /** Names of the columns the mapping reads, to check them against duplicated headers. */
  #mappedColumns(): string[] {
    const mapping = this.#mapping;
    const names = (['score', ...FIELDS] as const).map((key) => mapping[key] ?? key).filter((source): source is string => typeof source === 'string');
    const attributes = mapping.attributes;
    if (Array.isArray(attributes)) names.push(...(attributes as readonly string[]));
    else if (attributes !== undefined) names.push(...Object.values(attributes as Record<string, FieldSource<Row>>).filter((source): source is string => typeof source === 'string'));
    return names;
  }

  /** Reads a column of a row without ever reaching the prototype (`__proto__` is just a name). */
  #column(row: unknown, column: string): unknown {
    if (this.#columnIndex !== undefined) {
      const at = this.#columnIndex.get(column);
      return at === undefined || !Array.isArray(row) ? undefined : row[at];
    }
    return isPlainRow(row) && hasOwn(row, column) ? row[column] : undefined;
  }

  #read(row: Row, index: number, source: FieldSource<Row>): unknown {
    return typeof source === 'function' ? source(row, index) : this.#column(row, source);
  }

  /** Validates one raw row with the user's schema; undefined means "no schema". */
  schemaResult(row: unknown): StandardSchemaResult<Row> | Promise<StandardSchemaResult<Row>> | undefined {
    return this.#options.schema?.['~standard'].validate(row);
  }

  /** Takes one raw row, after the schema (if any) gave its result. */
  add(raw: unknown, checked: StandardSchemaResult<Row> | undefined): void {
    const index = this.#total++;
    const issues: IngestIssue[] = [];
    const problem = (field: string, column: string | undefined, code: CxMetricsIssueCode, expected: string, value: unknown): void => {
      const received = describeValue(value);
      const where = `row ${index}, ${field}${column === undefined ? '' : ` (column ${JSON.stringify(column)})`}`;
      issues.push({ row: index, field, column, code, expected, received, path: [index, field], message: `${this.#fn}: ${where}: expected ${expected}, got ${received}` });
    };
    let row = raw as Row;
    if (checked !== undefined) {
      if (checked.issues !== undefined) {
        for (const issue of checked.issues) {
          const path = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
          problem('row', undefined, 'schema', `a row your schema accepts${path === '' ? '' : ` (at ${path})`}: ${issue.message}`, raw);
        }
        this.#rejected.push(Object.freeze({ row: index, issues: Object.freeze(issues) }));
        return;
      }
      row = checked.value;
    }
    const arrayRows = this.#columnIndex !== undefined;
    if (arrayRows ? !Array.isArray(row) : !isPlainRow(row)) {
      problem('row', undefined, 'invalid_type', arrayRows ? 'an array of cells (options.columns is set)' : 'an object', row);
      this.#rejected.push(Object.freeze({ row: index, issues: Object.freeze(issues) }));
      return;
    }
    const mapping = this.#mapping;
    const options = this.#options;
    const maxLength = options.maxCellLength ?? DEFAULT_MAX_CELL_LENGTH;
    const required = mapping.required ?? [];
    const sourceOf = (key: 'score' | RecordField): FieldSource<Row> => mapping[key] ?? key;
    const columnOf = (source: FieldSource<Row>): string | undefined => (typeof source === 'string' ? source : undefined);

    const scoreSource = sourceOf('score');
    const scoreCell = this.#read(row, index, scoreSource);
    const parsed = parseAnswer(scoreCell, mapping.scale, this.#answerOptions);
    if (!parsed.ok) problem('score', columnOf(scoreSource), parsed.code, parsed.expected, scoreCell);

    const text = (field: RecordField): string | undefined => {
      const source = sourceOf(field);
      const cell = this.#read(row, index, source);
      let value: string | undefined;
      if (typeof cell === 'string') value = cell.trim() === '' ? undefined : cell.trim();
      else if (typeof cell === 'number' && Number.isSafeInteger(cell)) value = String(cell);
      else if (cell !== undefined && cell !== null) {
        problem(field, columnOf(source), 'invalid_type', `a string or a whole number`, cell);
        return undefined;
      }
      if (value !== undefined && value.length > MAX_TEXT_LENGTH) {
        problem(field, columnOf(source), 'too_long', `at most ${MAX_TEXT_LENGTH} characters`, cell);
        return undefined;
      }
      if (value === undefined && required.includes(field)) problem(field, columnOf(source), 'missing', 'a value (the mapping requires it)', cell);
      return value;
    };
    const respondentId = text('respondentId');
    const customerId = text('customerId');
    const interactionId = text('interactionId');
    const touchpoint = text('touchpoint');
    const channel = text('channel');

    const timeSource = sourceOf('submittedAt');
    const timeCell = this.#read(row, index, timeSource);
    const time = parseTimestamp(timeCell, this.#timeOptions);
    if (!time.ok) problem('submittedAt', columnOf(timeSource), time.code, time.expected, timeCell);
    else if (time.date === undefined && required.includes('submittedAt')) problem('submittedAt', columnOf(timeSource), 'missing', 'a value (the mapping requires it)', timeCell);

    const weightSource = sourceOf('weight');
    const weightCell = this.#read(row, index, weightSource);
    let weight: number | undefined;
    if (weightCell === undefined || weightCell === null || (typeof weightCell === 'string' && weightCell.trim() === '')) {
      if (required.includes('weight')) problem('weight', columnOf(weightSource), 'missing', 'a value (the mapping requires it)', weightCell);
    } else {
      const asNumber =
        typeof weightCell === 'number'
          ? weightCell
          : typeof weightCell === 'string' && weightCell.length <= maxLength && /^\s*\+?\d+([.,]\d+)?\s*$/.test(weightCell) && (options.decimalComma === true || !weightCell.includes(','))
            ? Number(weightCell.trim().replace(',', '.'))
            : Number.NaN;
      if (isWeight(asNumber)) weight = asNumber;
      else problem('weight', columnOf(weightSource), typeof weightCell === 'number' ? (Number.isFinite(weightCell) ? 'out_of_range' : 'not_finite') : 'not_a_number', WEIGHT_EXPECTED, weightCell);
    }

    let attributes: Record<string, AttributeValue> = NO_ATTRIBUTES;
    let attributeSources = this.#attributeSources;
    if (attributeSources === undefined) {
      const bag = this.#column(row, 'attributes');
      if (isPlainRow(bag)) attributeSources = Object.keys(bag).map((name) => [name, () => bag[name]] as const);
      else if (bag !== undefined && bag !== null) problem('attributes', 'attributes', 'invalid_type', 'an object of attributes', bag);
    }
    for (const [name, source] of attributeSources ?? []) {
      const cell = this.#read(row, index, source);
      if (cell === undefined) continue;
      const ok = cell === null || typeof cell === 'boolean' || (typeof cell === 'number' && Number.isFinite(cell)) || (typeof cell === 'string' && cell.length <= maxLength);
      if (!ok) problem(`attributes.${name}`, columnOf(source), typeof cell === 'string' ? 'too_long' : 'invalid_type', 'a string, finite number, boolean or null', cell);
      // A null-prototype object has no __proto__ setter: every name, that one included, becomes an own property.
      else {
        if (attributes === NO_ATTRIBUTES) attributes = Object.create(null) as Record<string, AttributeValue>;
        attributes[name] = cell as AttributeValue;
      }
    }

    if (issues.length > 0) {
      this.#rejected.push(Object.freeze({ row: index, issues: Object.freeze(issues) }));
      return;
    }
    this.#records.push(
      makeRecord({
        scale: mapping.scale,
        scaleId: mapping.scale.id,
        score: parsed.ok ? parsed.score : null,
        respondentId,
        customerId,
        submittedAt: time.ok ? time.date : undefined,
        weight,
        interactionId,
        touchpoint,
        channel,
        attributes: attributes === NO_ATTRIBUTES ? attributes : Object.freeze(attributes),
        row: index,
      }),
    );
  }

  /** The frozen result, or one `invalid_rows` error when asked to throw. */
  result(): IngestResult<S> {
    if (this.#options.onInvalid === 'throw' && this.#rejected.length > 0) {
      throwIssues(this.#fn, 'invalid_rows', this.#rejected.flatMap((rejected) => rejected.issues));
    }
    return Object.freeze({ records: Object.freeze(this.#records), rejected: Object.freeze(this.#rejected), total: this.#total, accepted: this.#records.length });
  }
}
