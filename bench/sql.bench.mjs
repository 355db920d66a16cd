// Counts down, statistics up (docs/warehouse.md): NPS by region and month (Europe/Berlin) of a
// generated export, in one process, best of three per contender:
//  - the in-memory path: segmentBy + trend over the rows as JS objects (already parsed);
//  - DuckDB through runTallyQuery: an in-memory table, a Parquet file, the CSV file;
//  - the same SQL run directly in DuckDB (no cx-metrics around it): the floor for the above;
//  - the command, `cx-metrics report <file> --engine duckdb` (a child process, Node's start-up
//    included), against the same SQL run alone on the same file: the target is 1.2×;
//  - the command in memory (`--engine memory`, parsing the CSV included), for scale;
//  - PostgreSQL 15 through runTallyQuery on a table (when a server answers at PGURL; 10⁶ rows).
// Run `npm run build && node bench/sql.bench.mjs 1e6` (or `1e6 1e7`); the files are made once in bench/.data.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { scales, segmentBy, trend } from '../dist/index.js';
import { runTallyQuery, tallyQuery } from '../dist/sql.js';
import { generateExport } from './exportData.mjs';

const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'bench', '.data');
mkdirSync(data, { recursive: true });
const sizes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['1e6']).map(Number);
const time = { column: 'submitted_at', unit: 'month', timeZone: 'Europe/Berlin' };

async function best(run, rounds = 3) {
  let fastest = Infinity;
  let result;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    result = await run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: fastest, result };
}

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const duck = await instance.connect();
for (const rows of sizes) {
  const csv = join(data, `export-${rows}.csv`);
  if (!existsSync(csv)) await generateExport(rows, csv);
  const parquet = join(data, `export-${rows}.parquet`);
  const quoted = (path) => `'${path.replaceAll("'", "''")}'`;
  if (!existsSync(parquet)) await duck.run(`COPY (SELECT * FROM read_csv(${quoted(csv)})) TO ${quoted(parquet)} (FORMAT parquet)`);
  await duck.run(`CREATE OR REPLACE TABLE export AS SELECT * FROM read_csv(${quoted(csv)})`);
  const figures = [];
  const spec = (from) => ({ dialect: 'duckdb', from, scale: scales.nps, score: 'nps', by: ['region'], time });
  const viaSQL = async (from) => {
    const tallies = await runTallyQuery(duck, spec(from));
    return [tallies.segmentTable(), tallies.trend()];
  };
  figures.push(['DuckDB table, runTallyQuery', await best(() => viaSQL('export'))]);
  const query = tallyQuery(spec('export'));
  figures.push(['DuckDB table, the same SQL alone', await best(() => duck.runAndReadAll(query.text, [...query.values]))]);
  figures.push(['DuckDB Parquet file, runTallyQuery', await best(() => viaSQL({ file: parquet }))]);
  figures.push(['DuckDB CSV file, runTallyQuery', await best(() => viaSQL({ file: csv }))]);
  const alone = (file) => {
    const fileQuery = tallyQuery(spec({ file }));
    return () => duck.runAndReadAll(fileQuery.text, [...fileQuery.values]);
  };
  figures.push(['DuckDB Parquet file, the same SQL alone', await best(alone(parquet))]);
  figures.push(['DuckDB CSV file, the same SQL alone', await best(alone(csv))]);
  const command = (file, engine) => () => execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'report', file, '--nps', 'nps', '--by', 'region', '--time', 'month', '--tz', 'Europe/Berlin', '--engine', engine, '--format', 'json'], { maxBuffer: 1 << 26 });
  figures.push(['command --engine duckdb, Parquet file', await best(command(parquet, 'duckdb')), 'DuckDB Parquet file, the same SQL alone']);
  figures.push(['command --engine duckdb, CSV file', await best(command(csv, 'duckdb')), 'DuckDB CSV file, the same SQL alone']);
  figures.push(['command --engine memory, CSV file', await best(command(csv, 'memory'), rows > 1e6 ? 1 : 3), 'DuckDB CSV file, the same SQL alone']);

  // The in-memory path on the rows as objects (parsing the CSV is not counted).
  const objects = (await duck.runAndReadAll(`SELECT region, CAST(submitted_at AS VARCHAR) AS t, nps FROM export`)).getRowObjectsJS().map((row) => ({ region: row.region, nps: row.nps === null ? null : Number(row.nps), at: new Date(String(row.t).replace(' ', 'T').replace(/\+00$/, 'Z')) }));
  figures.push([
    'in memory: segmentBy + trend on objects',
    await best(() => {
      const options = { scale: scales.nps, value: 'nps' };
      return [segmentBy(objects, 'region', options), trend(objects, { ...options, time: 'at', unit: 'month', timeZone: 'Europe/Berlin' })];
    }),
  ]);

  if (rows <= 1e6) {
    const client = new pg.Client({ connectionString: process.env.PGURL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres' });
    const connected = await client.connect().then(() => true, () => false);
    if (connected) {
      await client.query('DROP TABLE IF EXISTS cx_bench');
      await client.query('CREATE TABLE cx_bench (response_id text, customer_id text, submitted_at timestamptz, region text, channel text, plan text, nps integer)');
      await client.query(`COPY cx_bench FROM ${quoted(csv)} WITH (FORMAT csv, HEADER true)`);
      await client.query('ANALYZE cx_bench');
      figures.push([
        'PostgreSQL table, runTallyQuery',
        await best(async () => {
          const tallies = await runTallyQuery(client, { ...spec('cx_bench'), dialect: 'postgresql' });
          return [tallies.segmentTable(), tallies.trend()];
        }),
      ]);
      await client.query('DROP TABLE cx_bench');
      await client.end();
    } else console.log('(PostgreSQL not reachable: skipped)');
  }
  console.log(`\n${rows} rows`);
  const seconds = (name) => figures.find(([named]) => named === name)[1].seconds;
  const floor = seconds('DuckDB table, the same SQL alone');
  for (const [name, figure, own] of figures) {
    const ratio = own === undefined ? '' : `  ${(figure.seconds / seconds(own)).toFixed(2)}× the SQL alone on that file`;
    console.log(`${name.padEnd(42)} ${figure.seconds.toFixed(3)} s  ${((figure.seconds / rows) * 1e9).toFixed(1)} ns/row  ${(figure.seconds / floor).toFixed(2)}× the SQL alone on the table${ratio}`);
  }
}
duck.closeSync();
