import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { checkChoice, checkLevel, checkNumber, type EveryKeyListed } from '../internal/options.js';
import { rowSource } from '../internal/readRows.js';
import { seededRandom } from '../internal/seededRandom.js';
import type { MetricKind, Scale } from '../scales/defineScale.js';
import { scales } from '../scales/scales.js';
import type { Interval, IntervalUnit } from '../stats/Interval.js';
import { normalCDF } from '../stats/normalCDF.js';
import { normalQuantile } from '../stats/normalQuantile.js';
import { AnswerLog } from '../tally/AnswerLog.js';
import { AnswerCounter } from '../tally/readAnswers.js';
import { Tally } from '../tally/Tally.js';
import { type CESOptions, cesSettings } from './computeCES.js';
import { type CSATOptions, csatSettings } from './computeCSAT.js';
import { type NPSOptions, npsEstimate, npsSettings, npsTotals } from './computeNPS.js';
import { meanValue, sumRange, tallyTotals } from './tallyStatistics.js';
import { checkMetricOptions, checkOnInvalid, type InputOptions, type MetricInput, resolveTally } from './resolveTally.js';
import { throwIfInvalid } from './throwIfInvalid.js';

/** The bootstrap interval methods: bias-corrected and accelerated (default), or plain percentile. */
export type BootstrapMethod = 'bca' | 'percentile';

/** Options for {@link bootstrapInterval}. */
export interface BootstrapOptions<T = unknown> extends InputOptions<Scale, T> {
  /** The metric whose score is resampled: `'nps'`, `'csat'` or `'ces'`. Required. */
  readonly metric: MetricKind;
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** `'bca'` (default; Efron 1987) or `'percentile'`. */
  readonly method?: BootstrapMethod | undefined;
  /** How many resamples: a whole number from 100 to 1 000 000. Default 2000 (Efron & Tibshirani 1993, §14.3, for BCa). */
  readonly replicates?: number | undefined;
  /** The seed of the generator (xoshiro128**), a whole number from 0 to 2⁵³: the same seed, input and options give the same interval. Default 1. */
  readonly seed?: number | undefined;
  /** NPS: what the shares are shares of (see {@link NPSOptions.denominator}). */
  readonly denominator?: NPSOptions['denominator'];
  /** CSAT: the satisfied range (see {@link CSATOptions.satisfied}). */
  readonly satisfied?: CSATOptions['satisfied'];
  /** CES: the easy range (the score is the mean; it only matters for the checks). */
  readonly easy?: CESOptions['easy'];
  /** CES: the difficult range. */
  readonly difficult?: CESOptions['difficult'];
}

const LISTED_BOOTSTRAP_OPTION_NAMES = ['metric', 'level', 'method', 'replicates', 'seed', 'denominator', 'satisfied', 'easy', 'difficult'] as const satisfies readonly Exclude<keyof BootstrapOptions, keyof InputOptions>[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof BootstrapOptions, keyof InputOptions | (typeof LISTED_BOOTSTRAP_OPTION_NAMES)[number]>;

/** A bootstrap confidence interval of a score, with what it was made from. */
export interface BootstrapInterval<Unit extends IntervalUnit = IntervalUnit> extends Interval<'bootstrap-bca' | 'bootstrap-percentile', Unit> {
  /** The metric. */
  readonly metric: MetricKind;
  /** The score of the whole sample, in the interval's unit. */
  readonly estimate: number;
  /** How many resamples were drawn. */
  readonly replicates: number;
  /** Resamples with nothing to score (every drawn answer skipped, or of weight 0): left out of the quantiles, counted here. */
  readonly emptyReplicates: number;
  /** The seed used. */
  readonly seed: number;
  /** BCa's bias correction z₀ = Φ⁻¹(share of resampled scores below the estimate); 0 for percentile. */
  readonly biasCorrection: number;
  /** BCa's acceleration a, from the jackknife (Efron & Tibshirani 1993, eq. 14.15); 0 for percentile. */
  readonly acceleration: number;
}

/** The answers to resample: point offsets (−1 skipped) and weights (undefined: all 1). */
interface Answers {
  readonly offsets: Int32Array;
  readonly weights: Float64Array | undefined;
}

/** Type-7 quantile (R's default) of sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(sorted.length - 1, low + 1);
  return (sorted[low] as number) + (h - low) * ((sorted[high] as number) - (sorted[low] as number));
}

/**
 * A bootstrap confidence interval for the score of NPS, CSAT or CES: the answers (skipped ones
 * included; refused ones not) are resampled with replacement `replicates` times with a seeded
 * generator, each resample is scored by the same code as {@link computeNPS}, {@link computeCSAT}
 * or {@link computeCES}, and the interval is read from the resampled scores: the percentile
 * interval, or BCa (Efron 1987, *JASA* 82:171–185; Efron & Tibshirani 1993, *An Introduction to
 * the Bootstrap*, ch. 14), which corrects the percentiles for bias and skew. With weights each
 * answer keeps its weight (the weighted bootstrap of independent observations).
 *
 * When to use it: small weighted samples, where neither linearization nor Kish's effective n
 * covers well (docs/methods.md has the coverage simulation), or a check on an analytic interval.
 * It costs O(n × replicates) (about 0.2–0.4 µs per drawn answer: 10 000 answers × 2000 resamples
 * take some seconds), and BCa adds a jackknife over the distinct answers; for large samples an
 * analytic interval is as good and instant. The bootstrap cannot see variation the sample does
 * not show: one answer, or answers all alike, give a zero-width interval; use the analytic
 * interval there. The interval is reproducible: the same input (in the same order), options and
 * seed give the same numbers.
 *
 * @param input - raw answers (array, typed array, iterable), rows with `value`, records, or an unweighted {@link Tally}
 * @param options - `metric` (required), the metric's options (scale, value, weights, denominator, satisfied, …), `level`, `method`, `replicates`, `seed`
 * @returns the interval in the score's unit (points, percent or scale), with the estimate and the BCa constants
 * @throws {@link CxMetricsError} `invalid_option` (a missing metric, a weighted tally, a bad count or seed), `invalid_argument` (no answer to score), and what the compute function throws
 *
 * @example
 * ```ts
 * import { bootstrapInterval } from 'cx-metrics';
 *
 * const answers = [10, 9, 9, 8, 7, 6, 3, 10, 9, 2, 10, 8];
 * const interval = bootstrapInterval(answers, { metric: 'nps', seed: 7 });
 * [interval.method, interval.unit, interval.estimate]; // => ["bootstrap-bca", "points", 25]
 * interval.lower < 25 && 25 < interval.upper; // => true
 * bootstrapInterval(answers, { metric: 'nps', seed: 7 }).lower === interval.lower; // => true
 * ```
 */
export function bootstrapInterval<T = unknown>(input: MetricInput<Scale, T>, options: BootstrapOptions<T>): BootstrapInterval {
  return guard('bootstrapInterval', () => {
    const fn = 'bootstrapInterval';
    const checked = checkMetricOptions(fn, options, LISTED_BOOTSTRAP_OPTION_NAMES);
    const metric = checkChoice(fn, checked.metric, ['nps', 'csat', 'ces'] as const, ['options', 'metric']);
    const level = checkLevel(fn, checked.level ?? 0.95);
    const method = checkChoice(fn, checked.method ?? 'bca', ['bca', 'percentile'] as const, ['options', 'method']);
    const replicates = checkNumber(fn, checked.replicates ?? 2000, ['options', 'replicates'], { min: 100, max: 1e6, integer: true, describe: 'a whole number of resamples from 100 to 1000000' }, 'invalid_option');
    const own: Record<string, MetricKind> = { denominator: 'nps', satisfied: 'csat', easy: 'ces', difficult: 'ces' };
    for (const [name, kind] of Object.entries(own)) {
      if ((checked as unknown as Record<string, unknown>)[name] !== undefined && kind !== metric) fail(fn, 'invalid_option', 'invalid_value', `an option of ${metric.toUpperCase()} (${name} is ${kind.toUpperCase()}'s)`, name, ['options', name]);
    }
    const seed = checkNumber(fn, checked.seed ?? 1, ['options', 'seed'], { min: 0, max: 2 ** 53, integer: true, describe: 'a whole-number seed from 0 to 2^53' }, 'invalid_option');
    const { tally, answers } = readAnswers(fn, input, checked, metric === 'nps' ? scales.nps : metric === 'csat' ? scales.csat5 : undefined);
    const metricOptions = { level, denominator: checked.denominator, satisfied: checked.satisfied, easy: checked.easy, difficult: checked.difficult };
    const score = scorer(fn, metric, metricOptions, tally.scale);
    const estimate = score(tally);
    if (estimate === undefined) return fail(fn, 'invalid_argument', 'out_of_range', 'at least one answer to score', `${tally.answered} answered of ${tally.total}`, []);
    const unit: IntervalUnit = metric === 'nps' ? 'points' : metric === 'csat' ? 'percent' : 'scale';

    const random = seededRandom(seed);
    const points = tally.counts.length;
    const n = answers.offsets.length;
    const values: number[] = [];
    const counts = new Float64Array(points);
    const weightSums = new Float64Array(points);
    const weightSquareSums = new Float64Array(points);
    for (let replicate = 0; replicate < replicates; replicate++) {
      counts.fill(0);
      weightSums.fill(0);
      weightSquareSums.fill(0);
      let skipped = 0;
      let skippedWeight = 0;
      let skippedWeightSquares = 0;
      for (let draw = 0; draw < n; draw++) {
        const at = Math.floor(random() * n);
        const offset = answers.offsets[at] as number;
        const weight = answers.weights === undefined ? 1 : (answers.weights[at] as number);
        if (offset < 0) {
          skipped++;
          skippedWeight += weight;
          skippedWeightSquares += weight * weight;
        } else {
          counts[offset]!++;
          weightSums[offset]! += weight;
          weightSquareSums[offset]! += weight * weight;
        }
      }
      const value = score(tallyOf(tally, counts, answers.weights === undefined ? undefined : [weightSums, weightSquareSums], skipped, skippedWeight, skippedWeightSquares));
      if (value !== undefined) values.push(value);
    }
    const sorted = Float64Array.from(values).sort();
    const alpha = (1 - level) / 2;
    let biasCorrection = 0;
    let acceleration = 0;
    let lowerP = alpha;
    let upperP = 1 - alpha;
    if (method === 'bca' && sorted.length > 0) {
      let below = 0;
      let equal = 0;
      for (const value of sorted) {
        if (value < estimate) below++;
        else if (value === estimate) equal++;
      }
      const share = Math.min(1 - 0.5 / sorted.length, Math.max(0.5 / sorted.length, (below + equal / 2) / sorted.length));
      biasCorrection = normalQuantile(share);
      acceleration = jackknifeAcceleration(tally, answers, score);
      const adjust = (z: number): number => {
        const shifted = biasCorrection + z;
        const denominator = 1 - acceleration * shifted;
        return denominator > 0 ? normalCDF(biasCorrection + shifted / denominator) : z < 0 ? 0 : 1;
      };
      lowerP = adjust(normalQuantile(alpha));
      upperP = adjust(normalQuantile(1 - alpha));
    }
    return Object.freeze({
      lower: sorted.length === 0 ? estimate : quantile(sorted, lowerP),
      upper: sorted.length === 0 ? estimate : quantile(sorted, upperP),
      level,
      method: method === 'bca' ? 'bootstrap-bca' : 'bootstrap-percentile',
      unit,
      metric,
      estimate,
      replicates,
      emptyReplicates: replicates - sorted.length,
      seed,
      biasCorrection,
      acceleration,
    });
  });
}

/** The tally of one resample (or jackknife sample), on the scale of the whole. */
function tallyOf(whole: Tally, counts: ArrayLike<number>, weighted: readonly [ArrayLike<number>, ArrayLike<number>] | undefined, skipped: number, skippedWeight: number, skippedWeightSquares: number): Tally {
  return new Tally({
    scale: whole.scale,
    counts: Array.from(counts),
    weightSums: weighted === undefined ? undefined : Array.from(weighted[0]),
    weightSquareSums: weighted === undefined ? undefined : Array.from(weighted[1]),
    skipped,
    skippedWeight: weighted === undefined ? skipped : skippedWeight,
    skippedWeightSquares: weighted === undefined ? skipped : skippedWeightSquares,
    invalid: 0,
    invalidAnswers: [],
  });
}

/**
 * The input's tally and its answers as lists: from the counts when unweighted (the counts are the
 * answers; their order does not matter to resampling), from an {@link AnswerLog} when weighted.
 */
function readAnswers<T>(fn: string, input: MetricInput<Scale, T>, options: InputOptions<Scale, T>, defaultScale: Scale | undefined): { tally: Tally; answers: Answers } {
  let tally: Tally;
  let log: AnswerLog | undefined;
  if (input instanceof Tally) {
    if (input.weighted) {
      fail(fn, 'invalid_option', 'invalid_value', "the answers themselves, or an unweighted tally: a weighted tally keeps each point's Σw and Σw², not each answer's weight, so it cannot be resampled", 'a weighted tally', []);
    }
    tally = resolveTally(fn, input, options, defaultScale, []);
  } else {
    const onInvalid = checkOnInvalid(fn, options.onInvalid, 'throw');
    const counter = new AnswerCounter<T>(fn, options as InputOptions<Scale, T> & { scale: Scale }, [], defaultScale, (scale, maxExamples, offset) => {
      log = new AnswerLog(scale, maxExamples, offset);
      return log;
    });
    tally = counter.read(rowSource(fn, input, [], false, 'answers')).toTally();
    throwIfInvalid(fn, [tally], onInvalid, []);
  }
  if (tally.weighted && log !== undefined) return { tally, answers: { offsets: Int32Array.from(log.offsets), weights: Float64Array.from(log.weights) } };
  const offsets = new Int32Array(tally.answered + tally.skipped);
  let at = 0;
  tally.counts.forEach((count, offset) => {
    offsets.fill(offset, at, at + count);
    at += count;
  });
  offsets.fill(-1, at);
  return { tally, answers: { offsets, weights: undefined } };
}

/**
 * The score of a tally for the metric, as its compute function gives it (undefined when there is
 * nothing to score), by the same helpers and in the same order of operations, without the
 * intervals a resample does not need (test/metrics/bootstrapInterval.test.ts checks the equality).
 */
function scorer(fn: string, metric: MetricKind, options: object, scale: Scale): (tally: Tally) => number | undefined {
  if (metric === 'nps') {
    const settings = npsSettings(fn, options as NPSOptions<never>, scale);
    return (tally) => {
      const estimate = npsEstimate(tally, npsTotals(tally, settings));
      return estimate === undefined ? undefined : 100 * estimate.score;
    };
  }
  if (metric === 'csat') {
    const settings = csatSettings(fn, options as CSATOptions<never>, scale);
    return (tally) => {
      const totals = tallyTotals(tally, settings.varianceMethod);
      return totals.weight > 0 ? 100 * (sumRange(tally, settings.satisfied).weight / totals.weight) : undefined;
    };
  }
  const settings = cesSettings(fn, options as CESOptions<never>, scale);
  return (tally) => {
    const totals = tallyTotals(tally, settings.varianceMethod);
    return totals.weight > 0 ? meanValue(tally, totals) : undefined;
  };
}

/**
 * BCa's acceleration from the jackknife: a = Σ(θ̄ − θ₍ᵢ₎)³ / (6·(Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}) over the
 * leave-one-out scores θ₍ᵢ₎ (Efron & Tibshirani 1993, eq. 14.15). Answers that are alike (the same
 * point and weight) leave the same score, so each distinct answer is scored once and counted
 * with its multiplicity. 0 when a leave-one-out sample has nothing to score or nothing varies.
 */
function jackknifeAcceleration(tally: Tally, answers: Answers, score: (tally: Tally) => number | undefined): number {
  const groups = new Map<string, { offset: number; weight: number; count: number }>();
  for (let i = 0; i < answers.offsets.length; i++) {
    const offset = answers.offsets[i] as number;
    const weight = answers.weights === undefined ? 1 : (answers.weights[i] as number);
    const key = `${offset}:${weight}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { offset, weight, count: 1 });
    else group.count++;
  }
  const scores: { value: number; count: number }[] = [];
  for (const { offset, weight, count } of groups.values()) {
    const counts = Array.from(tally.counts);
    const weightSums = Array.from(tally.weightSums);
    const weightSquareSums = Array.from(tally.weightSquareSums);
    let { skipped, skippedWeight, skippedWeightSquares } = tally;
    if (offset < 0) {
      skipped--;
      skippedWeight = Math.max(0, skippedWeight - weight);
      skippedWeightSquares = Math.max(0, skippedWeightSquares - weight * weight);
    } else {
      counts[offset]!--;
      weightSums[offset] = Math.max(0, (weightSums[offset] as number) - weight);
      weightSquareSums[offset] = Math.max(0, (weightSquareSums[offset] as number) - weight * weight);
    }
    const value = score(tallyOf(tally, counts, tally.weighted ? [weightSums, weightSquareSums] : undefined, skipped, skippedWeight, skippedWeightSquares));
    if (value === undefined) return 0;
    scores.push({ value, count });
  }
  let total = 0;
  let n = 0;
  for (const { value, count } of scores) {
    total += value * count;
    n += count;
  }
  const mean = total / n;
  let squares = 0;
  let cubes = 0;
  for (const { value, count } of scores) {
    const deviation = mean - value;
    squares += count * deviation * deviation;
    cubes += count * deviation * deviation * deviation;
  }
  return squares > 0 ? cubes / (6 * squares ** 1.5) : 0;
}
