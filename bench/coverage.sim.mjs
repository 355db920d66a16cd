// Coverage and type I error, by seeded simulation (issue 10). Not a timed test: every number is
// fixed by the seed, and the figures are copied into docs/methods.md ("Coverage").
//
//   npm run bench:coverage            (about 10 minutes on 2 cores; SIMULATIONS=500 for a quick look)
//
// 1. Weighted intervals, where weights track the answers: a population of two segments, the
//    unhappy one (40% of customers) sampled at a quarter of the rate of the happy one and weighted
//    up, with a ±25% jitter on every weight. Nominal 95% intervals of CSAT (% satisfied), the CES
//    mean and NPS: linearization (the default), Kish's effective n, and the bootstrap (percentile
//    and BCa, 1000 resamples) at the small n where the analytic ones fall short.
// 2. Type I error of compareNPS and compareCSAT when both groups come from the same population:
//    the MOVER interval with its inverted p-value (now), against the adjusted-Wald z test and the
//    pooled z test (before).
import { bootstrapInterval, compareCSAT, compareNPS, computeCES, computeCSAT, computeNPS, npsDifferenceTest, proportionDifferenceTest, scales, tallyCounts } from '../dist/index.js';
import { mulberry32 } from '../scripts/random.mjs';

const SIMULATIONS = Number(process.env.SIMULATIONS ?? 2000);

const generator = mulberry32;
const draw = (random, probabilities, min) => {
  let u = random() * probabilities.reduce((a, b) => a + b, 0);
  for (let i = 0; i < probabilities.length; i++) {
    u -= probabilities[i];
    if (u < 0) return min + i;
  }
  return min + probabilities.length - 1;
};

// Answer distributions of the two segments (relative frequencies from the scale's minimum up).
const METRICS = {
  csat: { scale: scales.csat5, happy: [1, 1, 3, 10, 10], unhappy: [6, 5, 4, 3, 1], value: (x) => (x >= 4 ? 100 : 0) },
  ces: { scale: scales.ces7, happy: [1, 1, 2, 3, 6, 8, 6], unhappy: [5, 6, 5, 3, 2, 1, 1], value: (x) => x },
  nps: { scale: scales.nps, happy: [1, 1, 1, 1, 1, 2, 3, 6, 9, 12, 12], unhappy: [6, 5, 6, 6, 5, 6, 5, 3, 2, 1, 1], value: (x) => (x >= 9 ? 100 : x <= 6 ? -100 : 0) },
};
const UNHAPPY_SHARE = 0.4;
const UNHAPPY_SAMPLING = 0.25;
const expected = (probabilities, min, value) => probabilities.reduce((total, p, i) => total + p * value(min + i), 0) / probabilities.reduce((a, b) => a + b, 0);
const sampleShare = (UNHAPPY_SHARE * UNHAPPY_SAMPLING) / (UNHAPPY_SHARE * UNHAPPY_SAMPLING + (1 - UNHAPPY_SHARE));

function weightedCoverage(metricName, n, withBootstrap, seed) {
  const metric = METRICS[metricName];
  const min = metric.scale.min;
  const truth = UNHAPPY_SHARE * expected(metric.unhappy, min, metric.value) + (1 - UNHAPPY_SHARE) * expected(metric.happy, min, metric.value);
  const random = generator(seed);
  const hits = { linearization: 0, kish: 0, percentile: 0, bca: 0 };
  const compute = { csat: computeCSAT, ces: computeCES, nps: computeNPS }[metricName];
  for (let s = 0; s < SIMULATIONS; s++) {
    const answers = [];
    const weights = [];
    for (let i = 0; i < n; i++) {
      const unhappy = random() < sampleShare;
      answers.push(draw(random, unhappy ? metric.unhappy : metric.happy, min));
      const base = unhappy ? UNHAPPY_SHARE / sampleShare : (1 - UNHAPPY_SHARE) / (1 - sampleShare);
      weights.push(base * (0.8 + 0.45 * random()));
    }
    const options = { scale: metric.scale, weights };
    for (const varianceMethod of ['linearization', 'kish']) {
      const { ci } = compute(answers, { ...options, varianceMethod });
      if (ci.lower <= truth && truth <= ci.upper) hits[varianceMethod]++;
    }
    if (withBootstrap) {
      for (const method of ['percentile', 'bca']) {
        const ci = bootstrapInterval(answers, { ...options, metric: metricName, method, replicates: 1000, seed: s + 1 });
        if (ci.lower <= truth && truth <= ci.upper) hits[method]++;
      }
    }
  }
  const percent = (count) => ((100 * count) / SIMULATIONS).toFixed(1);
  return `| ${metricName.toUpperCase()} | ${n} | ${percent(hits.linearization)} | ${percent(hits.kish)} | ${withBootstrap ? percent(hits.percentile) : '—'} | ${withBootstrap ? percent(hits.bca) : '—'} |`;
}

function typeOneError(kind, probabilities, na, nb, seed) {
  const random = generator(seed);
  const rejections = { now: 0, before: 0, disagree: 0 };
  const scale = kind === 'nps' ? scales.nps : scales.csat5;
  const sample = (n) => {
    const counts = new Array(scale.max - scale.min + 1).fill(0);
    for (let i = 0; i < n; i++) counts[draw(random, probabilities, 0)]++;
    return counts;
  };
  for (let s = 0; s < SIMULATIONS; s++) {
    const a = sample(na);
    const b = sample(nb);
    if (kind === 'nps') {
      const now = compareNPS(tallyCounts(scale, a), tallyCounts(scale, b));
      if (now.pValue < 0.05) rejections.now++;
      const band = (counts) => ({ detractors: counts.slice(0, 7).reduce((x, y) => x + y, 0), passives: counts[7] + counts[8], promoters: counts[9] + counts[10] });
      const before = npsDifferenceTest(band(a), band(b));
      if (before.pValue < 0.05) rejections.before++;
      // "Before" told two stories when the plain difference fell outside the adjusted interval.
      if (before.difference < before.ci.lower || before.difference > before.ci.upper) rejections.disagree++;
    } else {
      const now = compareCSAT(tallyCounts(scale, a), tallyCounts(scale, b));
      if (now.pValue < 0.05) rejections.now++;
      const satisfied = (counts) => counts[3] + counts[4];
      const before = proportionDifferenceTest({ successes: satisfied(a), n: na }, { successes: satisfied(b), n: nb });
      if (before.pValue < 0.05) rejections.before++;
      const excludesZero = before.ci.lower > 0 || before.ci.upper < 0;
      if (excludesZero !== before.pValue < 0.05) rejections.disagree++;
    }
  }
  const percent = (count) => ((100 * count) / SIMULATIONS).toFixed(2);
  return `| ${kind.toUpperCase()} | ${probabilities.join(':')} | ${na} / ${nb} | ${percent(rejections.now)} | ${percent(rejections.before)} | ${percent(rejections.disagree)} |`;
}

console.log(`Seeded simulations, ${SIMULATIONS} samples per row (Monte Carlo SE of a 95% coverage: ±${(100 * Math.sqrt((0.95 * 0.05) / SIMULATIONS)).toFixed(1)} points).\n`);
console.log('### Coverage of nominal 95% intervals, weights tracking the answers\n');
console.log('| metric | n | linearization | Kish | bootstrap percentile | bootstrap BCa |');
console.log('|---|---|---|---|---|---|');
let seed = 1;
for (const metric of ['csat', 'ces', 'nps']) {
  console.log(weightedCoverage(metric, 30, true, seed++));
  console.log(weightedCoverage(metric, 200, false, seed++));
  console.log(weightedCoverage(metric, 1500, false, seed++));
}
console.log('\n### Type I error at α = 0.05, both groups from one population\n');
console.log('| metric | shares (from the lowest point) | n a / n b | now: MOVER, p inverted | before: adjusted-Wald z / pooled z | before: two stories |');
console.log('|---|---|---|---|---|---|');
const NPS_POPULATIONS = [
  [1, 1, 1, 1, 1, 2, 3, 6, 9, 12, 12],
  [4, 3, 3, 3, 3, 3, 3, 4, 4, 3, 3],
  [0, 0, 0, 0, 0, 0, 1, 2, 5, 20, 30],
  [30, 20, 10, 5, 3, 2, 1, 0, 0, 0, 1],
];
for (const population of NPS_POPULATIONS) {
  for (const [na, nb] of [[10, 10], [30, 60], [100, 100], [500, 1000]]) console.log(typeOneError('nps', population, na, nb, seed++));
}
for (const population of [[1, 1, 2, 4, 3], [1, 1, 1, 1, 20], [10, 5, 2, 1, 1]]) {
  for (const [na, nb] of [[10, 10], [30, 60], [100, 100], [500, 1000]]) console.log(typeOneError('csat', population, na, nb, seed++));
}
// A tiny segment against the rest of a table: the unbalanced case segment tables make.
for (const [na, nb] of [[1, 1000], [3, 500], [10, 1000], [30, 1000]]) console.log(typeOneError('nps', NPS_POPULATIONS[0], na, nb, seed++));
for (const [na, nb] of [[1, 1000], [3, 500], [10, 1000], [30, 1000]]) console.log(typeOneError('csat', [4, 4, 4, 2, 1], na, nb, seed++));
