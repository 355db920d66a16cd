// Packs the package as npm would publish it, installs the tarball into an empty project without
// zod, and runs one script against it under Node, Deno and Bun: the root entry must load and
// work with zod absent. Then it installs zod and checks `cx-metrics/schema` under all three.
// The built package, not the sources, is what users get.
// Last, the examples a user runs against it: the notebook's code cells under Deno with every
// displayed result checked (scripts/run-notebook.mjs), and examples/bun.ts under Bun.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNotebook } from './run-notebook.mjs';

const root = new URL('..', import.meta.url).pathname;
const work = join(root, '.smoke');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], root).trim().split('\n').pop();
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
run('npm', ['install', '--silent', '--no-audit', '--no-fund', '--ignore-scripts', join(work, tarball)], work);

writeFileSync(
  join(work, 'smoke.mjs'),
  `import { computeCES, computeCSAT, computeNPS, CxMetricsError, scales, tallyAnswers } from 'cx-metrics';
const nps = computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9]);
const csat = computeCSAT(Uint8Array.from([5, 4, 4, 3, 2, 5, 1, 4]));
const ces = computeCES(tallyAnswers([7, 6, 6, 5, 4, 2, 7], { scale: scales.ces7 }));
let code;
try { computeNPS([11]); } catch (error) { code = error instanceof CxMetricsError ? error.code : 'wrong class'; }
const checks = [
  Math.abs(nps.score - 100 / 3) < 1e-9,
  Math.abs(nps.ci.lower + 20.469240106) < 1e-6,
  csat.score === 62.5,
  Math.abs(ces.score - 37 / 7) < 1e-12,
  code === 'invalid_answers',
];
if (!checks.every(Boolean)) { console.error('smoke checks failed', checks); process.exit(1); }
console.log('ok');
`,
);

writeFileSync(
  join(work, 'schema.mjs'),
  `import { ingest, scales } from 'cx-metrics';
import { responseSchema, scoreSchema } from 'cx-metrics/schema';
const body = responseSchema(scales.nps).parse({ respondentId: 'u1', score: 9, extra: 1 });
const checks = [
  scoreSchema(scales.nps).safeParse(10).success,
  !scoreSchema(scales.nps).safeParse(11).success,
  ingest([body], { scale: scales.nps }).accepted === 1,
];
if (!checks.every(Boolean)) { console.error('schema checks failed', checks); process.exit(1); }
console.log('ok');
`,
);

const runtimes = [
  ['node', ['smoke.mjs']],
  [join(root, 'node_modules', '.bin', 'deno'), ['run', '--quiet', '--allow-read', '--allow-env', 'smoke.mjs']],
  [join(root, 'node_modules', '.bin', 'bun'), ['smoke.mjs']],
];
let failed = 0;
let passed = 0;
function check(label, script) {
  for (const [command, args] of runtimes) {
    const name = `${command.split('/').pop()} ${label}`;
    try {
      const output = run(command, [...args.slice(0, -1), script], work).trim();
      if (output !== 'ok') throw new Error(output);
      console.log(`smoke: ${name} ok`);
      passed++;
    } catch (error) {
      failed++;
      console.error(`smoke: ${name} FAILED\n${error.stderr ?? ''}${error.stdout ?? ''}${error.message}`);
    }
  }
}

if (existsSync(join(work, 'node_modules', 'zod'))) throw new Error('smoke: zod was installed with the package; it must stay an optional peer');
check('cx-metrics without zod', 'smoke.mjs');
const zodVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'zod', 'package.json'), 'utf8')).version;
run('npm', ['install', '--silent', '--no-audit', '--no-fund', '--ignore-scripts', `zod@${zodVersion}`], work);
check('cx-metrics/schema with zod', 'schema.mjs');

/** One counted check of an example: `attempt` returns a note for the log, or throws. */
function checkExample(name, attempt) {
  try {
    const note = attempt();
    console.log(`smoke: ${name} ok${note ? ` (${note})` : ''}`);
    passed++;
  } catch (error) {
    failed++;
    console.error(`smoke: ${name} FAILED\n${error.stderr ?? ''}${error.stdout ?? ''}${error.message}`);
  }
}
// The examples a user runs, against the installed package, with the sample data beside them as
// in the repository: the notebook's code cells under Deno, each displayed result checked
// (scripts/run-notebook.mjs), and the Bun script, which fails when its numbers do not add up.
cpSync(join(root, 'examples', 'data'), join(work, 'examples', 'data'), { recursive: true });
checkExample('deno notebook', () => {
  const last = runNotebook({ work }).trim().split('\n').pop() ?? '';
  const counts = /^notebook: (\d+) code cells ran, (\d+) displays checked$/.exec(last);
  if (counts === null || Number(counts[2]) === 0) throw new Error(`expected the notebook to end with its counts and at least one display, got: ${last}`);
  return `${counts[1]} code cells ran, ${counts[2]} displays checked`;
});
checkExample('bun examples/bun.ts', () => {
  cpSync(join(root, 'examples', 'bun.ts'), join(work, 'examples', 'bun.ts'));
  const output = run(join(root, 'node_modules', '.bin', 'bun'), [join('examples', 'bun.ts')], work);
  if (!/^NPS of \d+ responses/.test(output)) throw new Error(`unexpected output:\n${output}`);
  return '';
});
rmSync(work, { recursive: true, force: true });
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
