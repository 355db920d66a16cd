// `npm run bench`: computeNPS (with its validation) beside the plain alternatives, in one
// process, on the same 1e7 answers, reported as ns per answer and as ratios. Run on the built
// package (dist/), which is what users get. Figures go into docs/performance.md.
import { computeNPS } from '../dist/index.js';
import { mulberry32 } from '../scripts/random.mjs';

const N = Number(process.env.BENCH_N ?? 1e7);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const next = mulberry32(42);
// A realistic mix: 45 % promoters, 30 % passives, 25 % detractors.
const draw = () => {
  const r = next();
  return r < 0.25 ? Math.floor(next() * 7) : r < 0.55 ? 7 + Math.floor(next() * 2) : 9 + Math.floor(next() * 2);
};
const numbers = Array.from({ length: N }, draw);
const bytes = Uint8Array.from(numbers);

// The plain alternatives, as a developer would write them. Each input kind gets its own
// compiled copy (new Function), so no alternative is slowed by having seen the other kind.
const sources = {
  filterLength: `return function filterLength(values) {
    const promoters = values.filter((v) => v >= 9).length;
    const detractors = values.filter((v) => v <= 6).length;
    return (100 * (promoters - detractors)) / values.length;
  }`,
  forLoop: `return function forLoop(values) {
    let promoters = 0;
    let detractors = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v >= 9) promoters++;
      else if (v <= 6) detractors++;
    }
    return (100 * (promoters - detractors)) / values.length;
  }`,
  // Validates like computeNPS does (an integer from 0 to 10) and counts each point.
  strictCountingLoop: `return function strictCountingLoop(values) {
    const counts = new Float64Array(11);
    let invalid = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10) counts[v]++;
      else invalid++;
    }
    const n = values.length - invalid;
    return (100 * (counts[9] + counts[10] - counts[0] - counts[1] - counts[2] - counts[3] - counts[4] - counts[5] - counts[6])) / n;
  }`,
  byteSum: `return function byteSum(values) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i];
    return sum;
  }`,
  // Word-at-a-time (SWAR): counts the bytes above 6, above 8 and above 10 of each 32-bit word at once.
  swarBands: `return function swarBands(values) {
    const words = new Uint32Array(values.buffer, values.byteOffset, values.length >>> 2);
    const H = 0x80808080;
    let above6 = 0;
    let above8 = 0;
    let above10 = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] | H;
      above6 += Math.imul((((w - 0x07070707) & H) >>> 7) & 0x01010101, 0x01010101) >>> 24;
      above8 += Math.imul((((w - 0x09090909) & H) >>> 7) & 0x01010101, 0x01010101) >>> 24;
      above10 += Math.imul((((w - 0x0b0b0b0b) & H) >>> 7) & 0x01010101, 0x01010101) >>> 24;
    }
    const total = words.length * 4;
    const valid = total - above10;
    return (100 * (above8 - above10 - (total - above6))) / valid;
  }`,
};
const compile = (name) => (name === 'computeNPS' ? (values) => computeNPS(values).score : new Function(sources[name])());

const cases = [
  ['number[]', numbers, ['filterLength', 'forLoop', 'strictCountingLoop', 'computeNPS']],
  ['Uint8Array', bytes, ['strictCountingLoop', 'byteSum', 'swarBands', 'computeNPS']],
].map(([label, values, names]) => [label, values, names, Object.fromEntries(names.map((name) => [name, compile(name)]))]);

function measure(fn, values) {
  const start = process.hrtime.bigint();
  fn(values);
  return Number(process.hrtime.bigint() - start) / values.length;
}

// Every contender must compute the same NPS (the byte sum is only a speed yardstick).
for (const [label, values, names, contenders] of cases) {
  const expected = contenders.computeNPS(values);
  for (const name of names) {
    if (name === 'byteSum') continue;
    const score = contenders[name](values);
    if (Math.abs(score - expected) > 1e-9) throw new Error(`${label} ${name} gives ${score}, computeNPS ${expected}`);
  }
}

const best = {};
for (const [label, values, names, contenders] of cases) {
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved rounds, best of each, so drift on a shared machine hits every contender alike.
    for (const name of names) {
      const key = `${label} ${name}`;
      best[key] = Math.min(best[key] ?? Infinity, measure(contenders[name], values));
    }
  }
}

console.log(`computeNPS benchmark: ${N.toExponential(0)} answers, best of ${ROUNDS} interleaved rounds, Node ${process.version}\n`);
console.log('input        method               ns/answer');
for (const [key, ns] of Object.entries(best)) {
  const [label, name] = key.split(' ');
  console.log(`${label.padEnd(12)} ${name.padEnd(20)} ${ns.toFixed(3).padStart(9)}`);
}

const ratio = (a, b) => best[a] / best[b];
const targets = [
  ['number[]: computeNPS / strict counting loop', ratio('number[] computeNPS', 'number[] strictCountingLoop'), (r) => r <= 1.2, '≤ 1.2'],
  ['number[]: filter version / computeNPS', ratio('number[] filterLength', 'number[] computeNPS'), (r) => r >= 15, '≥ 15'],
  ['Uint8Array: computeNPS / byte-summing loop', ratio('Uint8Array computeNPS', 'Uint8Array byteSum'), (r) => r < 1, '< 1'],
  ['Uint8Array: computeNPS / SWAR band count', ratio('Uint8Array computeNPS', 'Uint8Array swarBands'), () => true, '(context)'],
];
console.log('\nratio                                         measured  target');
for (const [name, value, ok, target] of targets) console.log(`${name.padEnd(45)} ${value.toFixed(2).padStart(8)}  ${target.padEnd(9)} ${ok(value) ? 'met' : 'MISSED'}`);

// Extra memory: what computeNPS allocates, at three input sizes; it should not grow with n.
if (typeof globalThis.gc === 'function') {
  console.log('\nextra memory of one computeNPS call (heap + array buffers, after a warm-up call and a full GC)');
  for (const size of [1e5, 1e6, N]) {
    for (const [label, values] of [['number[]', numbers.slice(0, size)], ['Uint8Array', bytes.subarray(0, size)]]) {
      computeNPS(values);
      globalThis.gc();
      const before = process.memoryUsage();
      const result = computeNPS(values);
      const after = process.memoryUsage();
      const extra = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
      console.log(`${label.padEnd(12)} n = ${size.toExponential(0).padEnd(6)} ${(extra / 1024).toFixed(0).padStart(6)} KiB   (score ${result.score.toFixed(2)})`);
    }
  }
}
