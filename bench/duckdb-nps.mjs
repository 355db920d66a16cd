// NPS counts by region with DuckDB (2 threads, as this machine has 2 cores): read_csv + GROUP BY.
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(
  `SELECT region, count(nps)::INTEGER AS n, (count(*) FILTER (WHERE nps >= 9))::INTEGER AS promoters, (count(*) FILTER (WHERE nps <= 6))::INTEGER AS detractors,
          100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps) AS nps
   FROM read_csv('${process.argv[2].replace(/'/g, "''")}') GROUP BY region ORDER BY region`,
);
console.log(JSON.stringify(reader.getRowObjectsJson()));
