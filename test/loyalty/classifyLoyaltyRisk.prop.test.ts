import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyLoyaltyRisk, classifyLoyaltyRiskAsync, type LoyaltyRiskResult, type RiskTier } from 'cx-metrics';
import { type AnswerSpec, history, json } from './build.js';

const asOf = new Date('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
/** A time some whole days and hours before asOf (up to 400 days: some answers fall outside each window). */
const when = fc.record({ days: fc.integer({ min: 0, max: 400 }), hours: fc.integer({ min: 0, max: 23 }) }).map(({ days, hours }) => new Date(asOf.getTime() - days * DAY - hours * 3_600_000).toISOString());
const customer = fc.constantFrom('A', 'B', 'C');
const respondent = fc.constantFrom('r1', 'r2', undefined);
const spec: fc.Arbitrary<AnswerSpec> = fc.oneof(
  fc.record({ scale: fc.constant('nps' as const), score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)), customer, respondent, at: when }),
  fc.record({ scale: fc.constant('ces7' as const), score: fc.integer({ min: 1, max: 7 }), customer, respondent, at: when, interaction: fc.constantFrom('T1', 'T2', undefined) }),
  fc.record({ scale: fc.constant('ces5Effort' as const), score: fc.integer({ min: 1, max: 5 }), customer, respondent, at: when }),
);
const specs = fc.array(spec, { minLength: 1, maxLength: 30 });
// Runs are few and small: each one ingests and classifies a history.
const runs = { numRuns: 60 };

/** Tiers in order; unknown below stable (it says least). */
const rank = (tier: RiskTier): number => ['unknown', 'stable', 'watch', 'at-risk', 'critical'].indexOf(tier);
const tiersOf = (result: LoyaltyRiskResult): Map<string, RiskTier> => new Map(result.customers.map((each) => [each.customerId, each.tier]));

describe('properties of the loyalty-risk classifier', () => {
  test('the order of the records never matters', () => {
    fc.assert(
      fc.property(specs, fc.integer(), (answers, seed) => {
        const records = history(answers);
        const shuffled = [...records].sort((a, b) => ((a.row * 7919 + seed) % 13) - ((b.row * 7919 + seed) % 13) || (a.scaleId < b.scaleId ? 1 : -1));
        expect(json(classifyLoyaltyRisk(shuffled))).toEqual(json(classifyLoyaltyRisk(records)));
        expect(json(classifyLoyaltyRisk(shuffled, { asOf, policy: { rollup: 'worst' } }))).toEqual(json(classifyLoyaltyRisk(records, { asOf, policy: { rollup: 'worst' } })));
      }),
      runs,
    );
  });

  test('adding an easy interaction never raises a tier; adding a high-effort one never lowers it', () => {
    fc.assert(
      fc.property(specs, customer, when, fc.constantFrom('ces7' as const, 'ces5Effort' as const), (answers, who, at, scale) => {
        const before = tiersOf(classifyLoyaltyRisk(history(answers), { asOf }));
        const easy = tiersOf(classifyLoyaltyRisk(history([...answers, { scale, score: scale === 'ces7' ? 7 : 1, customer: who, at }]), { asOf }));
        const hard = tiersOf(classifyLoyaltyRisk(history([...answers, { scale, score: scale === 'ces7' ? 1 : 5, customer: who, at }]), { asOf }));
        for (const [id, tier] of before) {
          expect(rank(easy.get(id) as RiskTier)).toBeLessThanOrEqual(rank(tier));
          expect(rank(hard.get(id) as RiskTier)).toBeGreaterThanOrEqual(rank(tier));
        }
      }),
      runs,
    );
  });

  test('a promoter with exactly one high-effort interaction and nothing else negative is never at-risk or critical (default policy)', () => {
    const promoterOnly = fc.array(fc.record({ scale: fc.constant('nps' as const), score: fc.integer({ min: 9, max: 10 }), customer: fc.constant('P'), at: when }), { minLength: 1, maxLength: 4 });
    const easyOnes = fc.array(fc.record({ scale: fc.constant('ces7' as const), score: fc.integer({ min: 4, max: 7 }), customer: fc.constant('P'), at: when }), { maxLength: 6 });
    const hardOne = fc.record({ scale: fc.constantFrom('ces7' as const, 'ces5Effort' as const), customer: fc.constant('P'), at: when }).map((one): AnswerSpec => ({ ...one, score: one.scale === 'ces7' ? 2 : 4 }));
    fc.assert(
      fc.property(promoterOnly, easyOnes, hardOne, (nps, easy, hard) => {
        const verdict = classifyLoyaltyRisk(history([...nps, ...easy, hard]), { asOf }).customers[0];
        if (verdict?.relationship === 'promoter') expect(['stable', 'watch']).toContain(verdict.tier);
      }),
      runs,
    );
  });

  test('classifyLoyaltyRisk and classifyLoyaltyRiskAsync agree', async () => {
    await fc.assert(
      fc.asyncProperty(specs, async (answers) => {
        const records = history(answers);
        async function* source(): AsyncGenerator<(typeof records)[number]> {
          yield* records;
        }
        expect(json(await classifyLoyaltyRiskAsync(source()))).toEqual(json(classifyLoyaltyRisk(records)));
      }),
      runs,
    );
  });

  test('every record is counted exactly once', () => {
    fc.assert(
      fc.property(specs, (answers) => {
        const { records } = classifyLoyaltyRisk(history(answers), { asOf }).summary;
        const { total, ...parts } = records;
        expect(Object.values(parts).reduce((sum, count) => sum + count, 0)).toBe(total);
        expect(total).toBe(answers.length);
      }),
      runs,
    );
  });
});
