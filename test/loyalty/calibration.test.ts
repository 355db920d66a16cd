import { describe, expect, test } from 'vitest';
import { classifyLoyaltyRisk, evaluateRiskTiers, ingest, type ResponseRecord, scales } from 'cx-metrics';
import { mulberry32 } from '../../scripts/random.mjs';

const asOf = new Date('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

interface Simulated {
  readonly records: ResponseRecord[];
  readonly churned: Map<string, boolean>;
}

/**
 * Simulated histories of `customers` customers: an NPS answer each (half promoters, 30 %
 * passives, 20 % detractors) and 0–4 CES 2.0 interactions in the last 80 days, a quarter of
 * them hard. Churn, observed after asOf, follows `churn(category, hard, easy)`.
 */
function simulate(seed: number, customers: number, churn: (category: 'promoter' | 'passive' | 'detractor', hard: number, easy: number, random: () => number) => boolean): Simulated {
  const random = mulberry32(seed);
  const nps: object[] = [];
  const ces: object[] = [];
  const churned = new Map<string, boolean>();
  for (let i = 0; i < customers; i++) {
    const customerId = `C${i}`;
    const draw = random();
    const category = draw < 0.5 ? 'promoter' : draw < 0.8 ? 'passive' : 'detractor';
    const score = category === 'promoter' ? 9 + Math.floor(random() * 2) : category === 'passive' ? 7 + Math.floor(random() * 2) : Math.floor(random() * 7);
    nps.push({ score, customerId, submittedAt: new Date(asOf.getTime() - (30 + Math.floor(random() * 300)) * DAY) });
    let hard = 0;
    let easy = 0;
    const interactions = Math.floor(random() * 5);
    for (let k = 0; k < interactions; k++) {
      const isHard = random() < 0.25;
      if (isHard) hard++;
      else easy++;
      ces.push({ score: isHard ? 1 + Math.floor(random() * 3) : 5 + Math.floor(random() * 3), customerId, submittedAt: new Date(asOf.getTime() - Math.floor(random() * 80) * DAY) });
    }
    churned.set(customerId, churn(category, hard, easy, random));
  }
  return { records: [...ingest(nps, { scale: scales.nps }).records, ...ingest(ces, { scale: scales.ces7 }).records], churned };
}

describe('calibration on simulated histories', () => {
  test('when churn depends on relationship and effort (CEB rates), the default tiers come out ordered and the trend test finds it', () => {
    // CEB/Gartner (Dixon, Freeman & Toman, HBR 2010): 96 % of customers become more disloyal after a
    // high-effort interaction, 9 % after a low-effort one. Each interaction makes the customer more
    // disloyal with that chance; each step of disloyalty adds 8 points of churn to the relationship's base.
    const base = { promoter: 0.04, passive: 0.08, detractor: 0.2 } as const;
    const { records, churned } = simulate(20261126, 3000, (category, hard, easy, random) => {
      let disloyal = 0;
      for (let k = 0; k < hard; k++) if (random() < 0.96) disloyal++;
      for (let k = 0; k < easy; k++) if (random() < 0.09) disloyal++;
      return random() < Math.min(0.95, base[category] + 0.08 * disloyal);
    });
    const evaluation = evaluateRiskTiers(classifyLoyaltyRisk(records, { asOf }), churned);
    expect(evaluation.withoutOutcome).toBe(0);
    expect(evaluation.ordered).toBe(true);
    expect(evaluation.trend?.pValueIncreasing).toBeLessThan(1e-6);
    const rates = evaluation.tiers.slice(0, 4).map((tier) => tier.events.percent);
    expect(rates.every((rate) => rate !== undefined)).toBe(true);
    // critical churns several times as often as stable
    expect(evaluation.tiers[3]?.lift).toBeGreaterThan(3);
  });

  test('when churn is independent of both, the trend test finds no trend beyond its false-positive rate (20 seeded histories)', () => {
    // Under no trend, p < 0.05 comes up 5 % of the time: in 20 histories, 4 or more would happen
    // with probability 1.6 % (binomial). One history alone could not say "no trend".
    const pValues: number[] = [];
    let intervalsHolding = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { records, churned } = simulate(seed, 2000, (_category, _hard, _easy, random) => random() < 0.12);
      const evaluation = evaluateRiskTiers(classifyLoyaltyRisk(records, { asOf }), churned);
      pValues.push(evaluation.trend?.pValue as number);
      intervalsHolding += evaluation.tiers.slice(0, 4).filter((tier) => (tier.events.ci?.lower as number) < 12 && (tier.events.ci?.upper as number) > 12).length;
    }
    expect(pValues.filter((p) => p < 0.05).length).toBeLessThanOrEqual(3);
    // Wilson 95 % intervals hold the true 12 % about 95 % of the time: 80 intervals, at least 70 (P(fewer) < 1 %).
    expect(intervalsHolding).toBeGreaterThanOrEqual(70);
  });
});
