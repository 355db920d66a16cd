import type { CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { describeValue } from '../internal/describeValue.js';
import { fail, throwIssues, type Path } from '../internal/issue.js';
import { isWeight, WEIGHT_EXPECTED } from '../internal/isWeight.js';
import { didYouMean, nearNames } from '../internal/nearNames.js';
import { checkBoolean, checkChoice, checkNumber, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import type {
  ExcludeRule,
  FieldReport,
  FieldSource,
  IngestIssue,
  IngestMapping,
  IngestResult,
  IngestStreamOptions,
  IngestSummary,
  RecordField,
  RejectedRow,
  SkipValue,
} from './IngestMapping.js';
import { makeRecord } from './isResponseRecord.js';
import { checkMaxLength, DEFAULT_MAX_CELL_LENGTH, type ParseAnswerOptions, type ParsedAnswer, readAnswer, scanDecimal } from './parseAnswer.js';
import { ingestionBounds, readTimestamp, type TimestampRules, timestampRules } from './parseTimestamp.js';
import { ABSENT, fieldReader, isRecordField } from './readField.js';
import { MAX_TEXT_LENGTH } from './ResponseInput.js';
import type { AttributeValue, ResponseRecord } from './ResponseRecord.js';
import type { StandardSchemaResult } from './StandardSchema.js';

const TEXT_FIELDS = ['respondentId', 'customerId', 'interactionId', 'touchpoint', 'channel'] as const satisfies readonly RecordField[];
const FIELDS = ['respondentId', 'customerId', 'submittedAt', 'weight', 'interactionId', 'touchpoint', 'channel'] as const satisfies readonly RecordField[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<RecordField, (typeof FIELDS)[number]>;
const MAPPING_KEYS = ['scale', 'score', ...FIELDS, 'attributes', 'required'] as const satisfies readonly (keyof IngestMapping)[];
/** Every option of ingestStream (the widest), in the order the docs give them. */
const LISTED_STREAM_OPTION_KEYS = [
  'onInvalid',
  'decimalComma',
  'timestampUnit',
  'timeZone',
  'earliest',
  'latest',
  'columns',
  'skipRows',
  'skipValues',
  'exclude',
  'maxCellLength',
  'schema',
  'signal',
  'onRejected',
] as const satisfies readonly (keyof IngestStreamOptions)[];
/** Every option of ingestStream (the widest), for checking at run time. */
export const STREAM_OPTION_KEYS: readonly (keyof IngestStreamOptions)[] = LISTED_STREAM_OPTION_KEYS;
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof IngestStreamOptions | keyof IngestMapping, (typeof LISTED_STREAM_OPTION_KEYS)[number] | (typeof MAPPING_KEYS)[number]>;
const EXCLUDE_RULE_KEYS = ['column', 'values', 'reason'] as const satisfies readonly (keyof ExcludeRule)[];
true satisfies EveryKeyListed<keyof ExcludeRule, (typeof EXCLUDE_RULE_KEYS)[number]>;
/** The options of `ingest` (no signal, no callback). */
export const SYNC_OPTION_KEYS: readonly string[] = STREAM_OPTION_KEYS.filter((key) => key !== 'signal' && key !== 'onRejected');
/** The options of `ingestAsync` (a signal, no callback: it returns every rejected row). */
export const ASYNC_OPTION_KEYS: readonly string[] = STREAM_OPTION_KEYS.filter((key) => key !== 'onRejected');

/**
 * Attributes objects inherit nothing: their prototype is an empty, frozen object whose own
 * prototype is null, so any key (`__proto__`, `toString`) is plain data. A class with that
 * prototype makes them in fast mode; `Object.create(null)` made dictionary-mode objects, ten times
 * slower to fill and freeze (623 against 51 ns an object, measured on Node 20).
 */
class Attributes {}
// An empty prototype: without `constructor` (an inherited read-only key would refuse an attribute of that name).
delete (Attributes.prototype as { constructor?: unknown }).constructor;
Object.setPrototypeOf(Attributes.prototype, null);
Object.freeze(Attributes.prototype);
/** One shared, frozen object for the many records without attributes. */
const NO_ATTRIBUTES: Record<string, AttributeValue> = Object.freeze(new Attributes() as Record<string, AttributeValue>);
/** The most distinct score texts whose readings are kept (a free-text column must not grow memory). */
const MAX_KEPT_ANSWERS = 4096;
/** The exclude rule's column is absent from a row that has a near name. */
const MISSPELLED: unique symbol = Symbol('misspelled');
const isPlainRow = (row: unknown): row is Record<string, unknown> => typeof row === 'object' && row !== null && !Array.isArray(row);
const MISSING_EXPECTED = 'a value (the mapping requires it)';

/**
 * How a cell compares with skip values: numbers by value (`'-99'`, `' -99 '` and `-99` are one
 * value), text trimmed and ignoring case. Undefined for anything else.
 */
function skipKey(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? `n${value === 0 ? 0 : value}` : undefined;
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const text = value.trim();
  const number = scanDecimal(text, false);
  return number !== undefined ? `n${number === 0 ? 0 : number}` : `s${text.toLowerCase()}`;
}

/** How one field is read: its column (or accessor), its skip values, and its counts for the report. */
interface Plan {
  readonly field: string;
  readonly column: string | undefined;
  readonly source: FieldSource<unknown>;
  read: (row: unknown, index: number) => unknown;
  readonly skip: ReadonlySet<string> | undefined;
  present: number;
  skipped: number;
}

/**
 * The per-row engine of `ingest`, `ingestAsync` and `ingestStream`: the mapping and options are
 * checked once; then rows are taken one by one (headers, skipped rows, exclusions, the user's
 * schema, every field), each becoming a record or a rejected row with every issue.
 */
export class RowIngester<S extends Scale, Row> {
  readonly #fn: string;
  readonly #scale: S;
  readonly #throws: boolean;
  readonly #onRejected: (rejected: RejectedRow) => void;
  readonly #answerOptions: ParseAnswerOptions;
  readonly #time: TimestampRules;
  readonly #maxLength: number;
  readonly #decimalComma: boolean;
  readonly #required: ReadonlySet<string>;
  readonly #schema: IngestStreamOptions<Row, never>['schema'];
  readonly #arrayRows: boolean;
  #headerPending: boolean;
  /** The last row whose keys were read for a hint, its keys, and the hints for that shape of row. */
  #shapeRow: unknown = undefined;
  #shapeKeys: readonly string[] = [];
  readonly #shapeHints = new Map<Plan, string>();
  #skipLeft: number;
  #headers: readonly string[] | undefined;
  readonly #score: Plan;
  readonly #texts: readonly (readonly [RecordField, Plan])[];
  readonly #submittedAt: Plan;
  readonly #weight: Plan;
  readonly #attributes: readonly (readonly [string, Plan])[] | undefined;
  readonly #bag: Plan | undefined;
  readonly #excludeRule: { readonly plan: Plan; readonly values: ReadonlyMap<string, string> } | undefined;
  readonly #excludeFunction: ((row: never, index: number) => unknown) | undefined;
  #total = 0;
  #accepted = 0;
  #rejected = 0;
  #excluded = 0;
  #headerRows = 0;
  readonly #excludedReasons = new Map<string, number>();
  readonly #issueCounts = new Map<CxMetricsIssueCode, number>();
  /** Readings of score cells seen, by their text. */
  readonly #answers = new Map<string, ParsedAnswer>();

  constructor(functionName: string, mapping: IngestMapping<S, Row>, options: IngestStreamOptions<Row, never> | undefined, knownOptions: readonly string[], onRejected: (rejected: RejectedRow) => void) {
    const fn = functionName;
    this.#fn = fn;
    this.#onRejected = onRejected;
    const map = checkOptions(fn, mapping, MAPPING_KEYS, ['mapping'], 'mapping key');
    if (mapping === undefined) fail(fn, 'invalid_option', 'invalid_value', 'a mapping object with a scale', mapping, ['mapping']);
    this.#scale = checkScale<S>(fn, map.scale, ['mapping', 'scale']);
    const opts = checkOptions(fn, options, knownOptions);
    this.#throws = checkChoice(fn, opts.onInvalid ?? 'exclude', ['exclude', 'throw'], ['options', 'onInvalid']) === 'throw';
    this.#decimalComma = checkBoolean(fn, opts.decimalComma, false, ['options', 'decimalComma']);
    checkMaxLength(fn, opts.maxCellLength, ['options', 'maxCellLength']);
    this.#maxLength = opts.maxCellLength ?? DEFAULT_MAX_CELL_LENGTH;
    this.#answerOptions = { decimalComma: this.#decimalComma, maxLength: this.#maxLength };
    this.#time = timestampRules(fn, { timestampUnit: opts.timestampUnit, timeZone: opts.timeZone, earliest: opts.earliest, latest: opts.latest }, ['options'], ingestionBounds());
    if (opts.schema !== undefined && typeof opts.schema?.['~standard']?.validate !== 'function') {
      fail(fn, 'invalid_option', 'invalid_value', 'a Standard Schema validator (an object with ~standard.validate)', opts.schema, ['options', 'schema']);
    }
    this.#schema = opts.schema;
    if (opts.onRejected !== undefined && typeof opts.onRejected !== 'function') fail(fn, 'invalid_option', 'invalid_type', 'a function (rejected) => void', opts.onRejected, ['options', 'onRejected']);
    this.#skipLeft = opts.skipRows === undefined ? 0 : checkNumber(fn, opts.skipRows, ['options', 'skipRows'], { min: 0, integer: true, describe: 'a whole number of rows of at least 0' }, 'invalid_option');

    // Sources: the wire form reads every field from its own name; a mapping reads only what it names.
    for (const key of ['score', ...FIELDS] as const) {
      const source = map[key];
      if (source !== undefined && typeof source !== 'string' && typeof source !== 'function') fail(fn, 'invalid_option', 'invalid_value', 'a column name or an accessor function', source, ['mapping', key]);
    }
    const wire = (['score', ...FIELDS, 'attributes'] as const).every((key) => map[key] === undefined);
    if (!wire && map.score === undefined) {
      fail(fn, 'invalid_option', 'missing', 'the column (or accessor) of the score: a mapping that names any field must name the score', undefined, ['mapping', 'score']);
    }
    const required = map.required ?? [];
    if (!Array.isArray(required)) fail(fn, 'invalid_option', 'invalid_type', 'an array of field names', required, ['mapping', 'required']);
    required.forEach((field: unknown, index) => {
      if (field !== 'score' && !(FIELDS as readonly unknown[]).includes(field)) {
        fail(fn, 'invalid_option', 'unknown_name', `one of score, ${FIELDS.join(', ')}${typeof field === 'string' ? didYouMean(field, ['score', ...FIELDS]) : ''}`, field, ['mapping', 'required', index]);
      }
    });
    this.#required = new Set(required);
    for (const field of this.#required) {
      if (!wire && map[field as 'score'] === undefined) fail(fn, 'invalid_option', 'invalid_value', `a required field that the mapping maps (${field} is not mapped)`, field, ['mapping', 'required']);
    }
    const skip = this.#skipSets(opts.skipValues);
    const plan = (field: string, source: FieldSource<Row> | undefined, skipSet: ReadonlySet<string> | undefined): Plan => ({
      field,
      column: typeof source === 'string' ? source : undefined,
      source: source as FieldSource<unknown>,
      read: () => ABSENT,
      skip: skipSet,
      present: 0,
      skipped: 0,
    });
    const sourceOf = (key: 'score' | RecordField): FieldSource<Row> | undefined => (wire ? key : map[key]);
    const skipOf = (source: FieldSource<Row> | undefined, global: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined =>
      typeof source === 'string' ? (skip.byColumn.get(source) ?? global) : global;
    this.#score = plan('score', sourceOf('score'), skipOf(sourceOf('score'), skip.score));
    this.#texts = TEXT_FIELDS.filter((key) => sourceOf(key) !== undefined).map((key) => [key, plan(key, sourceOf(key), skipOf(sourceOf(key), undefined))] as const);
    this.#submittedAt = plan('submittedAt', sourceOf('submittedAt'), skipOf(sourceOf('submittedAt'), undefined));
    this.#weight = plan('weight', sourceOf('weight'), skipOf(sourceOf('weight'), undefined));
    const attributes = map.attributes;
    if (wire) {
      this.#bag = plan('attributes', 'attributes', undefined);
      (this.#bag as { column: string | undefined }).column = undefined;
    } else if (attributes !== undefined) {
      const entries: (readonly [string, FieldSource<Row>])[] = Array.isArray(attributes)
        ? (attributes as readonly unknown[]).map((name, index) => {
            if (typeof name !== 'string') fail(fn, 'invalid_option', 'invalid_type', 'a column name', name, ['mapping', 'attributes', index]);
            return [name, name] as const;
          })
        : typeof attributes === 'object' && attributes !== null
          ? Object.entries(attributes as Record<string, FieldSource<Row>>)
          : fail(fn, 'invalid_option', 'invalid_type', 'an array of column names or an object of attribute sources', attributes, ['mapping', 'attributes']);
      for (const [name, source] of entries) {
        if (isRecordField(name)) {
          fail(fn, 'invalid_option', 'invalid_value', `an attribute name that is not a record field (map ${name} as the field ${name}, not as an attribute)`, name, ['mapping', 'attributes', name]);
        }
        if (typeof source !== 'string' && typeof source !== 'function') fail(fn, 'invalid_option', 'invalid_value', 'a column name or an accessor function', source, ['mapping', 'attributes', name]);
      }
      this.#attributes = entries.map(([name, source]) => [name, plan(`attributes.${name}`, source, skipOf(source, undefined))] as const);
    }
    const exclude = opts.exclude;
    if (typeof exclude === 'function') this.#excludeFunction = exclude;
    else if (exclude !== undefined) {
      const rule = checkOptions<ExcludeRule>(fn, exclude as ExcludeRule, EXCLUDE_RULE_KEYS, ['options', 'exclude']);
      if (typeof rule.column !== 'string') fail(fn, 'invalid_option', 'invalid_type', 'a column name', rule.column, ['options', 'exclude', 'column']);
      if (rule.reason !== undefined && typeof rule.reason !== 'string') fail(fn, 'invalid_option', 'invalid_type', 'a reason (a string)', rule.reason, ['options', 'exclude', 'reason']);
      const values = new Map<string, string>();
      for (const value of this.#skipList(rule.values, ['options', 'exclude', 'values'])) {
        values.set(skipKey(value) as string, rule.reason ?? `${rule.column} is ${typeof value === 'string' ? JSON.stringify(value) : value}`);
      }
      this.#excludeRule = { plan: plan('exclude', rule.column, undefined), values };
    }

    const columns = opts.columns;
    this.#arrayRows = columns !== undefined;
    this.#headerPending = columns === 'first-row';
    if (columns !== undefined && columns !== 'first-row') {
      if (!Array.isArray(columns) || !columns.every((column) => typeof column === 'string')) {
        fail(fn, 'invalid_option', 'invalid_value', "an array of column names, or 'first-row'", columns, ['options', 'columns']);
      }
      this.#useHeaders(columns, ['options', 'columns']);
    } else if (columns === undefined) {
      for (const item of this.#plans()) if (typeof item.source === 'string') item.read = fieldReader(item.source, false);
    }
    for (const column of skip.byColumn.keys()) {
      if (!this.#plans().some((item) => item.column === column)) {
        fail(fn, 'invalid_option', 'unknown_name', `a column the mapping reads${didYouMean(column, this.#mappedColumns())}`, column, ['options', 'skipValues', column]);
      }
    }
    for (const item of this.#plans()) if (typeof item.source === 'function') item.read = item.source as (row: unknown, index: number) => unknown;
  }

  #plans(): Plan[] {
    return [
      this.#score,
      ...this.#texts.map(([, plan]) => plan),
      this.#submittedAt,
      this.#weight,
      ...(this.#attributes ?? []).map(([, plan]) => plan),
      ...(this.#bag === undefined ? [] : [this.#bag]),
      ...(this.#excludeRule === undefined ? [] : [this.#excludeRule.plan]),
    ];
  }

  #mappedColumns(): string[] {
    return this.#plans()
      .map((plan) => plan.source)
      .filter((source): source is string => typeof source === 'string');
  }

  #skipList(values: unknown, path: Path): readonly SkipValue[] {
    if (!Array.isArray(values)) return fail(this.#fn, 'invalid_option', 'invalid_type', 'an array of strings or numbers', values, path);
    values.forEach((value: unknown, index) => {
      if (skipKey(value) === undefined) fail(this.#fn, 'invalid_option', 'invalid_value', 'a string (up to 200 characters) or a finite number', value, [...path, index]);
    });
    return values as SkipValue[];
  }

  #skipSets(option: unknown): { score: ReadonlySet<string> | undefined; byColumn: ReadonlyMap<string, ReadonlySet<string>> } {
    const toSet = (values: readonly SkipValue[]): ReadonlySet<string> => new Set(values.map((value) => skipKey(value) as string));
    if (option === undefined) return { score: undefined, byColumn: new Map() };
    if (Array.isArray(option)) return { score: toSet(this.#skipList(option, ['options', 'skipValues'])), byColumn: new Map() };
    if (typeof option !== 'object' || option === null) fail(this.#fn, 'invalid_option', 'invalid_type', 'a list of values, or an object from column name to a list', option, ['options', 'skipValues']);
    const byColumn = new Map<string, ReadonlySet<string>>();
    for (const [column, values] of Object.entries(option)) byColumn.set(column, toSet(this.#skipList(values, ['options', 'skipValues', column])));
    return { score: undefined, byColumn };
  }

  /** Array rows: checks every mapped column against the headers (near names offered), and reads by index. */
  #useHeaders(raw: readonly unknown[], path: Path): void {
    const fn = this.#fn;
    const headers = raw.map((name) => (typeof name === 'string' ? name.replace(/^\uFEFF/, '') : typeof name === 'number' ? String(name) : ''));
    const index = new Map<string, number>();
    const duplicates = new Set<string>();
    headers.forEach((name, at) => (index.has(name) ? duplicates.add(name) : index.set(name, at)));
    const mapped = this.#mappedColumns();
    for (const column of mapped) {
      if (!index.has(column)) fail(fn, 'invalid_option', 'unknown_name', `a column of the header (${headers.length} columns)${didYouMean(column, headers)}`, column, path);
      if (duplicates.has(column)) fail(fn, 'invalid_option', 'duplicate', `a column name that appears once in the header (mapped column '${column}' appears more than once)`, column, path);
    }
    for (const item of this.#plans()) {
      if (typeof item.source !== 'string') continue;
      const at = index.get(item.source) as number;
      item.read = (row) => (at < (row as unknown[]).length ? (row as unknown[])[at] : ABSENT);
    }
    this.#headers = Object.freeze(headers);
  }

  /** Whether a rejected row must throw (`onInvalid: 'throw'`). */
  get throws(): boolean {
    return this.#throws;
  }

  /** The function name errors carry. */
  get functionName(): string {
    return this.#fn;
  }

  /** Validates one raw row with the user's schema; undefined means "no schema" (or a header row). */
  check(raw: unknown): StandardSchemaResult<Row> | Promise<StandardSchemaResult<Row>> | undefined {
    if (this.#schema === undefined || this.#headerPending || this.#skipLeft > 0) return undefined;
    return this.#schema['~standard'].validate(raw);
  }

  /** Whether the user's schema is asynchronous is only known from its answer: `ingest` refuses a promise. */
  refuseAsyncSchema(checked: unknown): void {
    if (checked instanceof Promise) {
      checked.catch(() => undefined);
      fail(this.#fn, 'invalid_option', 'invalid_value', 'a synchronous Standard Schema validator (use ingestAsync or ingestStream for async ones)', 'a validator that returned a Promise', ['options', 'schema']);
    }
  }

  /** An array hole: a row without an element, rejected. */
  hole(index: number): void {
    if (this.#headerPending) fail(this.#fn, 'invalid_input', 'hole', "a header row first (options.columns is 'first-row')", undefined, ['rows', index]);
    this.#total++;
    this.#reject(index, [this.#issue(index, 'row', undefined, 'hole', 'a row (the input has a hole here)', undefined, 'a hole')]);
  }

  #issue(index: number, field: string, column: string | undefined, code: CxMetricsIssueCode, expected: string, value: unknown, received: string = describeValue(value)): IngestIssue {
    const where = `row ${index}, ${field}${column === undefined ? '' : ` (column ${JSON.stringify(column)})`}`;
    return { row: index, field, column, code, expected, received, path: [index, field], message: `${this.#fn}: ${where}: expected ${expected}, got ${received}` };
  }

  #reject(index: number, issues: readonly IngestIssue[]): undefined {
    this.#rejected++;
    for (const issue of issues) this.#issueCounts.set(issue.code, (this.#issueCounts.get(issue.code) ?? 0) + 1);
    const rejected: RejectedRow = Object.freeze({ row: index, issues: Object.freeze(issues) as RejectedRow['issues'] });
    this.#onRejected(rejected);
    return undefined;
  }

  /** Reads a field: its cell, or ABSENT; a skip value becomes null (no answer), and is counted. */
  #cell(plan: Plan, row: unknown, index: number): unknown {
    const cell = plan.read(row, index);
    if (cell === ABSENT) return cell;
    plan.present++;
    if (plan.skip !== undefined && (typeof cell === 'string' || typeof cell === 'number')) {
      const key = skipKey(cell);
      if (key !== undefined && plan.skip.has(key)) {
        plan.skipped++;
        return null;
      }
    }
    return cell;
  }

  /**
   * Takes one raw row (after the schema, if any, gave its result): a header or skipped row, an
   * excluded row, a record, or a rejected row. Returns the record when there is one.
   */
  take(raw: unknown, index: number, checked: StandardSchemaResult<Row> | undefined): ResponseRecord<S> | undefined {
    if (this.#headerPending) {
      this.#headerPending = false;
      this.#headerRows++;
      if (!Array.isArray(raw)) fail(this.#fn, 'invalid_input', 'invalid_type', "a header row (an array of column names), as options.columns is 'first-row'", raw, ['rows', index]);
      this.#useHeaders(raw, ['rows', index]);
      return undefined;
    }
    if (this.#skipLeft > 0) {
      this.#skipLeft--;
      this.#headerRows++;
      return undefined;
    }
    this.#total++;
    if (this.#arrayRows ? !Array.isArray(raw) : !isPlainRow(raw)) {
      const expected = this.#arrayRows ? 'an array of cells (options.columns is set)' : 'an object (or set options.columns for arrays of cells)';
      return this.#reject(index, [this.#issue(index, 'row', undefined, 'invalid_type', expected, raw)]);
    }
    const reason = this.#excludeReason(raw, index);
    // The rule's column misspelled: the row is rejected, with whatever else is wrong with it.
    const misspelled: IngestIssue[] = [];
    if (reason === MISSPELLED) {
      const plan = (this.#excludeRule as { readonly plan: Plan }).plan;
      misspelled.push(this.#absentIssue(plan, index, this.#nearHint(plan, raw)));
    } else if (reason !== undefined) {
      this.#excluded++;
      this.#excludedReasons.set(reason, (this.#excludedReasons.get(reason) ?? 0) + 1);
      return undefined;
    }
    let row: unknown = raw;
    if (checked !== undefined) {
      if (checked.issues !== undefined) {
        const issues = checked.issues.map((issue) => {
          const path = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
          return this.#issue(index, 'row', undefined, 'schema', `a row your schema accepts${path === '' ? '' : ` (at ${path})`}: ${issue.message}`, raw);
        });
        return this.#reject(index, [...misspelled, ...(issues.length > 0 ? issues : [this.#issue(index, 'row', undefined, 'schema', 'a row your schema accepts', raw)])]);
      }
      row = checked.value;
      if (this.#arrayRows ? !Array.isArray(row) : !isPlainRow(row) && this.#usesColumns()) {
        return this.#reject(index, [...misspelled, this.#issue(index, 'row', undefined, 'invalid_type', 'your schema to output an object with the mapped columns', row)]);
      }
    }
    return this.#map(row, index, misspelled);
  }

  /**
   * The " (did you mean …)" hint for a row without a mapped column: the row's other columns
   * (those no field reads) near the name. Worked out once per shape of row, so rows of one export
   * cost one comparison of their keys.
   */
  #nearHint(plan: Plan, row: unknown): string {
    if (!isPlainRow(row)) return '';
    if (row !== this.#shapeRow) {
      this.#shapeRow = row;
      const keys = Object.keys(row);
      if (keys.length !== this.#shapeKeys.length || keys.some((key, at) => key !== this.#shapeKeys[at])) {
        this.#shapeKeys = keys;
        this.#shapeHints.clear();
      }
    }
    let hint = this.#shapeHints.get(plan);
    if (hint === undefined) {
      const mapped = new Set(this.#mappedColumns());
      const column = (plan.column ?? plan.source) as string;
      const near = nearNames(column, this.#shapeKeys.filter((key) => !mapped.has(key)));
      // A short name is taken as misspelled only by case or spaces ("ID" for "id"), never by an edit ("ip").
      const kept = column.length >= 4 ? near : near.filter((name) => name.replace(/^\uFEFF/, '').trim().toLowerCase() === column.toLowerCase());
      hint = kept.length === 0 ? '' : didYouMean(column, kept);
      this.#shapeHints.set(plan, hint);
    }
    return hint;
  }

  #usesColumns(): boolean {
    return this.#plans().some((plan) => typeof plan.source === 'string');
  }

  /** Why the row is left out, if it is; MISSPELLED when the rule's column is absent and a near name is there. */
  #excludeReason(row: unknown, index: number): string | typeof MISSPELLED | undefined {
    if (this.#excludeFunction !== undefined) {
      const reason = this.#excludeFunction(row as never, index);
      if (reason === undefined || reason === null || reason === false) return undefined;
      if (typeof reason !== 'string' || reason === '') fail(this.#fn, 'invalid_option', 'invalid_type', 'options.exclude to return a reason (a non-empty string) or nothing', reason, ['options', 'exclude']);
      return reason;
    }
    if (this.#excludeRule === undefined) return undefined;
    const cell = this.#cell(this.#excludeRule.plan, row, index);
    if (cell === ABSENT) return this.#nearHint(this.#excludeRule.plan, row) === '' ? undefined : MISSPELLED;
    const key = skipKey(cell);
    return key === undefined ? undefined : this.#excludeRule.values.get(key);
  }

  /** The record of a row, or its rejection with every issue (after those already found). */
  /** A field's issue, added to the row's. */
  #problem(issues: IngestIssue[], index: number, plan: Plan, code: CxMetricsIssueCode, expected: string, value: unknown): void {
    issues.push(this.#issue(index, plan.field, plan.column, code, expected, value));
  }

  /** A required column the row lacks. */
  #absent(issues: IngestIssue[], index: number, plan: Plan, row: unknown): void {
    issues.push(this.#absentIssue(plan, index, this.#nearHint(plan, row)));
  }

  /** An optional column the row lacks: fine, unless a near name says it is misspelled. */
  #optionalAbsent(issues: IngestIssue[], index: number, plan: Plan, row: unknown): void {
    const hint = this.#nearHint(plan, row);
    if (hint !== '') issues.push(this.#absentIssue(plan, index, hint));
  }

  /**
   * A score cell read by the scale's rules. Text cells repeat (an export has a dozen distinct
   * answers in a million rows), so their readings are kept: a Map lookup instead of a parse.
   */
  #readScore(cell: unknown): ParsedAnswer {
    if (typeof cell !== 'string') return readAnswer(cell, this.#scale, this.#answerOptions);
    let parsed = this.#answers.get(cell);
    if (parsed === undefined) {
      parsed = readAnswer(cell, this.#scale, this.#answerOptions);
      if (this.#answers.size < MAX_KEPT_ANSWERS) this.#answers.set(cell, parsed);
    }
    return parsed;
  }

  /** An attribute's cell kept (on a new attributes object at the first), or its issue; returns the attributes. */
  #keep(attributes: Record<string, AttributeValue>, issues: IngestIssue[], index: number, name: string, plan: Plan, cell: unknown): Record<string, AttributeValue> {
    const ok = cell === null || typeof cell === 'boolean' || (typeof cell === 'number' && Number.isFinite(cell)) || (typeof cell === 'string' && cell.length <= this.#maxLength);
    if (!ok) {
      issues.push(this.#issue(index, `attributes.${name}`, plan.column, typeof cell === 'string' ? 'too_long' : 'invalid_type', 'a string, finite number, boolean or null', cell));
      return attributes;
    }
    // An object that inherits nothing has no __proto__ setter: every name, that one included, becomes an own property.
    const kept = attributes === NO_ATTRIBUTES ? (new Attributes() as Record<string, AttributeValue>) : attributes;
    kept[name] = cell as AttributeValue;
    return kept;
  }

  #map(row: unknown, index: number, issues: IngestIssue[]): ResponseRecord<S> | undefined {
    const required = this.#required;

    const scoreCell = this.#cell(this.#score, row, index);
    let score: number | null = null;
    if (scoreCell === ABSENT) this.#absent(issues, index, this.#score, row);
    else {
      const parsed = this.#readScore(scoreCell);
      if (!parsed.ok) this.#problem(issues, index, this.#score, parsed.code, parsed.expected, scoreCell);
      else {
        score = parsed.score;
        if (score === null && required.has('score')) this.#problem(issues, index, this.#score, 'missing', MISSING_EXPECTED, scoreCell);
      }
    }

    let respondentId: string | undefined;
    let customerId: string | undefined;
    let interactionId: string | undefined;
    let touchpoint: string | undefined;
    let channel: string | undefined;
    for (const [field, plan] of this.#texts) {
      const cell = this.#cell(plan, row, index);
      let value: string | undefined;
      if (cell === ABSENT) {
        if (required.has(field)) this.#absent(issues, index, plan, row);
        else this.#optionalAbsent(issues, index, plan, row);
        continue;
      }
      if (typeof cell === 'string') value = cell.trim() === '' ? undefined : cell.trim();
      else if (typeof cell === 'number' && Number.isSafeInteger(cell)) value = String(cell);
      else if (cell !== undefined && cell !== null) {
        this.#problem(issues, index, plan, 'invalid_type', 'a string or a whole number', cell);
        continue;
      }
      if (value !== undefined && value.length > MAX_TEXT_LENGTH) {
        this.#problem(issues, index, plan, 'too_long', `at most ${MAX_TEXT_LENGTH} characters`, cell);
        continue;
      }
      if (value === undefined && required.has(field)) this.#problem(issues, index, plan, 'missing', MISSING_EXPECTED, cell);
      if (field === 'respondentId') respondentId = value;
      else if (field === 'customerId') customerId = value;
      else if (field === 'interactionId') interactionId = value;
      else if (field === 'touchpoint') touchpoint = value;
      else channel = value;
    }

    let submittedAt: Date | undefined;
    if (this.#submittedAt.source !== undefined) {
      const cell = this.#cell(this.#submittedAt, row, index);
      if (cell === ABSENT) {
        if (required.has('submittedAt')) this.#absent(issues, index, this.#submittedAt, row);
        else this.#optionalAbsent(issues, index, this.#submittedAt, row);
      } else {
        const time = readTimestamp(cell, this.#time);
        if (!time.ok) this.#problem(issues, index, this.#submittedAt, time.code, time.expected, cell);
        else if (time.date === undefined && required.has('submittedAt')) this.#problem(issues, index, this.#submittedAt, 'missing', MISSING_EXPECTED, cell);
        else submittedAt = time.date;
      }
    }

    let weight: number | undefined;
    if (this.#weight.source !== undefined) {
      const cell = this.#cell(this.#weight, row, index);
      if (cell === ABSENT) {
        if (required.has('weight')) this.#absent(issues, index, this.#weight, row);
        else this.#optionalAbsent(issues, index, this.#weight, row);
      } else if (cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')) {
        if (required.has('weight')) this.#problem(issues, index, this.#weight, 'missing', MISSING_EXPECTED, cell);
      } else {
        const asNumber =
          typeof cell === 'number'
            ? cell
            : typeof cell === 'string' && cell.length <= this.#maxLength
              ? (scanDecimal(cell.trim(), this.#decimalComma) ?? Number.NaN)
              : Number.NaN;
        if (isWeight(asNumber)) weight = asNumber;
        else this.#problem(issues, index, this.#weight, !Number.isFinite(asNumber) ? (typeof cell === 'number' ? 'not_finite' : 'not_a_number') : 'out_of_range', WEIGHT_EXPECTED, cell);
      }
    }

    let attributes: Record<string, AttributeValue> = NO_ATTRIBUTES;
    if (this.#attributes !== undefined) {
      for (const [name, plan] of this.#attributes) {
        const cell = this.#cell(plan, row, index);
        if (cell === ABSENT) this.#optionalAbsent(issues, index, plan, row);
        else if (cell !== undefined) attributes = this.#keep(attributes, issues, index, name, plan, cell);
      }
    } else if (this.#bag !== undefined) {
      const bag = this.#cell(this.#bag, row, index);
      if (isPlainRow(bag)) {
        for (const name of Object.keys(bag)) {
          const cell = bag[name];
          if (isRecordField(name)) {
            issues.push(this.#issue(index, `attributes.${name}`, undefined, 'invalid_value', `an attribute name that is not a record field (send ${name} as a field of the response, not as an attribute)`, name));
          } else if (cell !== undefined) attributes = this.#keep(attributes, issues, index, name, this.#bag, cell);
        }
      } else if (bag === ABSENT) {
        this.#optionalAbsent(issues, index, this.#bag, row);
      } else if (bag !== undefined && bag !== null) {
        this.#problem(issues, index, this.#bag, 'invalid_type', 'an object of attributes', bag);
      }
    }

    if (issues.length > 0) return this.#reject(index, issues);
    this.#accepted++;
    return makeRecord({
      scale: this.#scale,
      scaleId: this.#scale.id,
      score,
      respondentId,
      customerId,
      submittedAt,
      weight,
      interactionId,
      touchpoint,
      channel,
      attributes: attributes === NO_ATTRIBUTES ? attributes : Object.freeze(attributes),
      row: index,
    });
  }

  /** The `missing_column` issue of a row without the column of a field. */
  #absentIssue(plan: Plan, index: number, hint: string): IngestIssue {
    return this.#issue(index, plan.field, plan.column ?? (plan.source as string), 'missing_column', `a column ${JSON.stringify(plan.column ?? plan.source)} in the row${hint}`, undefined, ABSENT_TEXT);
  }

  /** After the last row: a header that never came is an error (an empty file is not an export with no answers). */
  finish(): void {
    if (this.#headerPending) fail(this.#fn, 'invalid_input', 'missing', "a header row (options.columns is 'first-row'), and the input has no rows at all", undefined, ['rows']);
  }

  /** The counts so far (final once every row is taken). */
  summary(): IngestSummary {
    const fields: FieldReport[] = [this.#score, ...this.#texts.map(([, plan]) => plan), this.#submittedAt, this.#weight, ...(this.#attributes ?? []).map(([, plan]) => plan), ...(this.#bag === undefined ? [] : [this.#bag])]
      .filter((plan) => plan.source !== undefined)
      .map((plan) => Object.freeze({ field: plan.field, column: plan.column, present: plan.present, skipValues: plan.skipped }));
    const excludeColumn = this.#excludeRule === undefined || this.#excludeRule.plan.present > 0 ? [] : [this.#excludeRule.plan.column as string];
    const absentColumns = this.#total === 0 ? [] : [...fields.filter((field) => field.column !== undefined && field.present === 0).map((field) => field.column as string), ...excludeColumn];
    return Object.freeze({
      total: this.#total,
      accepted: this.#accepted,
      rejected: this.#rejected,
      excluded: this.#excluded,
      excludedReasons: Object.freeze(Object.fromEntries(this.#excludedReasons)),
      issueCounts: Object.freeze(Object.fromEntries(this.#issueCounts)),
      headerRows: this.#headerRows,
      columns: this.#headers,
      fields: Object.freeze(fields),
      absentColumns: Object.freeze(absentColumns),
    });
  }
}

/** What a rejected row shows as the value of a column it does not have. */
const ABSENT_TEXT = 'no such column';

/** The frozen result of a batch, or one `invalid_rows` error carrying every issue when told to throw. */
export function ingestResult<S extends Scale, Row>(engine: RowIngester<S, Row>, records: readonly ResponseRecord<S>[], rejectedRows: readonly RejectedRow[]): IngestResult<S> {
  engine.finish();
  if (engine.throws && rejectedRows.length > 0) throwIssues(engine.functionName, 'invalid_rows', rejectedRows.flatMap((rejected) => rejected.issues));
  return Object.freeze({ ...engine.summary(), records: Object.freeze(records), rejectedRows: Object.freeze(rejectedRows) });
}
