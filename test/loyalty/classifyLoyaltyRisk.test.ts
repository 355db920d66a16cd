import { describe, expect, test } from 'vitest';
import { classifyLoyaltyRisk, classifyLoyaltyRiskAsync, type CustomerRisk, CxMetricsError, defaultRiskPolicy, ingest, type RiskPolicyInput, scales } from 'cx-metrics';
import { thrown } from '../support/thrown.js';
import { type AnswerSpec, history, json } from './build.js';

const asOf = new Date('2026-11-20T12:00:00Z');
const only = (specs: readonly AnswerSpec[], policy?: RiskPolicyInput): CustomerRisk => {
  const result = classifyLoyaltyRisk(history(specs), { asOf, policy });
  expect(result.customers).toHaveLength(1);
  return result.customers[0] as CustomerRisk;
};

// The default table as the issue states it, written out here rather than read from defaultRiskPolicy.
const TABLE = {
  promoter: { none: 'stable', easy: 'stable', single: 'watch', repeated: 'at-risk' },
  passive: { none: 'stable', easy: 'stable', single: 'watch', repeated: 'at-risk' },
  detractor: { none: 'at-risk', easy: 'at-risk', single: 'critical', repeated: 'critical' },
  unknown: { none: 'unknown', easy: 'unknown', single: 'watch', repeated: 'at-risk' },
  stale: { none: 'unknown', easy: 'unknown', single: 'watch', repeated: 'at-risk' },
} as const;
const RELATIONSHIPS: Record<keyof typeof TABLE, AnswerSpec[]> = {
  promoter: [{ scale: 'nps', score: 10, customer: 'C', at: '2026-06-01' }],
  passive: [{ scale: 'nps', score: 7, customer: 'C', at: '2026-06-01' }],
  detractor: [{ scale: 'nps', score: 3, customer: 'C', at: '2026-06-01' }],
  unknown: [],
  // 2025-10-01 is more than 365 days before asOf.
  stale: [{ scale: 'nps', score: 9, customer: 'C', at: '2025-10-01' }],
};
// Both CES polarities: CES 2.0 (ces7, higher is easier: 2 is hard, 4 neutral, 6 easy) and CES 1.0
// (ces5Effort, lower is easier: 5 is hard, 3 neutral, 1 easy). Neutral answers are not high effort.
const POLARITIES = {
  ces7: { hard: 2, neutral: 4, easy: 6 },
  ces5Effort: { hard: 5, neutral: 3, easy: 1 },
} as const;
const efforts = (scale: keyof typeof POLARITIES): Record<'none' | 'easy' | 'single' | 'repeated', AnswerSpec[]> => {
  const { hard, neutral, easy } = POLARITIES[scale];
  const at = (day: string, score: number, interaction: string): AnswerSpec => ({ scale, score, customer: 'C', at: day, interaction });
  return {
    none: [],
    easy: [at('2026-10-01', easy, 'T1'), at('2026-11-01', neutral, 'T2')],
    single: [at('2026-10-01', easy, 'T1'), at('2026-11-10', hard, 'T2')],
    repeated: [at('2026-10-01', hard, 'T1'), at('2026-11-10', hard, 'T2'), at('2026-11-12', easy, 'T3')],
  };
};

describe('the default table, cell by cell, for both CES polarities', () => {
  const cases = (Object.keys(POLARITIES) as (keyof typeof POLARITIES)[]).flatMap((scale) =>
    (Object.keys(TABLE) as (keyof typeof TABLE)[]).flatMap((relationship) =>
      (['none', 'easy', 'single', 'repeated'] as const).map((effort) => [scale, relationship, effort, TABLE[relationship][effort]] as const),
    ),
  );

  test.each(cases)('%s: %s with effort %s is %s', (scale, relationship, effort, tier) => {
    const specs = [...RELATIONSHIPS[relationship], ...efforts(scale)[effort]];
    if (specs.length === 0) {
      // No answer at all: no customer.
      expect(classifyLoyaltyRisk(history([{ scale: 'nps', score: null, customer: 'C', at: '2026-11-01' }]), { asOf }).customers[0]?.tier).toBe('unknown');
      return;
    }
    const customer = only(specs);
    expect([customer.relationship, customer.effort, customer.tier]).toEqual([relationship, effort, tier]);
    expect(customer.nextStep).toBe(defaultRiskPolicy.nextSteps[customer.relationshipRow][customer.effortColumn]);
  });
});

describe('relationship', () => {
  test('reasons and evidence say what was used, with dates and interactions', () => {
    const customer = only([
      { scale: 'nps', score: 10, customer: 'C', at: '2026-09-02' },
      { scale: 'ces7', score: 2, customer: 'C', at: '2026-11-20', interaction: 'T-118' },
      { scale: 'ces7', score: 6, customer: 'C', at: '2026-11-01', interaction: 'T-101' },
      { scale: 'ces7', score: 5, customer: 'C', at: '2026-10-01', interaction: 'T-99' },
      { scale: 'ces7', score: 7, customer: 'C', at: '2026-09-15', interaction: 'T-90' },
    ]);
    expect(customer.reasons.map((reason) => reason.code)).toEqual(['promoter', 'single_high_effort']);
    expect(customer.explanation).toBe('promoter (10 on 2026-09-02); one high-effort interaction (CES 2 of 7, difficult, on 2026-11-20, interaction T-118) among 4 interactions in the 90 days up to 2026-11-20');
    expect(customer.evidence.map((each) => [each.role, each.scaleId, each.score, each.interactionId, each.highEffort])).toEqual([
      ['relationship', 'nps', 10, undefined, undefined],
      ['interaction', 'ces7', 2, 'T-118', true],
      ['interaction', 'ces7', 6, 'T-101', false],
      ['interaction', 'ces7', 5, 'T-99', false],
      ['interaction', 'ces7', 7, 'T-90', false],
    ]);
    expect([customer.tier, customer.nextStep, customer.lastAnswerAt?.toISOString()]).toEqual(['watch', 'close-the-loop', '2026-11-20T12:00:00.000Z']);
    // Worked out when first read, then kept; JSON carries them; the verdict is frozen.
    expect(customer.reasons).toBe(customer.reasons);
    expect((JSON.parse(JSON.stringify(customer)) as { explanation: string }).explanation).toBe(customer.explanation);
    expect(Object.isFrozen(customer)).toBe(true);
  });

  test('the latest NPS answer in the window counts; an older latest one makes the relationship stale', () => {
    expect(only([{ scale: 'nps', score: 10, customer: 'C', at: '2025-11-21' }]).relationship).toBe('promoter');
    const stale = only([{ scale: 'nps', score: 10, customer: 'C', at: '2025-11-19' }]);
    expect([stale.relationship, stale.relationshipRow, stale.tier, stale.nextStep]).toEqual(['stale', 'unknown', 'unknown', 'ask-relationship']);
    expect(stale.reasons[0]?.message).toBe('no relationship answer in the 365 days up to 2026-11-20 (the latest: 10 on 2025-11-19)');
    // A shorter window, as a policy
    expect(only([{ scale: 'nps', score: 10, customer: 'C', at: '2026-06-01' }], { relationshipWindow: { days: 90 } }).relationship).toBe('stale');
  });

  test('the drop rule: a lower category than the answer before it raises the tier by one, capped at critical', () => {
    const drop = (before: number, after: number, extra: AnswerSpec[] = [], policy?: RiskPolicyInput): CustomerRisk =>
      only([{ scale: 'nps', score: before, customer: 'C', at: '2026-03-01' }, { scale: 'nps', score: after, customer: 'C', at: '2026-09-01' }, ...extra], policy);
    const promoterToPassive = drop(10, 7);
    expect([promoterToPassive.relationship, promoterToPassive.relationshipDrop, promoterToPassive.tableTier, promoterToPassive.tier]).toEqual(['passive', true, 'stable', 'watch']);
    expect(promoterToPassive.reasons.map((reason) => reason.message)).toEqual([
      'passive (7 on 2026-09-01)',
      'dropped from promoter (10 on 2026-03-01) to passive: tier raised from stable to watch',
      'no transactional answer (CES) in the 90 days up to 2026-11-20',
    ]);
    expect(promoterToPassive.evidence.map((each) => [each.role, each.score])).toEqual([
      ['relationship', 7],
      ['previous-relationship', 10],
    ]);
    expect([drop(9, 3).tableTier, drop(9, 3).tier]).toEqual(['at-risk', 'critical']);
    expect([drop(8, 5).tableTier, drop(8, 5).tier]).toEqual(['at-risk', 'critical']);
    // Capped: a detractor with a hard interaction is already critical.
    const capped = drop(7, 2, [{ scale: 'ces7', score: 1, customer: 'C', at: '2026-11-01' }]);
    expect([capped.tier, capped.reasons[1]?.message]).toEqual(['critical', 'dropped from passive (7 on 2026-03-01) to detractor: already critical']);
    // No drop: the same category, a rise, or the answer before it outside the window.
    expect(drop(9, 10).relationshipDrop).toBe(false);
    expect(drop(3, 10).relationshipDrop).toBe(false);
    expect(drop(2, 5).relationshipDrop).toBe(false);
    expect(only([{ scale: 'nps', score: 10, customer: 'C', at: '2025-06-01' }, { scale: 'nps', score: 7, customer: 'C', at: '2026-09-01' }]).relationshipDrop).toBe(false);
    // Switched off by the policy: the drop is still reported, the tier not raised.
    const off = drop(10, 7, [], { raiseOnDrop: false });
    expect([off.relationshipDrop, off.tier]).toEqual([true, 'stable']);
    // An unknown tier is never raised.
    const unknownCell = { ...defaultRiskPolicy.tiers, passive: { easy: 'unknown', single: 'watch', repeated: 'at-risk' } } as const;
    expect(drop(10, 7, [], { tiers: unknownCell }).tier).toBe('unknown');
  });

  test("rollups of an account's contacts: latest (default), worst, account", () => {
    const account: AnswerSpec[] = [
      { scale: 'nps', score: 10, customer: 'ACME', respondent: 'ann', at: '2026-08-01' },
      { scale: 'nps', score: 9, customer: 'ACME', respondent: 'bob', at: '2026-09-01' },
      { scale: 'nps', score: 4, customer: 'ACME', respondent: 'cy', at: '2026-07-01' },
      // ann's older answer: superseded by her latest
      { scale: 'nps', score: 2, customer: 'ACME', respondent: 'ann', at: '2026-01-01' },
    ];
    const latest = only(account);
    expect([latest.relationship, latest.reasons[0]?.message]).toEqual(['promoter', 'promoter (9 from bob on 2026-09-01)']);
    const worst = only(account, { rollup: 'worst' });
    expect([worst.relationship, worst.tier]).toEqual(['detractor', 'at-risk']);
    expect(worst.reasons[0]?.message).toBe("detractor: the lowest of 3 contacts' latest answers (9 from bob on 2026-09-01, 10 from ann on 2026-08-01, 4 from cy on 2026-07-01)");
    // Account NPS of the latest answers: 2 promoters, 1 detractor of 3 = 33.3, above 30: promoter-like.
    const whole = only(account, { rollup: 'account' });
    expect([whole.relationship, whole.accountNPS]).toEqual(['promoter', 100 / 3]);
    expect(whole.reasons[0]?.message).toBe("promoter-like account: NPS 33.3 from 3 contacts' latest answers");
    expect(only(account, { rollup: 'account', accountThresholds: { detractorBelow: 0, promoterAbove: 40 } }).relationship).toBe('passive');
    // Drop with worst: cy's newest answer (4) follows her 9, so the worst of the latest answers fell from promoter (ann 10, bob 9, cy 9) to detractor.
    const withoutCy = account.filter((spec) => spec.respondent !== 'cy');
    const fell = only([...withoutCy, { scale: 'nps', score: 9, customer: 'ACME', respondent: 'cy', at: '2026-02-01' }, { scale: 'nps', score: 4, customer: 'ACME', respondent: 'cy', at: '2026-09-15' }], { rollup: 'worst' });
    expect([fell.relationshipDrop, fell.tier]).toEqual([true, 'critical']);
    const result = classifyLoyaltyRisk(history(account), { asOf });
    expect([result.summary.records.relationship, result.summary.records.superseded]).toEqual([3, 1]);
  });
});

describe('review: one person, one customer; one voice, one drop', () => {
  test("a respondent's records without a customer id join the one customer they answered for elsewhere", () => {
    // The NPS export has the account and the contact; the CES export only the contact.
    const result = classifyLoyaltyRisk(
      history([
        { scale: 'nps', score: 2, customer: 'ACME', respondent: 'R1', at: '2026-09-01' },
        { scale: 'ces7', score: 1, respondent: 'R1', at: '2026-11-01' },
        { scale: 'ces7', score: 6, respondent: 'R2', at: '2026-11-01' },
        // R3 answered for two accounts: their anonymous CES stays a customer of its own.
        { scale: 'nps', score: 9, customer: 'X', respondent: 'R3', at: '2026-09-01' },
        { scale: 'nps', score: 9, customer: 'Y', respondent: 'R3', at: '2026-09-01' },
        { scale: 'ces7', score: 1, respondent: 'R3', at: '2026-11-01' },
      ]),
      { asOf },
    );
    expect(result.customers.map((customer) => [customer.customerId, customer.identifiedBy, customer.tier])).toEqual([
      ['ACME', 'customerId', 'critical'],
      ['R3', 'respondentId', 'watch'],
      ['X', 'customerId', 'stable'],
      ['Y', 'customerId', 'stable'],
      ['R2', 'respondentId', 'unknown'],
    ]);
    expect([result.summary.joinedRespondents, result.summary.ambiguousRespondents]).toEqual([1, 1]);
    expect(result.summary.records.interactions).toBe(3);
  });

  test("the drop rule compares a contact with their own earlier answer: another contact's lower answer is a new voice, not a drop", () => {
    const twoVoices = only([
      { scale: 'nps', score: 9, customer: 'B', respondent: 'p', at: '2026-03-01' },
      { scale: 'nps', score: 6, customer: 'B', respondent: 'q', at: '2026-03-02' },
    ]);
    expect([twoVoices.relationship, twoVoices.relationshipDrop, twoVoices.tier]).toEqual(['detractor', false, 'at-risk']);
    const oneFell = only([
      { scale: 'nps', score: 10, customer: 'A', respondent: 'x', at: '2026-01-10' },
      { scale: 'nps', score: 3, customer: 'A', respondent: 'y', at: '2026-02-10' },
      { scale: 'nps', score: 2, customer: 'A', respondent: 'x', at: '2026-03-10' },
    ]);
    expect([oneFell.relationshipDrop, oneFell.tier]).toEqual([true, 'critical']);
    expect(oneFell.reasons[1]?.message).toBe('dropped from promoter (10 on 2026-01-10) to detractor, both answers from x: tier raised from at-risk to critical');
  });

  test('the default asOf is the latest time of the records read, not of those left aside', () => {
    const specs: AnswerSpec[] = [
      { scale: 'nps', score: 10, customer: 'A', at: '2026-01-01' },
      { scale: 'ces7', score: 1, customer: 'A', at: '2026-01-02' },
      { scale: 'csat5', score: 5, customer: 'other', at: '2026-06-01' },
      { scale: 'ces7', score: 5, at: '2026-07-01' },
    ];
    const result = classifyLoyaltyRisk(history(specs));
    expect([result.asOf?.toISOString(), result.customers[0]?.effort]).toEqual(['2026-01-02T12:00:00.000Z', 'single']);
  });

  test('extreme half-lives never make the weighted share NaN, and never make the order depend on the records', () => {
    const specs: AnswerSpec[] = ['OLD1', 'OLD2', 'OLD3'].map((customer) => ({ scale: 'ces7', score: 1, customer, at: '2023-01-01' }) as AnswerSpec);
    specs.push({ scale: 'ces7', score: 1, customer: 'NEW', at: '2026-01-01' }, { scale: 'ces7', score: 6, customer: 'NEW', at: '2023-01-01' });
    const policy = { effortWindow: { days: 1200 }, halfLife: { days: 1 } };
    const records = history(specs);
    const result = classifyLoyaltyRisk(records, { policy });
    expect(result.customers.map((customer) => [customer.customerId, customer.weightedHighEffort])).toEqual([
      ['NEW', 1],
      ['OLD1', 1],
      ['OLD2', 1],
      ['OLD3', 1],
    ]);
    expect(json(classifyLoyaltyRisk([...records].reverse(), { policy }))).toEqual(json(result));
  });

  test('a verdict is plain data: a spread, structuredClone or JSON copy keeps its reasons and evidence', () => {
    const customer = only([
      { scale: 'nps', score: 9, customer: 'C', at: '2026-06-01' },
      { scale: 'ces7', score: 2, customer: 'C', at: '2026-11-01' },
    ]);
    expect({ ...customer }.reasons).toEqual(customer.reasons);
    expect(structuredClone(customer).evidence).toHaveLength(2);
    expect(Object.keys(customer)).toContain('explanation');
  });
});

describe('effort', () => {
  test('an answer in a negative band is high effort, whatever the direction of the scale', () => {
    expect(only([{ scale: 'ces5Effort', score: 5, customer: 'C', at: '2026-11-01' }]).effort).toBe('single');
    expect(only([{ scale: 'ces7', score: 2, customer: 'C', at: '2026-11-01' }]).effort).toBe('single');
    expect(only([{ scale: 'ces7', score: 4, customer: 'C', at: '2026-11-01' }]).effort).toBe('easy');
    expect(only([{ scale: 'ces5Effort', score: 1, customer: 'C', at: '2026-11-01' }]).effort).toBe('easy');
  });

  test('only answers in the effort window count; repeatedHighEffort sets what is repeated', () => {
    const hardTwice: AnswerSpec[] = [
      { scale: 'ces7', score: 1, customer: 'C', at: '2026-08-20' },
      { scale: 'ces7', score: 1, customer: 'C', at: '2026-11-01' },
    ];
    // 2026-08-20 is 92 days before asOf: outside the default 90 days.
    expect(only(hardTwice).effort).toBe('single');
    expect(only(hardTwice, { effortWindow: { days: 120 } }).effort).toBe('repeated');
    expect(only(hardTwice, { effortWindow: { days: 120 }, repeatedHighEffort: 3 }).effort).toBe('single');
    const result = classifyLoyaltyRisk(history(hardTwice), { asOf });
    expect([result.summary.records.interactions, result.summary.records.beforeEffortWindow]).toEqual([1, 1]);
  });

  test("CSAT counts as an interaction only with transactional: ['ces', 'csat']", () => {
    const specs: AnswerSpec[] = [{ scale: 'csat5', score: 1, customer: 'C', at: '2026-11-01' }];
    const byDefault = classifyLoyaltyRisk(history(specs), { asOf });
    expect([byDefault.customers.length, byDefault.summary.records.otherMetric]).toEqual([0, 1]);
    const withCSAT = only(specs, { transactional: ['ces', 'csat'] });
    expect([withCSAT.effort, withCSAT.tier, withCSAT.reasons[1]?.message]).toEqual(['single', 'watch', 'one high-effort interaction (CSAT 1 of 5, dissatisfied, on 2026-11-01), the only interaction in the 90 days up to 2026-11-20']);
  });

  test('the recency-weighted high-effort share halves an answer every half-life, and ranks the worklist', () => {
    // One hard answer today (weight 1) and one easy answer 30 days ago (weight 1/2): 1 / 1.5.
    const customer = only([
      { scale: 'ces7', score: 1, customer: 'C', at: '2026-11-20' },
      { scale: 'ces7', score: 7, customer: 'C', at: '2026-10-21' },
    ]);
    expect(customer.weightedHighEffort).toBeCloseTo(2 / 3, 12);
    const result = classifyLoyaltyRisk(
      history([
        { scale: 'ces7', score: 1, customer: 'old', at: '2026-09-01' },
        { scale: 'ces7', score: 7, customer: 'old', at: '2026-11-19' },
        { scale: 'ces7', score: 1, customer: 'recent', at: '2026-11-19' },
        { scale: 'ces7', score: 7, customer: 'recent', at: '2026-09-01' },
      ]),
      { asOf },
    );
    expect(result.customers.map((each) => [each.customerId, each.tier])).toEqual([
      ['recent', 'watch'],
      ['old', 'watch'],
    ]);
  });
});

describe('determinism and accounting', () => {
  const specs: AnswerSpec[] = [
    { scale: 'nps', score: 10, customer: 'A', at: '2026-06-01' },
    { scale: 'nps', score: 3, customer: 'B', at: '2026-06-01' },
    { scale: 'ces7', score: 2, customer: 'A', at: '2026-11-01', interaction: 'T1' },
    { scale: 'ces7', score: null, customer: 'A', at: '2026-11-02' },
    { scale: 'ces7', score: 6, customer: 'B', at: '2026-11-03' },
    { scale: 'ces7', score: 1, respondent: 'r-9', at: '2026-11-04' },
    { scale: 'ces7', score: 1, at: '2026-11-05' },
    { scale: 'ces7', score: 1, customer: 'A' },
    { scale: 'ces7', score: 1, customer: 'A', at: '2026-12-01' },
    { scale: 'csat5', score: 5, customer: 'A', at: '2026-11-01' },
  ];

  test('asOf defaults to the latest time in the records, never the wall clock; later answers are ignored and counted', () => {
    const records = history(specs);
    expect(classifyLoyaltyRisk(records).asOf?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    const result = classifyLoyaltyRisk(records, { asOf });
    expect(result.summary.records).toEqual({
      total: 10,
      relationship: 2,
      superseded: 0,
      interactions: 3,
      beforeEffortWindow: 0,
      skipped: 1,
      otherMetric: 1,
      undated: 1,
      afterAsOf: 1,
      noCustomer: 1,
    });
    expect(result.customers.map((customer) => [customer.customerId, customer.identifiedBy, customer.tier])).toEqual([
      ['B', 'customerId', 'at-risk'],
      // Both watch with every interaction hard (weighted share 1): the later last answer first.
      ['r-9', 'respondentId', 'watch'],
      ['A', 'customerId', 'watch'],
    ]);
    expect(classifyLoyaltyRisk([]).asOf).toBeUndefined();
  });

  test('the order of the records never matters, ties in time included (the later row of the export wins)', () => {
    const tie: AnswerSpec[] = [
      { scale: 'nps', score: 10, customer: 'T', at: '2026-09-01' },
      { scale: 'nps', score: 6, customer: 'T', at: '2026-09-01' },
    ];
    const records = history([...specs, ...tie]);
    const forward = classifyLoyaltyRisk(records, { asOf });
    const backward = classifyLoyaltyRisk([...records].reverse(), { asOf });
    expect(json(backward)).toEqual(json(forward));
    // Both NPS answers of T are at the same time; 6 is the later row, so T is a detractor whose 10 came "before".
    const t = forward.customers.find((customer) => customer.customerId === 'T');
    expect([t?.relationship, t?.relationshipDrop]).toEqual(['detractor', true]);
  });

  test('the async path gives the same result, and stops when aborted', async () => {
    const records = history(specs);
    async function* source(): AsyncGenerator<(typeof records)[number]> {
      yield* records;
    }
    expect(json(await classifyLoyaltyRiskAsync(source(), { asOf }))).toEqual(json(classifyLoyaltyRisk(records, { asOf })));
    const controller = new AbortController();
    controller.abort();
    await expect(classifyLoyaltyRiskAsync(source(), { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('portfolio summary', () => {
  test('counts and shares per tier and per cell, overall and per segment, rounded to add up to 100', () => {
    const specs: AnswerSpec[] = [
      { scale: 'nps', score: 10, customer: 'A', at: '2026-06-01', plan: 'pro' },
      { scale: 'nps', score: 10, customer: 'B', at: '2026-06-01', plan: 'pro' },
      { scale: 'nps', score: 3, customer: 'C', at: '2026-06-01', plan: 'free' },
      { scale: 'ces7', score: 1, customer: 'B', at: '2026-11-01', plan: 'pro' },
    ];
    const result = classifyLoyaltyRisk(history(specs), { asOf, by: 'plan' });
    expect(result.summary.tiers.map((tier) => [tier.tier, tier.count, tier.rounded])).toEqual([
      ['stable', 1, 33.4],
      ['watch', 1, 33.3],
      ['at-risk', 1, 33.3],
      ['critical', 0, 0],
      ['unknown', 0, 0],
    ]);
    expect(result.summary.tiers[0]?.percent).toBeCloseTo(100 / 3, 12);
    expect(result.summary.cells.filter((cell) => cell.count > 0).map((cell) => [cell.relationship, cell.effort, cell.tier, cell.count])).toEqual([
      ['promoter', 'easy', 'stable', 1],
      ['promoter', 'single', 'watch', 1],
      ['detractor', 'easy', 'at-risk', 1],
    ]);
    expect(result.summary.segments?.map((segment) => [segment.key, segment.customers, segment.tiers.filter((tier) => tier.count > 0).map((tier) => tier.tier)])).toEqual([
      [['free'], 1, ['at-risk']],
      [['pro'], 2, ['stable', 'watch']],
    ]);
    expect(() => classifyLoyaltyRisk(history(specs), { asOf, by: 'plna' })).toThrow(/did you mean "plan"\?/);
    // A later survey that does not carry the plan says nothing of it: the segment comes from the latest record that has it.
    const later = classifyLoyaltyRisk(history([...specs, { scale: 'ces7', score: 6, customer: 'C', at: '2026-11-15' }]), { asOf, by: 'plan' });
    expect(later.customers.find((customer) => customer.customerId === 'C')?.segment).toEqual(['free']);
    // An accessor is given the latest record.
    const byChannel = classifyLoyaltyRisk(history(specs), { asOf, by: (record) => record.scaleId });
    expect(byChannel.customers.find((customer) => customer.customerId === 'B')?.segment).toEqual(['ces7']);
  });
});

describe('a policy is checked whole', () => {
  const records = history([{ scale: 'nps', score: 9, customer: 'A', at: '2026-06-01' }]);
  test.each([
    [{ effortWindow: { days: -5 } }, /expected a number of days greater than 0 and at most 1000000, got -5 at options.policy.effortWindow.days/],
    [{ efortWindow: { days: 9 } }, /did you mean "effortWindow"\?\), got "efortWindow" at options.policy.efortWindow/],
    [{ tiers: { ...defaultRiskPolicy.tiers, promoter: { easy: 'stabel', single: 'watch', repeated: 'at-risk' } } }, /expected a tier \(stable, watch, at-risk, critical, unknown\) \(did you mean "stable"\?\), got "stabel" at options.policy.tiers.promoter.easy/],
    [{ tiers: { ...defaultRiskPolicy.tiers, passive: { easy: 'stable', single: 'watch' } } }, /expected a cell for every effort column .* at options.policy.tiers.passive.repeated/],
    [{ tiers: { promoter: defaultRiskPolicy.tiers.promoter } }, /expected a row for every relationship .* at options.policy.tiers.passive/],
    [{ nextSteps: { ...defaultRiskPolicy.nextSteps, unknown: { easy: 'call them', single: 'monitor', repeated: 'monitor' } } }, /expected a next step/],
    [{ transactional: ['nps'] }, /NPS is the relationship, never an interaction/],
    [{ transactional: [] }, /a non-empty list of transactional metrics/],
    [{ repeatedHighEffort: 1 }, /a whole number from 2 to 1000, got 1/],
    [{ rollup: 'best' }, /one of 'latest', 'worst', 'account'/],
    [{ accountThresholds: { detractorBelow: 40, promoterAbove: 30 } }, /expected detractorBelow of at most promoterAbove: detractorBelow 40, promoterAbove 30, got 30 at options.policy.accountThresholds.promoterAbove/],
    [{ accountThresholds: { detractorBelow: 50 } }, /detractorBelow 50, promoterAbove 30 \(the default\), got 50 at options.policy.accountThresholds.detractorBelow/],
    [{ effortWindow: 90 }, /expected a length of time as \{ days: 90 \}, got 90 at options.policy.effortWindow/],
    [{ raiseOnDrop: 'yes' }, /expected true or false, got "yes" at options.policy.raiseOnDrop/],
  ])('%j is refused', (policy, message) => {
    const error = thrown(() => classifyLoyaltyRisk(records, { policy: policy as never }));
    expect(error).toBeInstanceOf(CxMetricsError);
    expect(error.code).toBe('invalid_option');
    expect(error.message).toMatch(message);
  });

  test('the result carries the policy used, every rule filled in; a partial policy keeps the other defaults', () => {
    const result = classifyLoyaltyRisk(records, { policy: { effortWindow: { days: 30 } } });
    expect(result.policy).toEqual({ ...defaultRiskPolicy, effortWindow: { days: 30 } });
    expect(Object.isFrozen(result.policy.tiers.promoter)).toBe(true);
  });

  test('inputs that are not records, and bad options, are refused with the place', () => {
    const { records: plain } = ingest([{ score: 9, customerId: 'A', submittedAt: '2026-06-01T00:00:00Z' }], { scale: scales.nps });
    expect(() => classifyLoyaltyRisk([{ score: 9 }] as never)).toThrow(/classifyLoyaltyRisk: expected a record made by ingest, got .* at records\[0\]/);
    expect(() => classifyLoyaltyRisk(plain.map((record) => ({ ...record })) as never)).toThrow(/this is a copy of one/);
    expect(() => classifyLoyaltyRisk(plain, { asof: asOf } as never)).toThrow(/did you mean "asOf"/);
    expect(() => classifyLoyaltyRisk(plain, { asOf: 'yesterday' as never })).toThrow(/options.asOf/);
    expect(() => classifyLoyaltyRisk(plain, { timeZone: 'Mars/Olympus' })).toThrow(/IANA time zone/);
    expect(() => classifyLoyaltyRisk(plain, { signal: new AbortController().signal } as never)).toThrow(/unknown_name|known option name/);
  });
});
