import type { TimeUnit } from '../segments/calendar.js';

/** The SQL dialects `tallyQuery` writes. DuckDB and PostgreSQL are run in the tests; the others are parsed, not run. */
export type SQLDialect = 'duckdb' | 'postgresql' | 'bigquery' | 'snowflake' | 'trino' | 'clickhouse';

/** The dialects, in the order the docs present them. */
export const SQL_DIALECTS: readonly SQLDialect[] = ['duckdb', 'postgresql', 'bigquery', 'snowflake', 'trino', 'clickhouse'];

/**
 * What differs between dialects, and nothing else: how a name is quoted, how a bound value is
 * written, how a number is made a double, how an instant becomes a local calendar day and is
 * truncated to a bucket, and how a weight is seen to be bad. Every construct is listed in
 * docs/warehouse.md per dialect.
 */
export interface DialectRules {
  /** Quotes one identifier part (the caller has checked it). */
  readonly quote: (name: string) => string;
  /** The placeholder of the i-th bound value (1-based), with its SQL type where the dialect wants one. */
  readonly placeholder: (index: number, type: 'text' | 'number') => string;
  /** An expression as a double. */
  readonly double: (expression: string) => string;
  /** The local date (as 'YYYY-MM-DD' text) of the bucket holding an instant, in a zone given as a bound value. */
  readonly bucket: (instant: string, unit: TimeUnit, zone: string) => string;
  /** True when a (double) weight is missing, negative, infinite or NaN. */
  readonly badWeight: (weight: string) => string;
}

/** Double quotes, doubled inside: the SQL standard (DuckDB, PostgreSQL, Snowflake, Trino). */
const standardQuote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** SQL's date_trunc field for each unit ('week' is the ISO week, starting on Monday, in every dialect here). */
const FIELD: Record<TimeUnit, string> = { day: 'day', isoWeek: 'week', month: 'month', quarter: 'quarter', year: 'year' };

export const DIALECTS: Readonly<Record<SQLDialect, DialectRules>> = {
  duckdb: {
    quote: standardQuote,
    placeholder: (index) => `$${index}`,
    double: (expression) => `CAST(${expression} AS DOUBLE)`,
    // timezone(zone, timestamptz) is the wall-clock time there (ICU, bundled with DuckDB).
    bucket: (instant, unit, zone) => `strftime(date_trunc('${FIELD[unit]}', timezone(${zone}, CAST(${instant} AS TIMESTAMPTZ))), '%Y-%m-%d')`,
    badWeight: (weight) => `(${weight} IS NULL OR ${weight} < 0 OR isnan(${weight}) OR isinf(${weight}))`,
  },
  postgresql: {
    quote: standardQuote,
    placeholder: (index, type) => `$${index}::${type === 'text' ? 'text' : 'double precision'}`,
    double: (expression) => `CAST(${expression} AS double precision)`,
    bucket: (instant, unit, zone) => `to_char(date_trunc('${FIELD[unit]}', CAST(${instant} AS timestamptz) AT TIME ZONE ${zone}), 'YYYY-MM-DD')`,
    badWeight: (weight) => `(${weight} IS NULL OR ${weight} < 0 OR ${weight} IN ('NaN'::double precision, 'Infinity'::double precision))`,
  },
  bigquery: {
    // Backticks; BigQuery has no escape for a backtick inside, so names with one are refused.
    quote: (name) => `\`${name}\``,
    placeholder: (index) => `@p${index}`,
    double: (expression) => `CAST(${expression} AS FLOAT64)`,
    bucket: (instant, unit, zone) => `FORMAT_DATE('%Y-%m-%d', DATE_TRUNC(DATE(CAST(${instant} AS TIMESTAMP), ${zone}), ${unit === 'isoWeek' ? 'ISOWEEK' : FIELD[unit].toUpperCase()}))`,
    badWeight: (weight) => `(${weight} IS NULL OR ${weight} < 0 OR IS_NAN(${weight}) OR IS_INF(${weight}))`,
  },
  snowflake: {
    quote: standardQuote,
    placeholder: (index) => `:${index}`,
    double: (expression) => `CAST(${expression} AS DOUBLE)`,
    // WEEK_START must be 0 or 1 (Monday) for DATE_TRUNC('week') to be the ISO week: the docs say so.
    bucket: (instant, unit, zone) => `TO_CHAR(DATE_TRUNC('${FIELD[unit]}', CAST(CONVERT_TIMEZONE(${zone}, CAST(${instant} AS TIMESTAMP_TZ)) AS DATE)), 'YYYY-MM-DD')`,
    badWeight: (weight) => `(${weight} IS NULL OR ${weight} < 0 OR ${weight} IN ('NaN'::DOUBLE, 'inf'::DOUBLE))`,
  },
  trino: {
    quote: standardQuote,
    placeholder: () => '?',
    double: (expression) => `CAST(${expression} AS DOUBLE)`,
    bucket: (instant, unit, zone) => `format_datetime(date_trunc('${FIELD[unit]}', at_timezone(CAST(${instant} AS TIMESTAMP WITH TIME ZONE), ${zone})), 'yyyy-MM-dd')`,
    badWeight: (weight) => `(${weight} IS NULL OR ${weight} < 0 OR is_nan(${weight}) OR is_infinite(${weight}))`,
  },
  clickhouse: {
    // Backticks with backslash escapes; ClickHouse binds {name:Type} parameters.
    quote: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
    placeholder: (index, type) => `{p${index}:${type === 'text' ? 'String' : 'Float64'}}`,
    double: (expression) => `toFloat64(${expression})`,
    bucket: (instant, unit, zone) => {
      const local = `toTimeZone(toDateTime64(${instant}, 3, 'UTC'), ${zone})`;
      const start = { day: `toDate(${local})`, isoWeek: `toMonday(${local})`, month: `toStartOfMonth(${local})`, quarter: `toStartOfQuarter(${local})`, year: `toStartOfYear(${local})` }[unit];
      return `formatDateTime(${start}, '%Y-%m-%d')`;
    },
    badWeight: (weight) => `(${weight} IS NULL OR ${weight} < 0 OR isNaN(${weight}) OR isInfinite(${weight}))`,
  },
};
