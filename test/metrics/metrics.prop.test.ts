import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeCES, computeCSAT, computeNPS, mergeTallies, scales, TallyBuilder, tallyAnswers, welchTTest } from 'cx-metrics';

const npsAnswer = fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) });
const anything = fc.oneof(npsAnswer, fc.double(), fc.string({ maxLength: 3 }), fc.boolean(), fc.integer({ min: -5, max: 20 }));
const answers = fc.array(npsAnswer, { maxLength: 200 });

describe('properties of the scores', () => {
  test('NPS lies within [−100, 100], and so does its interval, for every method', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom('adjusted-wald', 'wald', 'score' as const), (values, interval) => {
        const result = computeNPS(values, { interval });
        if (result.score === undefined) return;
        expect(result.score).toBeGreaterThanOrEqual(-100);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.ci.lower).toBeGreaterThanOrEqual(-100);
        expect(result.ci.upper).toBeLessThanOrEqual(100);
      }),
    );
  });

  test('CSAT and CES shares and their intervals lie within [0, 100]; the CES mean and its interval on the scale', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 100 }), (values) => {
        const csat = computeCSAT(values);
        const ces = computeCES(values, { scale: scales.ces5Effort });
        for (const share of [csat, { score: ces.easy?.percent, ci: ces.easy?.ci }, { score: ces.difficult?.percent, ci: ces.difficult?.ci }]) {
          expect(share.score).toBeGreaterThanOrEqual(0);
          expect(share.score).toBeLessThanOrEqual(100);
          expect(share.ci?.lower).toBeGreaterThanOrEqual(0);
          expect(share.ci?.upper).toBeLessThanOrEqual(100);
        }
        expect(ces.ci?.lower).toBeGreaterThanOrEqual(1);
        expect(ces.ci?.upper).toBeLessThanOrEqual(5);
      }),
    );
  });

  test('the order of answers never matters', () => {
    fc.assert(
      fc.property(answers, fc.infiniteStream(fc.nat()), (values, seeds) => {
        const shuffled = [...values];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const a = computeNPS(values);
        const b = computeNPS(shuffled);
        expect(b.tally.counts).toEqual(a.tally.counts);
        expect(b.score).toBe(a.score);
        expect(b.ci).toEqual(a.ci);
      }),
    );
  });

  test('batch = streaming = merge of any split into shards, exactly, examples included', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 6 }), (values, cuts) => {
        const options = { scale: scales.nps, maxInvalidExamples: 10 };
        const batch = tallyAnswers(values, options);
        const builder = new TallyBuilder(options);
        for (const value of values) builder.add(value);
        const bounds = [0, ...cuts.map((cut) => cut % (values.length + 1)).sort((a, b) => a - b), values.length];
        const shards = bounds.slice(1).map((end, index) => tallyAnswers(values.slice(bounds[index], end), { ...options, offset: bounds[index] }));
        const merged = mergeTallies(shards, { maxInvalidExamples: 10 });
        expect(builder.toTally().toJSON()).toEqual(batch.toJSON());
        expect(merged.toJSON()).toEqual(batch.toJSON());
      }),
    );
  });

  test('merging is associative and commutative', () => {
    fc.assert(
      fc.property(answers, answers, answers, (a, b, c) => {
        const [ta, tb, tc] = [a, b, c].map((values) => tallyAnswers(values, { scale: scales.nps }));
        const left = mergeTallies([mergeTallies([ta!, tb!]), tc!]);
        const right = mergeTallies([ta!, mergeTallies([tc!, tb!])]);
        expect(left.toJSON()).toEqual(right.toJSON());
      }),
    );
  });

  test('all weights 1 give exactly the unweighted result (the standard error with survey’s n/(n − 1))', () => {
    fc.assert(
      fc.property(answers, (values) => {
        const plain = computeNPS(values);
        const weighted = computeNPS(values, { weights: values.map(() => 1) });
        expect(weighted.score).toBe(plain.score);
        expect(weighted.ci).toEqual(plain.ci);
        if (plain.standardError !== undefined && plain.n > 1) {
          expect(weighted.standardError).toBeCloseTo(plain.standardError * Math.sqrt(plain.n / (plain.n - 1)), 10);
        }
        const csat = computeCSAT(values.map((v) => (v == null ? v : (v % 5) + 1)), { weights: values.map(() => 1) });
        expect(csat.ci).toEqual(computeCSAT(values.map((v) => (v == null ? v : (v % 5) + 1))).ci);
      }),
    );
  });

  test('every input is accounted for: answered + skipped + invalid = inputs', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 200 }), (values) => {
        const result = computeNPS(values, { onInvalid: 'exclude' });
        const { total, answered, skipped, invalid } = result.responses;
        expect(total).toBe(values.length);
        expect(answered + skipped + invalid).toBe(values.length);
      }),
    );
  });

  test('intervals narrow as n grows (the same shares, ten times the answers)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 50 }), (values) => {
        const small = computeNPS(values);
        const large = computeNPS(Array.from({ length: 10 }, () => values).flat());
        if (small.score === undefined || large.score === undefined) return;
        expect(large.ci.upper - large.ci.lower).toBeLessThanOrEqual(small.ci.upper - small.ci.lower + 1e-9);
        const csatSmall = computeCSAT(values.map((v) => (v % 5) + 1));
        const csatLarge = computeCSAT(Array.from({ length: 10 }, () => values.map((v) => (v % 5) + 1)).flat());
        expect(csatLarge.ci!.upper - csatLarge.ci!.lower).toBeLessThanOrEqual(csatSmall.ci!.upper - csatSmall.ci!.lower + 1e-9);
      }),
    );
  });

  test('inputs are never mutated (frozen inputs never throw)', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 100 }), (values) => {
        const frozen = Object.freeze([...values]);
        const weights = Object.freeze(values.map(() => 2));
        expect(() => computeNPS(frozen, { onInvalid: 'exclude', weights })).not.toThrow();
        expect(frozen).toEqual(values);
      }),
    );
  });
});

describe('never NaN', () => {
  /** Every number in a result (but its tally and scale) is finite. */
  const finite = (value: unknown, path = ''): void => {
    if (typeof value === 'number') expect(Number.isFinite(value), `${path} is ${value}`).toBe(true);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) if (key !== 'tally' && key !== 'scale') finite(item, `${path}.${key}`);
    }
  };
  const weight = fc.oneof(fc.constant(0), fc.double({ min: 1e-100, max: 1e100, noNaN: true }), fc.constantFrom(1e-100, 1e100, 1));

  test('a mean over about one effective answer (one weight 1e16 times the other) has the scale-range interval, not NaN (found by the property below)', () => {
    const weights = [1, 1.1102230246251568e-16];
    expect(computeCSAT([5, 5], { weights, interval: 'clopper-pearson' }).mean?.ci).toMatchObject({ lower: 1, upper: 5, method: 'scale-range' });
    expect(computeCES([5, 5], { weights, scale: scales.ces5Effort }).mean?.ci).toMatchObject({ lower: 1, upper: 5, method: 'scale-range' });
    expect(welchTTest({ mean: 3, sd: 0, n: 1 + 2e-16 }, { mean: 3, sd: 0, n: 1 + 2e-16 }).ci).toMatchObject({ lower: 0, upper: 0 });
  });

  test('no score, interval or share is NaN or infinite, whatever the answers and weights', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)), weight), { maxLength: 40 }), (pairs) => {
        const answers = pairs.map(([answer]) => answer);
        const weights = pairs.map(([, w]) => w);
        finite(computeNPS(answers, { weights }));
        finite(computeNPS(answers, { weights, interval: 'score', denominator: 'all' }));
        const five = answers.map((a) => (a === null ? null : (a % 5) + 1));
        finite(computeCSAT(five, { weights, interval: 'clopper-pearson' }));
        finite(computeCES(five, { weights, scale: scales.ces5Effort }));
      }),
    );
  });
});
