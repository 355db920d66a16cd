// tallyQuery's SQL for every dialect. DuckDB and PostgreSQL also run for real (duckdb.test.ts,
// postgres.test.ts); BigQuery, Snowflake and Trino are parsed by parsers that know them and not
// run here. No JavaScript parser knows ClickHouse's SQL: its text is parsed as MySQL (its
// closest relative) once its {name:Type} parameters are replaced, a weaker check, said so.
import sqlParser from 'node-sql-parser';
import { parse } from 'sql-parser-cst';
import { describe, expect, test } from 'vitest';
import { scales } from 'cx-metrics';
import { SQL_DIALECTS, tallyQuery, type SQLDialect, type TallyQuerySpec } from 'cx-metrics/sql';

const nodeParser = new sqlParser.Parser();
const PARSERS: Record<SQLDialect, (text: string) => void> = {
  duckdb: (text) => parse(text, { dialect: 'postgresql', paramTypes: ['$nr'] }),
  postgresql: (text) => parse(text, { dialect: 'postgresql', paramTypes: ['$nr'] }),
  bigquery: (text) => parse(text, { dialect: 'bigquery', paramTypes: ['@name'] }),
  snowflake: (text) => nodeParser.astify(text, { database: 'snowflake' }),
  trino: (text) => nodeParser.astify(text, { database: 'trino' }),
  clickhouse: (text) => nodeParser.astify(text.replaceAll(/\{p\d+:(String|Float64)\}/g, '?'), { database: 'mysql' }),
};

const base = { from: 'analytics.responses', scale: scales.nps, score: 'nps' } as const;
const SPECS: (Omit<TallyQuerySpec, 'dialect'> & { name: string })[] = [
  { name: 'plain', ...base },
  { name: 'weighted, two segments, filters', ...base, weight: 'w', by: ['channel', 'region'], where: [{ column: 'region', equals: 'EU' }, { column: 'channel', in: ['chat', 'email'] }, { column: 'deleted_at', equals: null }] },
  ...(['day', 'isoWeek', 'month', 'quarter', 'year'] as const).map((unit) => ({ name: `by ${unit}`, ...base, weight: 'w', by: ['channel'], time: { column: 'submitted_at', unit, timeZone: 'Europe/Berlin' } })),
  { name: 'a subquery', ...base, from: { subquery: 'SELECT * FROM analytics.responses WHERE survey = 7' } },
];

describe('tallyQuery writes SQL each dialect parses', () => {
  for (const dialect of SQL_DIALECTS) {
    test.each(SPECS)(`${dialect}: $name`, ({ name: _, ...spec }) => {
      const query = tallyQuery({ ...spec, dialect });
      expect(() => PARSERS[dialect](query.text)).not.toThrow();
      // Every value the caller gave is bound, never in the text.
      for (const value of query.values) if (typeof value === 'string') expect(query.text).not.toContain(value);
    });
  }
});

describe('names are quoted for the dialect, values bound', () => {
  const nasty = 'score"; DROP TABLE x; --';
  test.each([
    ['duckdb', '"score""; DROP TABLE x; --"'],
    ['postgresql', '"score""; DROP TABLE x; --"'],
    ['snowflake', '"score""; DROP TABLE x; --"'],
    ['trino', '"score""; DROP TABLE x; --"'],
    ['bigquery', '`score"; DROP TABLE x; --`'],
    ['clickhouse', '`score"; DROP TABLE x; --`'],
  ] as const)('%s', (dialect, quoted) => {
    const query = tallyQuery({ dialect, ...base, score: nasty });
    expect(query.text).toContain(quoted);
    // node-sql-parser's Trino grammar lacks the standard "" escape inside a quoted name, which
    // Trino has; the standard-SQL parser checks that text instead.
    const parser = dialect === 'trino' ? PARSERS.postgresql : PARSERS[dialect];
    expect(() => parser(query.text.replaceAll('?', '$1'))).not.toThrow();
  });

  test('names that cannot be quoted safely, or would be cut short, are refused', () => {
    expect(() => tallyQuery({ dialect: 'bigquery', ...base, score: 'a`b' })).toThrow(/tallyQuery: expected a column or table name: .* without NUL or backticks, got "a`b" at spec\.score/);
    expect(() => tallyQuery({ dialect: 'postgresql', ...base, by: ['x'.repeat(64)] })).toThrow(/at most 63 bytes .* at spec\.by\[0\]/);
    expect(() => tallyQuery({ dialect: 'duckdb', ...base, weight: 'w\0' })).toThrow(/without NUL/);
    expect(() => tallyQuery({ dialect: 'clickhouse', ...base, score: 'a`b\\' }).text).not.toThrow();
    expect(tallyQuery({ dialect: 'clickhouse', ...base, score: 'a`b\\' }).text).toContain('`a\\`b\\\\`');
  });

  test('values are bound: the time zone is checked and bound, filters bound, NUL refused', () => {
    const query = tallyQuery({ dialect: 'postgresql', ...base, time: { column: 'at', unit: 'month', timeZone: 'Europe/Berlin' }, where: [{ column: 'channel', equals: "x'; DROP TABLE x; --\\" }] });
    expect(query.values).toEqual(['Europe/Berlin', "x'; DROP TABLE x; --\\"]);
    expect(() => tallyQuery({ dialect: 'postgresql', ...base, time: { column: 'at', unit: 'month', timeZone: "UTC'; DROP TABLE x; --" } })).toThrow(/expected an IANA time zone/);
    expect(() => tallyQuery({ dialect: 'postgresql', ...base, where: [{ column: 'c', equals: 'a\0b' }] })).toThrow(/tallyQuery: expected a text without NUL, a finite number or a boolean, got .* at spec\.where\[0\]\.equals/);
  });

  test('a misspelled spec key, a missing dialect or a file outside DuckDB is an error, never a silent default', () => {
    expect(() => tallyQuery({ dialect: 'duckdb', ...base, wieght: 'w' } as never)).toThrow(/tallyQuery: expected a known spec key .*did you mean "weight".*got "wieght" at spec\.wieght/);
    expect(() => tallyQuery({ ...base } as never)).toThrow(/tallyQuery: expected one of 'duckdb', 'postgresql', 'bigquery', 'snowflake', 'trino', 'clickhouse'/);
    expect(() => tallyQuery({ dialect: 'postgresql', ...base, from: { file: 'x.parquet' } })).toThrow(/\{ file \} is for DuckDB only/);
    expect(() => tallyQuery({ dialect: 'duckdb', ...base, time: { column: 'at', unit: 'week' as never, timeZone: 'UTC' } })).toThrow(/spec\.time\.unit/);
  });
});
