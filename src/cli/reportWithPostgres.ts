import type { ReportData } from '../report/ReportData.js';
import { didYouMean } from '../internal/nearNames.js';
import { DIALECTS } from '../sql/SQLDialect.js';
import type { PostgresClientLike } from '../sql/runTallyQuery.js';
import type { ReportRequest } from './collectReport.js';
import { reportFromSQL } from './reportFromSQL.js';
import { usageError } from './usageError.js';

/** What the command takes of `pg` (loaded only for `--engine postgres`). */
interface PgModule {
  readonly Client: new (config: { connectionString: string }) => PostgresClientLike & { connect(): Promise<unknown>; end(): Promise<void> };
}

/** PostgreSQL's numeric column types (format_type). */
const NUMERIC_TYPE = /^(smallint|integer|bigint|real|double precision|numeric(\(\d+(,\d+)?\))?)$/;

/**
 * The parts of `--table`: split at dots, except inside double quotes, where a name is taken as it
 * is (`"odd.name"`, with `""` for a quote), so any table can be named.
 */
function tableParts(table: string): string[] {
  const parts: string[] = [];
  let part = '';
  let quoted = false;
  for (let at = 0; at < table.length; at++) {
    const character = table[at] as string;
    if (quoted && character === '"' && table[at + 1] === '"') {
      part += '"';
      at++;
    } else if (character === '"') quoted = !quoted;
    else if (character === '.' && !quoted) {
      parts.push(part);
      part = '';
    } else part += character;
  }
  parts.push(part);
  return parts;
}

/** The connection string with its password hidden, for messages. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'text that is not a URL (not shown: it may hold a password)';
  }
}

/**
 * `cx-metrics report --engine postgres --table responses --url postgres://…`: the counting runs
 * inside PostgreSQL (the table read where it is, nothing exported), the statistics here
 * ({@link reportFromSQL}). The connection string is `--url`, else the `PGURL` environment variable;
 * a table name may carry its schema (`analytics.responses`).
 */
export async function reportWithPostgres(functionName: string, table: string, url: string, request: ReportRequest): Promise<ReportData> {
  const fn = functionName;
  let pg: PgModule;
  try {
    const loaded = (await import('pg' as string)) as { default?: PgModule } & PgModule;
    pg = loaded.default ?? loaded;
  } catch {
    throw usageError(fn, 'pg installed beside cx-metrics (npm install pg)', 'not installed', '--engine');
  }
  if (!/^postgres(ql)?:\/\//i.test(url) || !URL.canParse(url)) {
    throw usageError(fn, 'a connection string postgres://user:password@host:port/database', shown(url), '--url');
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw usageError(fn, 'a PostgreSQL server that takes the connection', `${shown(url)}: ${error instanceof Error ? error.message : String(error)}`, '--url');
  }
  try {
    // Times without an offset (timestamp without time zone, text like 2026-07-31 23:30) are read in
    // --tz, as the in-memory engine reads them: the session's zone decides PostgreSQL's cast.
    const zone = request.timeZone ?? 'UTC';
    await client.query({ text: "SELECT set_config('TimeZone', $1::text, false)", values: [zone] }).catch(() => {
      throw usageError(fn, 'an IANA time zone such as Europe/Berlin', JSON.stringify(zone), '--tz');
    });
    const quoted = tableParts(table)
      .map((part) => DIALECTS.postgresql.quote(part))
      .join('.');
    const described = await client.query({ text: 'SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = to_regclass($1::text) AND attnum > 0 AND NOT attisdropped ORDER BY attnum', values: [quoted] });
    if (described.rows.length === 0) {
      const tables = await client.query({ text: "SELECT CASE WHEN table_schema = current_schema() THEN table_name ELSE table_schema || '.' || table_name END AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", values: [] });
      const names = tables.rows.map((row) => String(row['name']));
      throw usageError(fn, `a table the connection can read${didYouMean(table, names)}`, JSON.stringify(table), '--table');
    }
    const notes = [`counted inside PostgreSQL (--engine postgres, table ${table}); the statistics computed here from its counts`];
    return await reportFromSQL(
      fn,
      {
        dialect: 'postgresql',
        client,
        from: quoted,
        columns: described.rows.map((row) => String(row['attname'])),
        numeric: new Set(described.rows.filter((row) => NUMERIC_TYPE.test(String(row['type']))).map((row) => String(row['attname']))),
        kind: 'table',
        source: { name: table, format: 'table', notes },
        headerRows: 0,
      },
      request,
    );
  } finally {
    await client.end();
  }
}
