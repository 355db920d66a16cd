/** The `--help` of the command and of each subcommand, with examples. docs/cli.md shows the same. */
const READING = `Reading:
  <file>                   a CSV (, ; or tab, detected), NDJSON or JSON file, plain or .gz; - reads standard input
  --nps, --csat, --ces <column>
                           the column of each metric (default: found by name, e.g. nps, csat, ces,
                           or by the vendor's question text); naming one reads only those named
  --scale <metric=scale>   e.g. ces=ces5Effort, csat=csat7 (scales: nps, csat3, csat5, csat7, csat10,
                           ces7, ces5, ces5Effort, ces10Effort); default nps, csat5, ces7
  --vendor <name>          read the file as qualtrics, qualtrics-legacy, surveymonkey, typeform,
                           delighted, zendesk or plain (default: detected, and said in the output)
  --weight <column>        a column of weights
  --skip-values <v,v>      cell values that mean "no answer" (e.g. -99,N/A), counted as skipped
  --tz <zone>              IANA time zone of times without an offset, and of the calendar (default UTC,
                           or the export's own)
  --delimiter <d>          , ; or tab (default: detected from the header line)
  --encoding <name>        the file's text encoding, e.g. windows-1252 (default utf-8)
  --strict                 any bad row is an error (exit code 1)
`;

const EXITS = `Exit codes: 0 done; 1 bad data (a bad row under --strict, or any with validate); 2 a wrong
command line or a file that cannot be read.
`;

export const HELP: Readonly<Record<'main' | 'report' | 'validate' | 'risk', string>> = Object.freeze({
  main: `cx-metrics: NPS, CSAT and CES from survey exports, with confidence intervals and every row accounted for

Usage:
  cx-metrics report <file> [options]     scores, segments and trends (text, json, csv, markdown, html)
  cx-metrics validate <file> [options]   every bad row with its line, column, value and reason
  cx-metrics risk <file…> [options]      the loyalty-risk worklist from NPS and CES answers

Run cx-metrics <command> --help for a command's options.

Examples:
  cx-metrics report responses.csv --by channel --time month
  cx-metrics report export.csv --format html --out report.html
  cx-metrics validate export.csv --nps Q1 && load-into-warehouse export.csv
  cx-metrics risk relationship.csv interactions.csv --outcomes outcomes.csv

${EXITS}`,
  report: `cx-metrics report <file> [options]
       cx-metrics report --engine postgres --table <table> [options]

Scores with their intervals and n, per segment and per period, and where every row went.

${READING}
Report:
  --by <col,col>           segment columns (a cross-tab with several)
  --time <unit>            day, week (ISO), month, quarter or year; needs a time column
  --time-column <column>   the time column (default: found by name, e.g. submitted_at)
  --level <level>          confidence level, e.g. 0.9 or 90% (default 95%)
  --min-n <n>              the n below which a segment or period is flagged small (default 30)
  --variance <method>      with --weight: linearization (default, as R's survey) or kish
  --engine <engine>        memory (default), duckdb (count inside DuckDB: .csv, .csv.gz, .parquet;
                           needs @duckdb/node-api installed), auto (DuckDB for files over 128 MB)
                           or postgres (count inside PostgreSQL: --table, no file; needs pg)
  --table <name>           with --engine postgres: the table (schema.table for another schema)
  --url <url>              with --engine postgres: postgres://user:password@host:port/database
                           (default: the PGURL environment variable)
  --format <format>        text (default), json, csv, markdown or html
  --out <file>             write to a file instead of standard output
  --title <text>           the report's title

Examples:
  cx-metrics report responses.csv
  cx-metrics report responses.csv --nps nps --by channel --time month --tz Europe/Berlin
  cx-metrics report qualtrics.csv --format json --out scores.json
  cx-metrics report responses.csv --by channel --format html --out report.html
  cx-metrics report --engine postgres --table responses --by channel --time month
  zcat big.csv.gz | cx-metrics report - --nps score --by region

${EXITS}`,
  validate: `cx-metrics validate <file> [options]

Reads the file as report does and lists every bad row: its line in the file, the metric, the
column, the value and why it was refused. Exit code 1 when there is any.

${READING}
Output:
  --format <format>        text (default), json or csv
  --out <file>             write to a file instead of standard output

Examples:
  cx-metrics validate responses.csv
  cx-metrics validate export.csv --nps Q1 --format csv --out bad-rows.csv

${EXITS}`,
  risk: `cx-metrics risk <file…> [options]

The loyalty-risk classifier: transactional CES read together with relational NPS per customer
(customer_id, or contact_id for a contact's own answers), so one bad interaction is not taken for a
disloyal customer. One file may hold both metrics, or give one file of each.

${READING}
Risk:
  --outcomes <file>        customer_id and churned (true/false) per customer: how well the tiers
                           foretold churn (a trend test across tiers)
  --as-of <date>           the date the verdicts are as of (default: the latest answer)
  --by <col>               segment the portfolio by a column
  --format <format>        text (default), json, csv (the whole worklist), markdown or html
  --out <file>             write to a file instead of standard output

Examples:
  cx-metrics risk relationship.csv interactions.csv
  cx-metrics risk relationship.csv interactions.csv --outcomes outcomes.csv --format csv --out worklist.csv

${EXITS}`,
});
