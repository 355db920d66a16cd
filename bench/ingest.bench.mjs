// `npm run bench`: what ingest's checks cost beside the sloppy alternative (Number() and
// new Date(), which let "0x9", "7.5" and 2026-02-30 through), on 10^5 export rows; and how fast a
// 1 MB cell is refused (the label parser is linear, and the length limit comes first).
import { ingest, parseAnswer, scales } from '../dist/index.js';
import { mulberry32 } from '../scripts/random.mjs';
import { bestOfInterleaved } from './timing.mjs';

const N = Number(process.env.BENCH_N ?? 1e5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const next = mulberry32(11);
const labels = ['0 - Not at all likely', '10 - Extremely likely'];
const rows = Array.from({ length: N }, (_, i) => {
  const r = next();
  const score = r < 0.1 ? labels[i % 2] : r < 0.15 ? '' : String(Math.floor(next() * 11));
  const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
  return { ResponseId: `R_${i}`, Q1: score, RecordedDate: `2026-03-${day} 09:30:00`, Plan: i % 3 ? 'pro' : 'free' };
});

const contenders = {
  sloppy: (input) =>
    input.map((row) => ({ id: row.ResponseId, score: row.Q1 === '' ? null : Number.parseInt(row.Q1, 10), at: new Date(row.RecordedDate.replace(' ', 'T') + 'Z'), plan: row.Plan })),
  ingest: (input) => ingest(input, { scale: scales.nps, score: 'Q1', respondentId: 'ResponseId', submittedAt: 'RecordedDate', attributes: { plan: 'Plan' } }, { latest: new Date('2030-01-01') }).records,
};
const best = bestOfInterleaved(contenders, rows, ROUNDS, N);
console.log(`ingest benchmark: ${N.toExponential(0)} export rows, best of ${ROUNDS}, Node ${process.version}\n`);
for (const [name, ns] of Object.entries(best)) console.log(`${name.padEnd(10)} ${(ns / 1000).toFixed(3).padStart(8)} µs/row`);
console.log(`\ningest / sloppy parse: ${(best.ingest / best.sloppy).toFixed(2)}`);

const big = 'x'.repeat(1 << 20);
const crafted = '1' + ' '.repeat(1 << 20) + '-';
const time = (run) => {
  let fastest = Infinity;
  for (let i = 0; i < 20; i++) {
    const start = process.hrtime.bigint();
    run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start));
  }
  return fastest / 1000;
};
console.log(`\nrefusing a 1 MB cell: ${time(() => parseAnswer(big, scales.nps)).toFixed(1)} µs (the length limit answers first)`);
console.log(`parsing a crafted 1 MB cell under a raised limit: ${(time(() => parseAnswer(crafted, scales.nps, { maxLength: 2 << 20 })) / 1000).toFixed(2)} ms (linear scan)`);
