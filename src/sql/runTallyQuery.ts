import { fail } from '../internal/issue.js';
import { CxMetricsError } from '../errors/CxMetricsError.js';
import { type SQLTallies, talliesFromRows, type TalliesFromRowsOptions } from './talliesFromRows.js';
import { tallyQuery, type TallyQuerySpec } from './tallyQuery.js';

/** A DuckDB connection from `@duckdb/node-api` (what this needs of it). */
export interface DuckDBConnectionLike {
  runAndReadAll(sql: string, values?: (string | number | boolean)[]): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
}

/** A `pg` Client or Pool (what this needs of it). */
export interface PostgresClientLike {
  query(config: { text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Writes the {@link tallyQuery} for the client's dialect, runs it on your own DuckDB connection
 * (`@duckdb/node-api`) or PostgreSQL client or pool (`pg`), and reads the rows back with
 * {@link talliesFromRows}. The drivers are your dependencies, not this library's: it only calls
 * the client you pass (`runAndReadAll` for DuckDB, `query` for pg). The dialect must match the
 * client. A database error becomes a `CxMetricsError` (`source_failed`) with the driver's error as
 * its `cause`.
 *
 * @param client - a DuckDB connection or a pg Client/Pool
 * @param spec - as for {@link tallyQuery}, with `dialect` `'duckdb'` or `'postgresql'`
 * @param options - as for {@link talliesFromRows}
 * @returns the tallies, with `segmentTable()` and `trend()`
 * @throws {@link CxMetricsError} as {@link tallyQuery} and {@link talliesFromRows} do, and `source_failed`
 *
 * @example
 * ```ts
 * import { scales } from 'cx-metrics';
 * import { runTallyQuery } from 'cx-metrics/sql';
 *
 * // A stand-in for pg's Client, answering as PostgreSQL would.
 * const client = { query: async () => ({ rows: [{ bucket: null, point: 9, kind: 'answered', answers: '4' }, { bucket: null, point: 3, kind: 'answered', answers: '1' }] }) };
 * const tallies = await runTallyQuery(client, { dialect: 'postgresql', from: 'responses', scale: scales.nps, score: 'nps' });
 * tallies.overall.answered; // => 5
 * ```
 */
export async function runTallyQuery(client: DuckDBConnectionLike | PostgresClientLike, spec: TallyQuerySpec, options?: TalliesFromRowsOptions): Promise<SQLTallies> {
  const fn = 'runTallyQuery';
  const query = tallyQuery(spec);
  const isDuckDB = typeof (client as DuckDBConnectionLike | undefined)?.runAndReadAll === 'function';
  const isPostgres = !isDuckDB && typeof (client as PostgresClientLike | undefined)?.query === 'function';
  if (!isDuckDB && !isPostgres) fail(fn, 'invalid_argument', 'invalid_type', 'a DuckDB connection (@duckdb/node-api) or a pg Client or Pool', client, ['client']);
  if ((isDuckDB && query.dialect !== 'duckdb') || (isPostgres && query.dialect !== 'postgresql')) {
    fail(fn, 'invalid_option', 'invalid_value', `dialect '${isDuckDB ? 'duckdb' : 'postgresql'}' for this client`, query.dialect, ['spec', 'dialect']);
  }
  let rows: Record<string, unknown>[];
  try {
    rows = isDuckDB ? (await (client as DuckDBConnectionLike).runAndReadAll(query.text, [...query.values])).getRowObjectsJS() : (await (client as PostgresClientLike).query({ text: query.text, values: [...query.values] })).rows;
  } catch (error) {
    if (error instanceof CxMetricsError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new CxMetricsError('source_failed', `${fn}: the database refused the query: ${message}`, [{ code: 'invalid_value', message: `${fn}: the database refused the query: ${message}`, expected: 'a query the database runs', received: message.slice(0, 200), path: ['client'] }], { cause: error });
  }
  return talliesFromRows(rows, query, options);
}
