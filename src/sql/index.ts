/**
 * cx-metrics/sql: counting pushed down to SQL engines, statistics kept in the library. Write the
 * query for your warehouse with `tallyQuery`, run it with your own driver, and read the rows back
 * with `talliesFromRows` (or let `runTallyQuery` do both on a DuckDB connection or a pg client):
 * the scores, intervals, segment tables and trends are then the ones the in-memory path gives.
 * No driver is imported here; you pass your own client.
 *
 * ```ts
 * import { scales } from 'cx-metrics';
 * import { tallyQuery } from 'cx-metrics/sql';
 *
 * tallyQuery({ dialect: 'duckdb', from: 'responses', scale: scales.nps, score: 'nps' }).values; // => []
 * ```
 *
 * @module
 */
export { runTallyQuery } from './runTallyQuery.js';
export { SQL_DIALECTS } from './SQLDialect.js';
export { talliesFromRows } from './talliesFromRows.js';
export { tallyQuery } from './tallyQuery.js';
export type { DuckDBConnectionLike, PostgresClientLike } from './runTallyQuery.js';
export type { SQLDialect } from './SQLDialect.js';
export type { SQLGroup, SQLTallies, TalliesFromRowsOptions } from './talliesFromRows.js';
export type { TallyFilter, TallyQuery, TallyQuerySpec, TallySource } from './tallyQuery.js';
