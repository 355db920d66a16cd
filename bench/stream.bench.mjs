// `npm run bench`: what streaming ingestion needs in memory. Each case runs in a child process of
// its own, so its peak resident set size (maxRSS) is its own: rows made one at a time by an async
// generator (as a file read line by line gives them), ingested and then segmented or tallied.
// Figures go into docs/performance.md.
import { execFileSync } from 'node:child_process';
import { ingestAsync, ingestStream, scales, segmentBy, segmentByAsync, tallyAnswersAsync } from '../dist/index.js';

const mapping = { scale: scales.nps, score: 'nps', respondentId: 'id', submittedAt: 'at', channel: 'channel' };
const CHANNELS = ['chat', 'email', 'phone', 'web'];
async function* exportRows(n) {
  for (let i = 0; i < n; i++) {
    yield { id: `R_${i}`, nps: i % 1000 === 0 ? 'n/a' : String((i * 7) % 11), at: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, channel: CHANNELS[i % 4] };
  }
}
const cases = {
  // The streaming pipeline: ingestStream into a segment table, holding one tally per segment.
  'ingestStream → segmentByAsync': async (n) => (await segmentByAsync(ingestStream(exportRows(n), mapping), 'channel')).overall.n,
  // The streaming pipeline into one tally.
  'ingestStream → tallyAnswersAsync': async (n) => (await tallyAnswersAsync(ingestStream(exportRows(n), mapping), { scale: scales.nps })).answered,
  // Before: ingestAsync collects every record (and every rejected row), then segmentBy.
  'ingestAsync → segmentBy': async (n) => segmentBy((await ingestAsync(exportRows(n), mapping)).records, 'channel').overall.n,
};

const [, , name, size] = process.argv;
if (name !== undefined) {
  const n = Number(size);
  const start = process.hrtime.bigint();
  const answered = await cases[name](n);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ answered, seconds, maxRSS: process.resourceUsage().maxRSS / 1024 }));
} else {
  const sizes = (process.env.BENCH_SIZES ?? '1e6,1e7').split(',').map(Number);
  console.log(`streaming ingestion: peak RSS per case, each in its own process, Node ${process.version}\n`);
  console.log('case                                   rows     time      µs/row   peak RSS');
  for (const [label] of Object.entries(cases)) {
    for (const n of sizes) {
      // Collecting 1e7 records needs about 5 GB: that case is measured at 1e6 only.
      if (label.startsWith('ingestAsync') && n > 1e6) continue;
      const out = execFileSync(process.execPath, ['--max-old-space-size=8192', new URL(import.meta.url).pathname, label, String(n)], { encoding: 'utf8' });
      const { seconds, maxRSS } = JSON.parse(out.trim().split('\n').pop());
      console.log(`${label.padEnd(36)} ${n.toExponential(0).padStart(6)} ${seconds.toFixed(1).padStart(7)} s ${((seconds / n) * 1e6).toFixed(2).padStart(8)} ${maxRSS.toFixed(0).padStart(7)} MB`);
    }
  }
}
