// The command against the tool a data person would reach for instead: NPS by one segment column of
// a generated export (about 55 bytes a row), `cx-metrics report` against DuckDB's read_csv +
// GROUP BY of the same file, each in a fresh process, interleaved, best of three, wall time and
// peak RSS. Also papaparse + segmentByAsync (the library's pieces wired by hand). Run `npm run
// bench` (or `node bench/cli.bench.mjs 1e6 1e7`); the files are made once in bench/.data.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateExport } from './exportData.mjs';

const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'bench', '.data');
mkdirSync(data, { recursive: true });
const sizes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['1e6', '1e7']).map(Number);

/** Runs a command in a fresh process; its wall time and peak RSS (reported by the process itself at exit). */
function measure(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench', 'rss.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const rss = Number(/^rss (\d+)$/m.exec(result.stderr)?.[1] ?? NaN) / 1024;
  return { seconds, rss, stdout: result.stdout };
}

const contenders = {
  'cx-metrics report': (file) => [join(root, 'dist', 'cli.js'), 'report', file, '--nps', 'nps', '--by', 'region', '--format', 'json'],
  'DuckDB read_csv + GROUP BY': (file) => [join(root, 'bench', 'duckdb-nps.mjs'), file],
  'papaparse + segmentByAsync': (file) => [join(root, 'bench', 'papaparse-nps.mjs'), file],
};
if (!existsSync(join(root, 'dist', 'cli.js'))) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'inherit' });

console.log(`NPS by region, ${Object.keys(contenders).join(' | ')}; fresh process each, best of 3 (wall s, peak RSS MB)`);
for (const rows of sizes) {
  const file = join(data, `export-${rows}.csv`);
  if (!existsSync(file)) await generateExport(rows, file);
  const bytes = statSync(file).size;
  const best = {};
  const rounds = rows >= 1e7 ? 2 : 3;
  const answers = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, args] of Object.entries(contenders)) {
      if (rows >= 1e7 && name.startsWith('papaparse') && round > 0) continue;
      const run = measure(args(file));
      answers[name] = run.stdout;
      const previous = best[name];
      if (previous === undefined || run.seconds < previous.seconds) best[name] = { seconds: run.seconds, rss: Math.max(run.rss, previous?.rss ?? 0) };
      else best[name] = { ...previous, rss: Math.max(run.rss, previous.rss) };
    }
  }
  // The contenders must agree on the numbers before their times mean anything.
  const ours = JSON.parse(answers['cx-metrics report']).metrics[0].segments.segments.map((segment) => [segment.key[0], segment.n, segment.result.promoters.count, segment.result.detractors.count]);
  const duck = JSON.parse(answers['DuckDB read_csv + GROUP BY']);
  for (const [region, n, promoters, detractors] of ours) {
    const row = duck.find((entry) => entry.region === region);
    if (row === undefined || row.n !== n || row.promoters !== promoters || row.detractors !== detractors) throw new Error(`DuckDB and cx-metrics disagree on ${region}: ${JSON.stringify(row)} vs ${[n, promoters, detractors]}`);
  }
  const duckSeconds = best['DuckDB read_csv + GROUP BY'].seconds;
  console.log(`\n${rows.toExponential(0)} rows, ${(bytes / 1e6).toFixed(0)} MB (${(bytes / rows).toFixed(0)} bytes a row); counts agree with DuckDB`);
  for (const [name, { seconds, rss }] of Object.entries(best)) {
    console.log(`  ${name.padEnd(28)} ${seconds.toFixed(2).padStart(6)} s  ${rss.toFixed(0).padStart(4)} MB  ${(seconds / duckSeconds).toFixed(2)}× DuckDB`);
  }
}
