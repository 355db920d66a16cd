// `npm run bench`: segmentBy beside the plain alternatives, in one process, on the same 1e7
// answer objects { customerId, score, segment } with 20 segments; ns per answer, ratios, and
// the extra memory each approach needs. Figures go into docs/performance.md.
import { scales, segmentBy } from '../dist/index.js';
import { mulberry32 } from '../scripts/random.mjs';
import { bestOfInterleaved } from './timing.mjs';

const N = Number(process.env.BENCH_N ?? 1e7);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SEGMENTS = Array.from({ length: 20 }, (_, i) => `segment-${String(i).padStart(2, '0')}`);
const next = mulberry32(7);
const rows = Array.from({ length: N }, (_, i) => {
  const r = next();
  const score = r < 0.25 ? Math.floor(next() * 7) : r < 0.55 ? 7 + Math.floor(next() * 2) : 9 + Math.floor(next() * 2);
  return { customerId: `C${i % 100_000}`, score, segment: SEGMENTS[Math.floor(next() * SEGMENTS.length)] };
});

const contenders = {
  handWritten: new Function(`return function handWritten(rows) {
    // One pass into per-segment counts, validating like segmentBy does.
    const bySegment = new Map();
    let invalid = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const v = row.score;
      let counts = bySegment.get(row.segment);
      if (counts === undefined) bySegment.set(row.segment, (counts = new Float64Array(11)));
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10) counts[v]++;
      else invalid++;
    }
    const nps = {};
    for (const [segment, c] of bySegment) {
      const n = c.reduce((a, b) => a + b, 0);
      nps[segment] = (100 * (c[9] + c[10] - c[0] - c[1] - c[2] - c[3] - c[4] - c[5] - c[6])) / n;
    }
    return nps;
  }`)(),
  groupThenFilter: new Function(`return function groupThenFilter(rows) {
    const groups = {};
    for (const row of rows) (groups[row.segment] ??= []).push(row.score);
    const nps = {};
    for (const [segment, scores] of Object.entries(groups)) {
      nps[segment] = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
    }
    return nps;
  }`)(),
  segmentBy: (input) => {
    const table = segmentBy(input, 'segment', { scale: scales.nps, value: (row) => row.score, compareWith: 'none' });
    return Object.fromEntries(table.segments.map((segment) => [segment.key[0], segment.result.score]));
  },
};

// Same answers everywhere first.
const expected = contenders.handWritten(rows);
for (const [name, run] of Object.entries(contenders)) {
  const got = run(rows);
  for (const segment of SEGMENTS) if (Math.abs(got[segment] - expected[segment]) > 1e-9) throw new Error(`${name} disagrees on ${segment}`);
}

const best = bestOfInterleaved(contenders, rows, ROUNDS, N);

console.log(`segmentBy benchmark: ${N.toExponential(0)} answer objects, ${SEGMENTS.length} segments, best of ${ROUNDS} interleaved rounds, Node ${process.version}\n`);
for (const [name, ns] of Object.entries(best)) console.log(`${name.padEnd(16)} ${ns.toFixed(2).padStart(8)} ns/answer`);
const ratio = best.segmentBy / best.handWritten;
console.log(`\nsegmentBy / hand-written single pass   ${ratio.toFixed(2)}  (target ≤ 1.3: ${ratio <= 1.3 ? 'met' : 'MISSED'})`);
console.log(`group-then-filter / segmentBy         ${(best.groupThenFilter / best.segmentBy).toFixed(2)}`);

if (typeof globalThis.gc === 'function') {
  // Heap and array buffers still held right after the call, before any GC: what the call built
  // (groups of answers, accumulators) and has not yet let go of. Measured at two sizes to show
  // which approach grows with the answers and which only with the segments.
  console.log('\nmemory allocated by one call and not yet collected (after a warm-up call and a full GC)');
  for (const [name, run] of Object.entries(contenders)) {
    const cells = [];
    for (const size of [N / 10, N]) {
      const input = size === N ? rows : rows.slice(0, size);
      run(input.slice(0, 1000));
      globalThis.gc();
      const before = process.memoryUsage();
      run(input);
      const after = process.memoryUsage();
      cells.push(`n = ${size.toExponential(0)}: ${((after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1024 / 1024).toFixed(1).padStart(7)} MiB`);
    }
    console.log(`${name.padEnd(16)} ${cells.join('   ')}`);
  }
}
