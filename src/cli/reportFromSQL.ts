import type { Scale } from '../scales/defineScale.js';
import { scales } from '../scales/scales.js';
import type { ReportData, ReportSource } from '../report/ReportData.js';
import type { SQLDialect } from '../sql/SQLDialect.js';
import { DIALECTS } from '../sql/SQLDialect.js';
import { runTallyQuery, type DuckDBConnectionLike, type PostgresClientLike } from '../sql/runTallyQuery.js';
import { didYouMean } from '../internal/nearNames.js';
import type { ReportRequest } from './collectReport.js';
import { metricFunctions } from '../segments/metricFunctions.js';
import { CxMetricsError } from '../errors/CxMetricsError.js';
import { usageError } from './usageError.js';

/** Where `report --engine duckdb|postgres` counts: an open connection, the source's SQL and its columns. */
export interface SQLReportSource {
  readonly dialect: Extract<SQLDialect, 'duckdb' | 'postgresql'>;
  readonly client: DuckDBConnectionLike | PostgresClientLike;
  /** The source as SQL after FROM: `read_csv('…')`, `read_parquet('…')` or a quoted table name. */
  readonly from: string;
  /** The source's column names, in order. */
  readonly columns: readonly string[];
  /** The columns of a numeric SQL type: their scores are read as they are, with no cast from text. */
  readonly numeric: ReadonlySet<string>;
  /** What the source is called in messages: 'file' or 'table'. */
  readonly kind: 'file' | 'table';
  /** The report's source: its name, format and the first note (how it was counted). */
  readonly source: Pick<ReportSource, 'name' | 'format' | 'notes'>;
  /** Header rows before the first answer (1 for a CSV file, 0 for Parquet or a table). */
  readonly headerRows: number;
}

const DEFAULT_SCALES: Record<'nps' | 'csat' | 'ces', Scale> = { nps: scales.nps, csat: scales.csat5, ces: scales.ces7 };
const TIME_NAMES = ['submitted_at', 'submittedat', 'submitted', 'timestamp', 'created_at', 'date', 'time', 'responded_at'];

/**
 * A cell as a double, read as a file's cell is: NULL or blank is NULL (a skipped answer, or a
 * missing weight); a decimal number (no exponent) is read, then checked by the query (the scale,
 * or the weight's range); anything else is `otherwise`: NaN for a score (an invalid answer,
 * counted), NULL for a weight (a bad weight: its row is rejected, counted). A numeric column is
 * taken as it is (no per-row cast).
 */
function numberExpression(dialect: SQLReportSource['dialect'], column: string, numeric: boolean, otherwise: 'NaN' | 'NULL'): string {
  const quoted = DIALECTS[dialect].quote(column);
  if (numeric) return quoted;
  const text = dialect === 'duckdb' ? `CAST(${quoted} AS VARCHAR)` : `CAST(${quoted} AS text)`;
  const number = `'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)\\s*$'`;
  const matches = dialect === 'duckdb' ? `regexp_full_match(${text}, ${number})` : `${text} ~ ${number}`;
  const double = dialect === 'duckdb' ? 'DOUBLE' : 'double precision';
  return `CASE WHEN ${quoted} IS NULL OR trim(${text}) = '' THEN NULL WHEN ${matches} THEN CAST(trim(${text}) AS ${double}) ELSE ${otherwise === 'NaN' ? `CAST('NaN' AS ${double})` : 'NULL'} END`;
}

/**
 * The report of `cx-metrics report --engine duckdb|postgres`: the counting runs inside the
 * database through `runTallyQuery`, the statistics here, so the scores, intervals, tables and
 * trends are the in-memory path's for the same answers. A score cell that is not a number counts
 * as an invalid answer (never a skipped one), as a rejected row does in memory; labels and vendor
 * layouts are the in-memory engine's job.
 */
export async function reportFromSQL(functionName: string, sql: SQLReportSource, request: ReportRequest): Promise<ReportData> {
  const fn = functionName;
  const { columns, kind: where } = sql;
  const quote = DIALECTS[sql.dialect].quote;
  const find = (name: string, option: string): string => {
    if (columns.includes(name)) return name;
    throw usageError(fn, `a column of the ${where}${didYouMean(name, columns)}`, JSON.stringify(name), option);
  };
  const byName = (names: readonly string[]): string | undefined => columns.find((column) => names.includes(column.toLowerCase()));
  // The metrics asked for (--nps, --csat, --ces); without any, every one with a column of its name, as in memory.
  const asked = (['nps', 'csat', 'ces'] as const).filter((kind) => request.columns[kind] !== undefined);
  const kinds = asked.length > 0 ? asked : (['nps', 'csat', 'ces'] as const).filter((kind) => byName([kind]) !== undefined);
  if (kinds.length === 0) throw usageError(fn, 'a score column (--nps, --csat or --ces, or a column named nps, csat or ces)', columns.join(', '), where);
  const by = request.by.map((name) => find(name, '--by'));
  const weight = request.weight === undefined ? undefined : find(request.weight, '--weight');
  const timeColumn = request.time === undefined ? undefined : request.timeColumn !== undefined ? find(request.timeColumn, '--time-column') : byName(TIME_NAMES);
  if (request.time !== undefined && timeColumn === undefined) throw usageError(fn, `a time column (--time-column; none of ${TIME_NAMES.join(', ')} is in the ${where})`, columns.join(', '), '--time');
  const notes = [...sql.source.notes];
  const metrics = [];
  for (const kind of kinds) {
    const column = request.columns[kind] !== undefined ? find(request.columns[kind] as string, `--${kind}`) : (byName([kind]) as string);
    const scale = request.scales[kind] ?? DEFAULT_SCALES[kind];
    notes.push(`${kind.toUpperCase()}: column ${column}, scale ${scale.id}`);
    // Segment values as text, as a file's cells are (a number, a JSON value or an array becomes
    // its text, one key part); the weight as a number (a text cell that is not one is a bad
    // weight); the time column as it is.
    const expression = (name: string): string =>
      name === timeColumn ? quote(name) : name === weight ? numberExpression(sql.dialect, name, sql.numeric.has(name), 'NULL') : `CAST(${quote(name)} AS ${sql.dialect === 'duckdb' ? 'VARCHAR' : 'text'})`;
    const kept = [...new Set([...by, ...(weight === undefined ? [] : [weight]), ...(timeColumn === undefined ? [] : [timeColumn])])].map((name) => `${expression(name)} AS ${quote(name)}`);
    const tallies = await runTallyQuery(
      sql.client,
      {
        dialect: sql.dialect,
        from: { subquery: `SELECT ${[...kept, `${numberExpression(sql.dialect, column, sql.numeric.has(column), 'NaN')} AS ${quote('cx_score')}`].join(', ')} FROM ${sql.from}` },
        scale,
        score: 'cx_score',
        ...(weight === undefined ? {} : { weight }),
        by,
        ...(request.time === undefined || timeColumn === undefined ? {} : { time: { column: timeColumn, unit: request.time, timeZone: request.timeZone ?? 'UTC' } }),
      },
      // As in memory, a row with a bad weight is rejected (and counted), not the whole report.
      { onInvalid: 'exclude', onInvalidWeight: 'exclude' },
    ).catch((error: unknown) => {
      // What the database could not read as asked (a time column of integers, text that is not a
      // date): its own words, in the command's name, as bad data (exit 1).
      if (!(error instanceof CxMetricsError) || error.code !== 'source_failed') throw error;
      const cause = error.cause instanceof Error ? error.cause.message : error.message;
      throw usageError(fn, `columns the database can read as asked (${timeColumn === undefined ? 'numbers in the score and weight columns' : `instants in --time-column ${timeColumn}: timestamptz, timestamp, date or ISO text`})`, cause, sql.kind === 'table' ? '--table' : 'file', 'invalid_input');
    });
    const options = { metric: kind, onInvalid: 'exclude', ...(request.level === undefined ? {} : { level: request.level }), ...(request.varianceMethod === undefined ? {} : { varianceMethod: request.varianceMethod }) } as const;
    const table = by.length === 0 ? undefined : tallies.segmentTable({ ...options, ...(request.minimumN === undefined ? {} : { minimumN: request.minimumN }) });
    const rejected = tallies.invalidWeights;
    const total = tallies.overall.total + rejected;
    metrics.push(
      Object.freeze({
        column,
        result: table?.overall ?? metricFunctions(fn, options, scale).compute(tallies.overall),
        segments: table,
        trend: request.time === undefined ? undefined : tallies.trend({ ...options, minimumN: request.minimumN ?? 30 }),
        ingest: Object.freeze({
          total,
          // Every row reaches the tally: a cell off the scale or not a number is an invalid answer
          // there (result.responses.invalid), not a row rejected before it.
          accepted: total - rejected,
          rejected,
          excluded: 0,
          excludedReasons: Object.freeze({}),
          // The database says only that the weight was bad (missing, negative or not finite), not which.
          issueCounts: Object.freeze(rejected > 0 ? { invalid_value: rejected } : {}),
          headerRows: sql.headerRows,
          columns: Object.freeze([...columns]),
          fields: Object.freeze([]),
          absentColumns: Object.freeze([]),
        }),
      }),
    );
  }
  return Object.freeze({
    title: request.title,
    source: Object.freeze({ name: sql.source.name, format: sql.source.format, delimiter: undefined, vendor: 'plain', notes: Object.freeze(notes) }),
    metrics: Object.freeze(metrics),
    risk: undefined,
  });
}
