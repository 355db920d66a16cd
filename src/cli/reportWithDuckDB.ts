import { TimeZone } from '../internal/timeZone.js';
import type { ReportData } from '../report/ReportData.js';
import type { DuckDBConnectionLike } from '../sql/runTallyQuery.js';
import type { ReportRequest } from './collectReport.js';
import { checkReadableFile } from './checkReadableFile.js';
import { reportFromSQL } from './reportFromSQL.js';
import { usageError } from './usageError.js';

/** What the command takes of `@duckdb/node-api` (loaded only for `--engine duckdb`). */
interface DuckDBModule {
  readonly DuckDBInstance: { create(path?: string): Promise<{ connect(): Promise<DuckDBConnectionLike & { closeSync(): void }> }> };
}

/** True for a zone name the library's calendar knows (IANA, checked by Intl): no quote or other SQL in it. */
function isTimeZone(zone: string): boolean {
  try {
    new TimeZone('cx-metrics report', zone, ['--tz']);
    return true;
  } catch {
    return false;
  }
}

/** DuckDB's numeric column types (DESCRIBE's column_type). */
const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/;

/**
 * `cx-metrics report <file> --engine duckdb`: the counting runs inside DuckDB (a CSV, `.csv.gz` or
 * Parquet file read by `read_csv`/`read_parquet`), the statistics here ({@link reportFromSQL}).
 */
export async function reportWithDuckDB(functionName: string, path: string, request: ReportRequest): Promise<ReportData> {
  const fn = functionName;
  let duckdb: DuckDBModule;
  try {
    duckdb = (await import('@duckdb/node-api' as string)) as DuckDBModule;
  } catch {
    throw usageError(fn, '@duckdb/node-api installed beside cx-metrics (npm install @duckdb/node-api)', 'not installed', '--engine');
  }
  // The file is checked as the in-memory engine checks it, before DuckDB reads it.
  if (checkReadableFile(fn, path) === 0) throw usageError(fn, 'a file with a header row', 'an empty file', path, 'invalid_input');
  const literal = `'${path.replaceAll("'", "''")}'`;
  const parquet = /\.parquet$/i.test(path);
  const from = parquet ? `read_parquet(${literal})` : `read_csv(${literal})`;
  // Times without an offset are read in --tz, as the in-memory engine reads them: the session's
  // zone decides DuckDB's cast to TIMESTAMPTZ. SET takes no bound value; the zone is checked first.
  const zone = request.timeZone ?? 'UTC';
  if (!isTimeZone(zone)) throw usageError(fn, 'an IANA time zone such as Europe/Berlin', JSON.stringify(zone), '--tz');
  const connection = await (await duckdb.DuckDBInstance.create(':memory:')).connect();
  try {
    await connection.runAndReadAll(`SET TimeZone = '${zone.replaceAll("'", "''")}'`);
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJS();
    const notes = [`counted inside DuckDB (--engine duckdb, ${parquet ? 'read_parquet' : 'read_csv'}); the statistics computed here from its counts`];
    return await reportFromSQL(
      fn,
      {
        dialect: 'duckdb',
        client: connection,
        from,
        columns: described.map((row) => String(row['column_name'])),
        numeric: new Set(described.filter((row) => NUMERIC_TYPE.test(String(row['column_type']))).map((row) => String(row['column_name']))),
        kind: 'file',
        source: { name: path, format: parquet ? 'parquet' : 'csv', notes },
        headerRows: parquet ? 0 : 1,
      },
      request,
    );
  } finally {
    connection.closeSync();
  }
}
