import { guard } from '../internal/guard.js';
import { fail, type Path } from '../internal/issue.js';
import { checkChoice, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { TimeZone } from '../internal/timeZone.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import { TIME_UNITS, type TimeUnit } from '../segments/calendar.js';
import { DIALECTS, SQL_DIALECTS, type SQLDialect } from './SQLDialect.js';

/** A filter on a column: equal to a value (`null`: IS NULL), or one of several values. */
export type TallyFilter = { readonly column: string; readonly equals: string | number | boolean | null } | { readonly column: string; readonly in: readonly (string | number | boolean)[] };

/** Where the answers are: a table (a name, dotted for a schema, or its parts), your own subquery, or (DuckDB) a CSV or Parquet file. */
export type TallySource = string | readonly string[] | { readonly subquery: string } | { readonly file: string };

/** What {@link tallyQuery} counts. */
export interface TallyQuerySpec {
  /** The SQL dialect to write. */
  readonly dialect: SQLDialect;
  /** The table, its parts (`['analytics', 'responses']`), `{ subquery }` (your SQL, run as given) or `{ file }` (DuckDB: `.csv`, `.csv.gz`, `.parquet`). */
  readonly from: TallySource;
  /** The scale of the score column. */
  readonly scale: Scale;
  /** The score column (numeric; NULL is a skipped answer). */
  readonly score: string;
  /** A weight column (numeric, finite, at least 0). */
  readonly weight?: string | undefined;
  /** Segment columns: one row of counts per combination. */
  readonly by?: readonly string[] | undefined;
  /** A time column (an instant: TIMESTAMP WITH TIME ZONE, or ISO text with an offset), bucketed by the calendar of an IANA zone. */
  readonly time?: { readonly column: string; readonly unit: TimeUnit; readonly timeZone: string } | undefined;
  /** Filters, all of which must hold. */
  readonly where?: readonly TallyFilter[] | undefined;
}

/** A query with its bound values, for the driver's parameterized call. */
export interface TallyQuery {
  /** The SQL text, with placeholders. */
  readonly text: string;
  /** The values to bind, in placeholder order (ClickHouse: as `p1`, `p2`, …; BigQuery: `@p1`, …). */
  readonly values: readonly (string | number | boolean)[];
  /** The dialect written. */
  readonly dialect: SQLDialect;
  /** The spec, checked: what {@link talliesFromRows} reads the rows with. */
  readonly spec: TallyQuerySpec;
}

const SPEC_KEYS = ['dialect', 'from', 'scale', 'score', 'weight', 'by', 'time', 'where'] as const satisfies readonly (keyof TallyQuerySpec)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof TallyQuerySpec, (typeof SPEC_KEYS)[number]>;

/** The column names of the result rows, the same in every dialect. */
export const RESULT_COLUMNS = { bucket: 'bucket', point: 'point', kind: 'kind', answers: 'answers', weightSum: 'weight_sum', weightSquareSum: 'weight_square_sum' } as const;

/** The name of the i-th segment column of the result (1-based). */
export function segmentColumn(index: number): string {
  return `segment_${index}`;
}

/** The longest identifier each dialect keeps whole (PostgreSQL truncates beyond 63 bytes, which would name another column). */
const MAX_NAME_BYTES: Record<SQLDialect, number> = { duckdb: 255, postgresql: 63, bigquery: 300, snowflake: 255, trino: 255, clickhouse: 255 };

/** The UTF-8 length of a text, in bytes (no TextEncoder: the core runs where the DOM's globals are not typed). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Checks a name the caller gives (a column or a table part): a non-empty string without NUL, short enough for the dialect, quotable. */
function checkName(fn: string, dialect: SQLDialect, name: unknown, path: Path): string {
  const expected = `a column or table name: a non-empty string of at most ${MAX_NAME_BYTES[dialect]} bytes without NUL${dialect === 'bigquery' ? ' or backticks' : ''}`;
  if (typeof name !== 'string' || name === '' || name.includes('\0') || utf8Bytes(name) > MAX_NAME_BYTES[dialect] || (dialect === 'bigquery' && name.includes('`'))) {
    fail(fn, 'invalid_option', 'invalid_value', expected, typeof name === 'string' && name.length > 80 ? `${name.slice(0, 80)}… (${name.length} characters)` : name, path);
  }
  return name;
}

/** Checks a value to bind: text without NUL (no engine stores it), a finite number or a boolean. */
function checkValue(fn: string, value: unknown, path: Path): string | number | boolean {
  const ok = (typeof value === 'string' && !value.includes('\0')) || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
  if (!ok) fail(fn, 'invalid_option', 'invalid_value', 'a text without NUL, a finite number or a boolean', value, path);
  return value as string | number | boolean;
}

/** A string literal with quotes doubled (only for DuckDB's file readers, whose paths cannot be bound). */
function stringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Writes the SQL that counts answers inside a database, so that only counts come back: per
 * segment, per time bucket and per point of the scale, the number of answers, and with a weight
 * Σw and Σw², plus the skipped (NULL), out-of-scale and bad-weight rows, each as their own
 * `kind`. Every score, interval and comparison is a function of those sums, so
 * {@link talliesFromRows} gives the same numbers as reading every answer in memory (counts
 * exactly, weighted sums to rounding).
 *
 * Safety: every name is checked and quoted for the dialect (a name with NUL, more bytes than the
 * dialect keeps, or for BigQuery a backtick, is refused), and every value you give (filters, the
 * time zone) is a bound parameter, never pasted into the text; the scale's ends, whole numbers
 * checked with the scale, are written as numerals. A `{ subquery }` is your own SQL and runs as
 * given. Time buckets are the local calendar of an IANA zone (checked here), DST included, with
 * ISO weeks starting on Monday, as the library's `trend` buckets them.
 *
 * @param spec - dialect, source, scale, score column, and optional weight, segments, time and filters
 * @returns `{ text, values }` for the driver, with the dialect and the checked spec
 * @throws {@link CxMetricsError} `invalid_option` naming the bad part of the spec
 *
 * @example
 * ```ts
 * import { scales } from 'cx-metrics';
 * import { tallyQuery } from 'cx-metrics/sql';
 *
 * const query = tallyQuery({ dialect: 'postgresql', from: 'responses', scale: scales.nps, score: 'nps', by: ['channel'] });
 * query.text.startsWith('WITH "cx_answers" AS (SELECT "channel" AS "segment_1"'); // => true
 * query.values; // => []
 * ```
 */
export function tallyQuery(spec: TallyQuerySpec): TallyQuery {
  return guard('tallyQuery', () => {
    const fn = 'tallyQuery';
    const checked = checkOptions(fn, spec, SPEC_KEYS, ['spec'], 'spec key');
    const dialect = checkChoice(fn, checked.dialect, SQL_DIALECTS, ['spec', 'dialect']);
    const rules = DIALECTS[dialect];
    const scale = checkScale(fn, checked.scale, ['spec', 'scale']);
    const values: (string | number | boolean)[] = [];
    const bind = (value: string | number | boolean, type: 'text' | 'number' | 'any' = 'any'): string => {
      values.push(value);
      return rules.placeholder(values.length, type === 'any' ? (typeof value === 'string' ? 'text' : 'number') : type);
    };
    const column = (name: unknown, path: Path): string => rules.quote(checkName(fn, dialect, name, path));
    const score = column(checked.score, ['spec', 'score']);
    const weight = checked.weight === undefined ? undefined : column(checked.weight, ['spec', 'weight']);
    const by = checked.by ?? [];
    if (!Array.isArray(by)) fail(fn, 'invalid_option', 'invalid_type', 'an array of column names', by, ['spec', 'by']);
    const segments = by.map((name, index) => `${column(name, ['spec', 'by', index])} AS ${rules.quote(segmentColumn(index + 1))}`);

    let source: string;
    const from = checked.from;
    if (typeof from === 'string' || Array.isArray(from)) {
      const parts = typeof from === 'string' ? from.split('.') : (from as readonly unknown[]);
      if (parts.length === 0 || parts.length > 3) fail(fn, 'invalid_option', 'invalid_value', 'a table name, or its 2 or 3 parts', from, ['spec', 'from']);
      source = parts.map((part, index) => column(part, ['spec', 'from', ...(typeof from === 'string' ? [] : [index])])).join('.');
    } else if (typeof from === 'object' && from !== null && 'subquery' in from && typeof from.subquery === 'string' && from.subquery.trim() !== '') {
      source = `(${from.subquery})`;
    } else if (typeof from === 'object' && from !== null && 'file' in from && typeof from.file === 'string' && dialect === 'duckdb') {
      const file = checkName(fn, dialect, from.file, ['spec', 'from', 'file']);
      source = /\.parquet$/i.test(file) ? `read_parquet(${stringLiteral(file)})` : `read_csv(${stringLiteral(file)})`;
    } else {
      return fail(fn, 'invalid_option', 'invalid_value', `a table name, its parts, { subquery }${dialect === 'duckdb' ? ' or { file }' : ' ({ file } is for DuckDB only)'}`, from, ['spec', 'from']);
    }

    let bucket = 'NULL';
    if (checked.time !== undefined) {
      const time = checkOptions(fn, checked.time, ['column', 'unit', 'timeZone'], ['spec', 'time'], 'time key');
      const unit = checkChoice(fn, time.unit, TIME_UNITS, ['spec', 'time', 'unit']);
      const zone = new TimeZone(fn, time.timeZone, ['spec', 'time', 'timeZone']);
      bucket = rules.bucket(column(time.column, ['spec', 'time', 'column']), unit, bind(zone.name, 'text'));
    }

    const conditions: string[] = [];
    const where = checked.where ?? [];
    if (!Array.isArray(where)) fail(fn, 'invalid_option', 'invalid_type', 'an array of filters', where, ['spec', 'where']);
    where.forEach((filter: unknown, index: number) => {
      const path: Path = ['spec', 'where', index];
      if (typeof filter !== 'object' || filter === null) return fail(fn, 'invalid_option', 'invalid_value', '{ column, equals } or { column, in: [...] }', filter, path);
      const name = column((filter as { column?: unknown }).column, [...path, 'column']);
      if ('equals' in filter && !('in' in filter)) {
        checkOptions(fn, filter, ['column', 'equals'], path, 'filter key');
        const value = (filter as { equals: unknown }).equals;
        conditions.push(value === null ? `${name} IS NULL` : `${name} = ${bind(checkValue(fn, value, [...path, 'equals']))}`);
      } else if ('in' in filter && !('equals' in filter)) {
        checkOptions(fn, filter, ['column', 'in'], path, 'filter key');
        const list = (filter as { in: unknown }).in;
        if (!Array.isArray(list) || list.length === 0) return fail(fn, 'invalid_option', 'invalid_value', 'a non-empty array of values', list, [...path, 'in']);
        conditions.push(`${name} IN (${list.map((value, at) => bind(checkValue(fn, value, [...path, 'in', at]))).join(', ')})`);
      } else {
        fail(fn, 'invalid_option', 'invalid_value', '{ column, equals } or { column, in: [...] }', filter, path);
      }
    });

    const q = (name: string): string => rules.quote(name);
    const [answers, scoreValue, weightValue] = [q('cx_answers'), q('score'), q('weight')];
    const inner = [...segments, `${bucket} AS ${q(RESULT_COLUMNS.bucket)}`, `${rules.double(score)} AS ${scoreValue}`, ...(weight === undefined ? [] : [`${rules.double(weight)} AS ${weightValue}`])];
    // The scale's ends are whole numbers checked by checkScale, written as numerals (Trino's `?`
    // placeholders could not be reused in the two places they appear).
    const [min, max] = [String(scale.min), String(scale.max)];
    const onScale = `${scoreValue} >= ${min} AND ${scoreValue} <= ${max} AND ${scoreValue} = floor(${scoreValue})`;
    const bad = weight === undefined ? undefined : rules.badWeight(weightValue);
    const kind = `CASE ${bad === undefined ? '' : `WHEN ${bad} THEN 'invalid_weight' `}WHEN ${scoreValue} IS NULL THEN 'skipped' WHEN ${onScale} THEN 'answered' ELSE 'invalid' END`;
    const outer = [
      ...by.map((_, index) => q(segmentColumn(index + 1))),
      q(RESULT_COLUMNS.bucket),
      `CASE WHEN ${bad === undefined ? '' : `NOT ${bad} AND `}${onScale} THEN CAST(floor(${scoreValue}) AS INTEGER) END AS ${q(RESULT_COLUMNS.point)}`,
      `${kind} AS ${q(RESULT_COLUMNS.kind)}`,
      `count(*) AS ${q(RESULT_COLUMNS.answers)}`,
      ...(bad === undefined
        ? []
        : [`sum(CASE WHEN ${bad} THEN 0 ELSE ${weightValue} END) AS ${q(RESULT_COLUMNS.weightSum)}`, `sum(CASE WHEN ${bad} THEN 0 ELSE ${weightValue} * ${weightValue} END) AS ${q(RESULT_COLUMNS.weightSquareSum)}`]),
    ];
    const groups = Array.from({ length: by.length + 3 }, (_, index) => String(index + 1)).join(', ');
    const text =
      `WITH ${answers} AS (SELECT ${inner.join(', ')} FROM ${source} AS ${q('cx_source')}${conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`}) ` +
      `SELECT ${outer.join(', ')} FROM ${answers} GROUP BY ${groups} ORDER BY ${groups}`;
    return Object.freeze({ text, values: Object.freeze(values), dialect, spec: checked });
  });
}
