import type { Scale } from '../scales/defineScale.js';
import { scales } from '../scales/scales.js';
import type { ReportData } from '../report/ReportData.js';
import { DIALECTS } from '../sql/SQLDialect.js';
import { runTallyQuery, type DuckDBConnectionLike } from '../sql/runTallyQuery.js';
import { didYouMean } from '../internal/nearNames.js';
import type { ReportRequest } from './collectReport.js';
import { usageError } from './usageError.js';

/** What the command takes of `@duckdb/node-api` (loaded only for `--engine duckdb`). */
interface DuckDBModule {
  readonly DuckDBInstance: { create(path?: string): Promise<{ connect(): Promise<DuckDBConnectionLike & { closeSync(): void }> }> };
}

const DEFAULT_SCALES: Record<'nps' | 'csat' | 'ces', Scale> = { nps: scales.nps, csat: scales.csat5, ces: scales.ces7 };
const TIME_NAMES = ['submitted_at', 'submittedat', 'submitted', 'timestamp', 'created_at', 'date', 'time', 'responded_at'];

/**
 * `cx-metrics report <file> --engine duckdb`: the counting runs inside DuckDB (a CSV, `.csv.gz` or
 * Parquet file read by `read_csv`/`read_parquet`), the statistics here, through `runTallyQuery`,
 * so the scores, intervals, tables and trends are the in-memory path's for the same answers. A
 * score cell that is not a number counts as an invalid answer (never a skipped one), as a rejected
 * row does in memory; labels and vendor layouts are the in-memory engine's job.
 */
export async function reportWithDuckDB(functionName: string, path: string, request: ReportRequest): Promise<ReportData> {
  const fn = functionName;
  let duckdb: DuckDBModule;
  try {
    duckdb = (await import('@duckdb/node-api' as string)) as DuckDBModule;
  } catch {
    throw usageError(fn, '@duckdb/node-api installed beside cx-metrics (npm install @duckdb/node-api)', 'not installed', '--engine');
  }
  const quote = DIALECTS.duckdb.quote;
  const literal = `'${path.replaceAll("'", "''")}'`;
  const parquet = /\.parquet$/i.test(path);
  const source = parquet ? `read_parquet(${literal})` : `read_csv(${literal})`;
  const connection = await (await duckdb.DuckDBInstance.create(':memory:')).connect();
  try {
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS();
    const columns = described.map((row) => String(row['column_name']));
    const find = (name: string, option: string): string => {
      if (columns.includes(name)) return name;
      throw usageError(fn, `a column of the file${didYouMean(name, columns)}`, JSON.stringify(name), option);
    };
    const byName = (names: readonly string[]): string | undefined => columns.find((column) => names.includes(column.toLowerCase()));
    // The metrics asked for (--nps, --csat, --ces); without any, every one with a column of its name, as in memory.
    const asked = (['nps', 'csat', 'ces'] as const).filter((kind) => request.columns[kind] !== undefined);
    const kinds = asked.length > 0 ? asked : (['nps', 'csat', 'ces'] as const).filter((kind) => byName([kind]) !== undefined);
    if (kinds.length === 0) throw usageError(fn, 'a score column (--nps, --csat or --ces, or a column named nps, csat or ces)', columns.join(', '), 'file');
    const by = request.by.map((name) => find(name, '--by'));
    const weight = request.weight === undefined ? undefined : find(request.weight, '--weight');
    const timeColumn = request.time === undefined ? undefined : request.timeColumn !== undefined ? find(request.timeColumn, '--time-column') : byName(TIME_NAMES);
    if (request.time !== undefined && timeColumn === undefined) throw usageError(fn, `a time column (--time-column; none of ${TIME_NAMES.join(', ')} is in the file)`, columns.join(', '), '--time');
    const notes = [`counted inside DuckDB (--engine duckdb, ${parquet ? 'read_parquet' : 'read_csv'}); the statistics computed here from its counts`];
    const metrics = [];
    for (const kind of kinds) {
      const column = request.columns[kind] !== undefined ? find(request.columns[kind] as string, `--${kind}`) : (byName([kind]) as string);
      const scale = request.scales[kind] ?? DEFAULT_SCALES[kind];
      notes.push(`${kind.toUpperCase()}: column ${column}, scale ${scale.id}`);
      // A cell that is not a number becomes NaN: an invalid answer, counted, never a skipped one.
      const kept = [...new Set([...by, ...(weight === undefined ? [] : [weight]), ...(timeColumn === undefined ? [] : [timeColumn])])].map(quote);
      const score = `CASE WHEN ${quote(column)} IS NULL THEN NULL ELSE coalesce(TRY_CAST(${quote(column)} AS DOUBLE), 'NaN') END AS ${quote('cx_score')}`;
      const tallies = await runTallyQuery(
        connection,
        {
          dialect: 'duckdb',
          from: { subquery: `SELECT ${[...kept, score].join(', ')} FROM ${source}` },
          scale,
          score: 'cx_score',
          ...(weight === undefined ? {} : { weight }),
          by,
          ...(request.time === undefined || timeColumn === undefined ? {} : { time: { column: timeColumn, unit: request.time, timeZone: request.timeZone ?? 'UTC' } }),
        },
        { onInvalid: 'exclude' },
      );
      const options = { metric: kind, onInvalid: 'exclude', ...(request.level === undefined ? {} : { level: request.level }), ...(request.varianceMethod === undefined ? {} : { varianceMethod: request.varianceMethod }) } as const;
      const table = tallies.segmentTable({ ...options, ...(request.minimumN === undefined ? {} : { minimumN: request.minimumN }) });
      const total = tallies.overall.total;
      metrics.push(
        Object.freeze({
          column,
          result: table.overall,
          segments: by.length > 0 ? table : undefined,
          trend: request.time === undefined ? undefined : tallies.trend({ ...options, minimumN: request.minimumN ?? 30 }),
          ingest: Object.freeze({
            total,
            accepted: total - tallies.overall.invalid,
            rejected: tallies.overall.invalid,
            excluded: 0,
            excludedReasons: Object.freeze({}),
            issueCounts: Object.freeze(tallies.overall.invalid > 0 ? { out_of_range: tallies.overall.invalid } : {}),
            headerRows: parquet ? 0 : 1,
            columns: Object.freeze([...columns]),
            fields: Object.freeze([]),
            absentColumns: Object.freeze([]),
          }),
        }),
      );
    }
    return Object.freeze({
      title: request.title,
      source: Object.freeze({ name: path, format: parquet ? 'parquet' : 'csv', delimiter: undefined, vendor: 'plain', notes: Object.freeze(notes) }),
      metrics: Object.freeze(metrics),
      risk: undefined,
    });
  } finally {
    connection.closeSync();
  }
}
