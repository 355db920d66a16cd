import { describe, expect, test } from 'vitest';
import { classifyLoyaltyRisk, compareRiskSnapshots, evaluateRiskTiers } from 'cx-metrics';
import { thrown } from '../support/thrown.js';
import { history } from './build.js';

const records = history([
  { scale: 'nps', score: 10, customer: 'A', at: '2026-06-01' },
  { scale: 'nps', score: 9, customer: 'B', at: '2026-06-01' },
  { scale: 'nps', score: 3, customer: 'C', at: '2026-06-01' },
  { scale: 'ces7', score: 1, customer: 'A', at: '2026-11-10' },
  { scale: 'ces7', score: 2, customer: 'A', at: '2026-11-12' },
  { scale: 'ces7', score: 1, customer: 'B', at: '2026-08-01' },
  { scale: 'ces7', score: 6, customer: 'D', at: '2026-11-15' },
]);
const lastWeek = classifyLoyaltyRisk(records, { asOf: new Date('2026-11-11T00:00:00Z') });
const today = classifyLoyaltyRisk(records, { asOf: new Date('2026-11-20T00:00:00Z') });

describe('compareRiskSnapshots', () => {
  test('the transition matrix and the customers who moved, with both verdicts', () => {
    const movement = compareRiskSnapshots(lastWeek, today);
    // A: one hard interaction by last week (watch), two by today (at-risk). B: its hard interaction of
    // 2026-08-01 was 102 days before last week's asOf already: stable both times. D is new.
    expect(movement.moved.map((move) => [move.customerId, move.from, move.to, move.move])).toEqual([['A', 'watch', 'at-risk', 'worse']]);
    expect(movement.moved[0]?.after.reasons.map((reason) => reason.code)).toEqual(['promoter', 'repeated_high_effort']);
    expect(movement.moved[0]?.before.reasons.map((reason) => reason.code)).toEqual(['promoter', 'single_high_effort']);
    expect(movement.transitions.watch['at-risk']).toBe(1);
    expect(movement.transitions.stable.stable).toBe(1);
    expect(movement.transitions['at-risk']['at-risk']).toBe(1);
    expect(movement.transitions.absent.unknown).toBe(1);
    expect(movement.entered.map((customer) => customer.customerId)).toEqual(['D']);
    expect(movement.counts).toEqual({ worse: 1, better: 0, other: 0, unchanged: 2, entered: 1, left: 0 });
    // Every customer of both snapshots is in the matrix once.
    const cells = Object.values(movement.transitions).flatMap((row) => Object.values(row));
    expect(cells.reduce((sum, count) => sum + count, 0)).toBe(4);
  });

  test('a snapshot kept as JSON compares like the result it was; policies equal up to the order of a list are one policy', () => {
    const kept = JSON.parse(JSON.stringify(lastWeek)) as typeof lastWeek;
    expect(compareRiskSnapshots(kept, today).counts).toEqual(compareRiskSnapshots(lastWeek, today).counts);
    const a = classifyLoyaltyRisk(records, { asOf: new Date('2026-11-11T00:00:00Z'), policy: { transactional: ['ces', 'csat'] } });
    const b = classifyLoyaltyRisk(records, { asOf: new Date('2026-11-20T00:00:00Z'), policy: { transactional: ['csat', 'ces'] } });
    expect(compareRiskSnapshots(a, b).counts.worse).toBe(1);
    expect(() => compareRiskSnapshots({ ...lastWeek, asOf: 'last week' as never }, today)).toThrow(/expected asOf as a Date, or as the ISO 8601 string of a result kept as JSON, got "last week" at before.asOf/);
  });

  test('refuses snapshots out of order, of different policies, or that are not results', () => {
    expect(() => compareRiskSnapshots(today, lastWeek)).toThrow(/are before and after swapped\?/);
    const other = classifyLoyaltyRisk(records, { asOf: new Date('2026-11-20T00:00:00Z'), policy: { effortWindow: { days: 30 } } });
    expect(() => compareRiskSnapshots(lastWeek, other)).toThrow(/snapshots made with the same policy .*, got "different effortWindow" at after.policy.effortWindow/);
    expect(compareRiskSnapshots(lastWeek, other, { allowPolicyChange: true }).counts.entered).toBe(1);
    expect(() => compareRiskSnapshots({} as never, today)).toThrow(/compareRiskSnapshots: expected a result of classifyLoyaltyRisk, got .* at before/);
  });
});

describe('evaluateRiskTiers', () => {
  test('rates per tier with Wilson intervals, lift over stable, and outcomes from rows with accessors', () => {
    const rows = [
      { id: 'A', churn: 1 },
      { id: 'B', churn: 0 },
      { id: 'C', churn: 1 },
      { id: 'X', churn: 0 },
    ];
    const evaluation = evaluateRiskTiers(today, rows, { id: 'id', event: (row) => row.churn });
    expect(evaluation.tiers.map((tier) => [tier.tier, tier.customers, tier.withOutcome, tier.events.count])).toEqual([
      ['stable', 1, 1, 0],
      ['watch', 0, 0, 0],
      ['at-risk', 2, 2, 2],
      ['critical', 0, 0, 0],
      ['unknown', 1, 0, 0],
    ]);
    // Wilson interval of 2 of 2 (independently: (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n) with p = 1, n = 2, z = 1.959964).
    const z = 1.959963984540054;
    const lower = (1 + (z * z) / 4 - z * Math.sqrt((z * z) / 16)) / (1 + (z * z) / 2);
    expect(evaluation.tiers[2]?.events.ci?.lower).toBeCloseTo(100 * lower, 10);
    expect(evaluation.tiers[2]?.lift).toBeUndefined(); // stable's rate is 0
    expect([evaluation.withOutcome, evaluation.withoutOutcome, evaluation.outcomesWithoutCustomer]).toEqual([3, 1, 1]);
    expect(evaluation.ordered).toBe(true);
    expect(evaluation.trend?.pValueIncreasing).toBeLessThan(0.5);
  });

  test('says why there is no trend test instead of giving NaN; with nothing to order, ordered is undefined', () => {
    const none = evaluateRiskTiers(today, { A: false, B: false, C: false });
    expect([none.trend, none.trendNote]).toEqual([undefined, 'no customer with a known outcome had the event']);
    const one = evaluateRiskTiers(today, { C: true });
    expect([one.trendNote, one.ordered]).toEqual(['fewer than two ordered tiers have customers with a known outcome', undefined]);
  });

  test('an id that names two customers (a customer id and a respondent id apart) is counted, not used for either', () => {
    const both = classifyLoyaltyRisk(
      history([
        { scale: 'nps', score: 9, customer: 'A', at: '2026-06-01' },
        { scale: 'ces7', score: 1, respondent: 'A', at: '2026-11-01' },
      ]),
    );
    expect(both.customers.map((customer) => customer.identifiedBy)).toEqual(['respondentId', 'customerId']);
    const evaluation = evaluateRiskTiers(both, new Map([['A', true]]));
    expect([evaluation.withOutcome, evaluation.ambiguousOutcomes]).toEqual([0, 1]);
  });

  test('refuses outcomes that are not true/false or 1/0, ids given twice, and names no row has', () => {
    const error = thrown(() => evaluateRiskTiers(today, [{ customerId: 'A', churned: 'yes' }, { customerId: 'B', churned: 2 }, { customerId: 'A', churned: false }]));
    expect(error.code).toBe('invalid_argument');
    expect(error.issues.map((issue) => issue.code)).toEqual(['invalid_value', 'invalid_value', 'duplicate']);
    expect(() => evaluateRiskTiers(today, [{ customer: 'A', churned: true }])).toThrow(/expected a field that the rows have, got "customerId" at options.id|did you mean/);
    expect(() => evaluateRiskTiers(today, { A: true }, { id: 'x' })).toThrow(/no id or event option unless the outcomes are rows/);
  });
});
