import type { CxMetricsIssue } from '../errors/CxMetricsError.js';
import { guard } from '../internal/guard.js';
import { fail, makeIssue, throwIssues } from '../internal/issue.js';
import { didYouMean } from '../internal/nearNames.js';
import { checkLevel, checkNumber, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { forEachRow, rowSource, type Rows } from '../internal/readRows.js';
import type { Share } from '../metrics/MetricResult.js';
import { scaled } from '../metrics/tallyStatistics.js';
import { NamedField } from '../records/readField.js';
import { cochranArmitageTest, type TrendTest } from '../stats/cochranArmitageTest.js';
import { wilsonInterval } from '../stats/wilsonInterval.js';
import type { LoyaltyRiskResult } from './LoyaltyRiskResult.js';
import { ORDERED_TIERS, RISK_TIERS, type RiskTier } from './riskPolicy.js';

/** Known outcomes per customer: a Map or an object from id to churned (true/false, or 1/0), or rows read with `options.id` and `options.event`. */
export type RiskOutcomes<Row = never> = ReadonlyMap<string, boolean | 0 | 1> | Readonly<Record<string, boolean | 0 | 1>> | Rows<Row>;

/** Options for {@link evaluateRiskTiers}. */
export interface EvaluateRiskTiersOptions<Row = never> {
  /** For rows: the customer id, a field name or an accessor. Default `'customerId'`. */
  readonly id?: string | ((row: Row, index: number) => unknown) | undefined;
  /** For rows: the outcome (true/false or 1/0: churned or not), a field name or an accessor. Default `'churned'`. */
  readonly event?: string | ((row: Row, index: number) => unknown) | undefined;
  /** Scores of the ordered tiers for the trend test. Default `[0, 1, 2, 3]` (stable, watch, at-risk, critical). */
  readonly scores?: readonly [number, number, number, number] | undefined;
  /** Confidence level of the rates' intervals. Default 0.95. */
  readonly level?: number | undefined;
}

/** The outcomes of one tier's customers. */
export interface TierOutcome {
  /** The tier. */
  readonly tier: RiskTier;
  /** Customers in the tier. */
  readonly customers: number;
  /** Of those, how many have a known outcome (the denominator of the rate). */
  readonly withOutcome: number;
  /** The events (churned customers): count, percent of `withOutcome`, and its Wilson interval (undefined without outcomes). */
  readonly events: Share<number> | Share<undefined>;
  /** The rate over the rate of `stable` (1 for `stable`); undefined when either is unknown or stable's is 0. */
  readonly lift: number | undefined;
}

/** How well the tiers separate known outcomes. */
export interface RiskTierEvaluation {
  /** The ordered tiers (stable, watch, at-risk, critical), then unknown. */
  readonly tiers: readonly TierOutcome[];
  /** The Cochran–Armitage test that the event rate rises with the tier (`pValueIncreasing` is the one-sided p); undefined when it cannot be run (`trendNote` says why). */
  readonly trend: TrendTest | undefined;
  /** Why there is no trend test, when there is none. */
  readonly trendNote: string | undefined;
  /** Whether the observed rates never fall from one ordered tier to the next (tiers without outcomes skipped); undefined when fewer than two ordered tiers have outcomes. */
  readonly ordered: boolean | undefined;
  /** Customers in the result. */
  readonly customers: number;
  /** Of those, how many have a known outcome. */
  readonly withOutcome: number;
  /** Customers without a known outcome: counted, left out of the rates. */
  readonly withoutOutcome: number;
  /** Outcomes of ids that are no customer of the result: counted, not used. */
  readonly outcomesWithoutCustomer: number;
  /** Outcomes of ids that name two customers (one known by customer id, one by respondent id): counted, not used. */
  readonly ambiguousOutcomes: number;
}

const OPTION_NAMES = ['id', 'event', 'scores', 'level'] as const satisfies readonly (keyof EvaluateRiskTiersOptions)[];
true satisfies EveryKeyListed<keyof EvaluateRiskTiersOptions, (typeof OPTION_NAMES)[number]>;

/** true/false, or 1/0 (as databases store flags); anything else is not an outcome. */
const outcomeOf = (value: unknown): boolean | undefined => (value === true || value === 1 ? true : value === false || value === 0 ? false : undefined);

/**
 * Checks a policy against history: given the outcome of each customer (churned or not, later),
 * how often did each tier's customers churn? Per tier: the customers with an outcome, the
 * events, the rate with a Wilson interval, and the lift over `stable`; whether the observed
 * rates are ordered; and the Cochran–Armitage test for a trend across the ordered tiers (its
 * one-sided p-value asks "does churn rise with the tier?"). Customers without an outcome, and
 * outcomes of ids that are no customer, are counted, never silently dropped. A team runs it on its
 * own history (a snapshot `asOf` a past date, outcomes observed after it) before trusting a policy.
 *
 * @param result - a result of {@link classifyLoyaltyRisk}
 * @param outcomes - a Map or an object from customer id to true/false (or 1/0), or rows with `options.id` and `options.event`
 * @param options - the id and event fields of rows, the tier scores of the trend test, the level
 * @returns per tier the rate and lift, the trend test, whether the rates are ordered, and the counts
 * @throws {@link CxMetricsError} `invalid_argument` for outcomes that are not true/false or 1/0 (every one listed) and ids given twice; `invalid_option` for bad options
 *
 * @example
 * ```ts
 * import { classifyLoyaltyRisk, evaluateRiskTiers, ingest, scales } from 'cx-metrics';
 *
 * const at = '2026-06-01T00:00:00Z';
 * const nps = ingest(['A', 'B', 'C', 'D'].map((customerId, i) => ({ score: [10, 9, 3, 2][i], customerId, submittedAt: at })), { scale: scales.nps }).records;
 * const ces = ingest([{ score: 1, customerId: 'D', submittedAt: at }], { scale: scales.ces7 }).records;
 * const result = classifyLoyaltyRisk([...nps, ...ces]);
 * const evaluation = evaluateRiskTiers(result, new Map([['A', false], ['B', false], ['C', true], ['D', true], ['Z', true]]));
 * evaluation.tiers.map((tier) => [tier.tier, tier.withOutcome, tier.events.count]); // => [["stable", 2, 0], ["watch", 0, 0], ["at-risk", 1, 1], ["critical", 1, 1], ["unknown", 0, 0]]
 * [evaluation.ordered, evaluation.outcomesWithoutCustomer]; // => [true, 1]
 * ```
 */
export function evaluateRiskTiers<Row = never>(result: LoyaltyRiskResult, outcomes: RiskOutcomes<Row>, options?: EvaluateRiskTiersOptions<Row>): RiskTierEvaluation {
  return guard('evaluateRiskTiers', () => {
    const fn = 'evaluateRiskTiers';
    const checked = checkOptions(fn, options, OPTION_NAMES);
    const level = checkLevel(fn, checked.level ?? 0.95);
    const scores = checked.scores ?? [0, 1, 2, 3];
    if (!Array.isArray(scores) || scores.length !== ORDERED_TIERS.length) fail(fn, 'invalid_option', 'invalid_value', `${ORDERED_TIERS.length} scores, one per ordered tier (${ORDERED_TIERS.join(', ')})`, scores, ['options', 'scores']);
    scores.forEach((score, at) => checkNumber(fn, score, ['options', 'scores', at], { describe: 'a finite score' }, 'invalid_option'));
    if (typeof result !== 'object' || result === null || !Array.isArray(result.customers)) fail(fn, 'invalid_argument', 'invalid_type', 'a result of classifyLoyaltyRisk', result, ['result']);

    // The outcomes, by id, every one checked.
    const known = new Map<string, boolean>();
    const seen = new Set<string>();
    const issues: CxMetricsIssue[] = [];
    const take = (id: unknown, value: unknown, path: readonly (string | number)[]): void => {
      if (typeof id !== 'string' || id === '') {
        issues.push(makeIssue(fn, 'invalid_type', 'a customer id (a non-empty string)', id, path));
        return;
      }
      const outcome = outcomeOf(value);
      if (seen.has(id)) issues.push(makeIssue(fn, 'duplicate', 'each customer once', id, path));
      else if (outcome === undefined) issues.push(makeIssue(fn, 'invalid_value', 'an outcome: true or false (or 1 or 0)', value, path));
      else known.set(id, outcome);
      seen.add(id);
    };
    if (outcomes instanceof Map) {
      for (const [id, value] of outcomes) take(id, value, ['outcomes', String(id)]);
    } else if (typeof outcomes === 'object' && outcomes !== null && !Array.isArray(outcomes) && !(Symbol.iterator in outcomes) && !('length' in outcomes)) {
      if (checked.id !== undefined || checked.event !== undefined) fail(fn, 'invalid_option', 'invalid_value', 'no id or event option unless the outcomes are rows', checked.id ?? checked.event, ['options', checked.id !== undefined ? 'id' : 'event']);
      for (const [id, value] of Object.entries(outcomes)) take(id, value, ['outcomes', id]);
    } else {
      const field = (option: EvaluateRiskTiersOptions<Row>['id'], fallback: string): { read: (row: Row, index: number) => unknown; named: NamedField | undefined } => {
        if (typeof option === 'function') return { read: option, named: undefined };
        const named = new NamedField(option ?? fallback, false, false);
        return { read: (row) => named.read(row), named };
      };
      const id = field(checked.id, 'customerId');
      const event = field(checked.event, 'churned');
      const rows = forEachRow(fn, rowSource<Row>(fn, outcomes, ['outcomes'], false), ['outcomes'], {
        row: (row, index) => take(id.read(row, index), event.read(row, index), ['outcomes', index]),
        hole: (index) => issues.push(makeIssue(fn, 'hole', 'a row of outcomes', undefined, ['outcomes', index])),
      });
      for (const [named, option] of [[id.named, 'id'], [event.named, 'event']] as const) {
        if (named !== undefined && rows > 0 && named.missing === rows) fail(fn, 'invalid_option', 'unknown_name', `a field that the rows have${didYouMean(named.name, named.offered)}`, named.name, ['options', option]);
      }
    }
    if (issues.length > 0) throwIssues(fn, 'invalid_argument', issues);

    // Per tier: customers, those with an outcome, events.
    const tally = new Map<RiskTier, { customers: number; n: number; events: number }>(RISK_TIERS.map((tier) => [tier, { customers: 0, n: 0, events: 0 }]));
    let matched = 0;
    // An id that names two customers (a customer id and, apart, a respondent id) cannot say whose outcome it is.
    const named = new Map<string, number>();
    for (const customer of result.customers) named.set(customer.customerId, (named.get(customer.customerId) ?? 0) + 1);
    for (const customer of result.customers) {
      const counts = tally.get(customer.tier);
      if (counts === undefined) fail(fn, 'invalid_argument', 'invalid_value', `a tier (${RISK_TIERS.join(', ')})`, customer.tier, ['result', 'customers']);
      counts.customers++;
      const outcome = named.get(customer.customerId) === 1 ? known.get(customer.customerId) : undefined;
      if (outcome === undefined) continue;
      matched++;
      counts.n++;
      if (outcome) counts.events++;
    }
    const outcomesWithoutCustomer = [...known.keys()].filter((id) => !named.has(id)).length;
    const ambiguousOutcomes = [...known.keys()].filter((id) => (named.get(id) ?? 0) > 1).length;
    const rate = (tier: RiskTier): number | undefined => {
      const counts = tally.get(tier) as { n: number; events: number };
      return counts.n === 0 ? undefined : counts.events / counts.n;
    };
    const stableRate = rate('stable');
    const tiers = RISK_TIERS.map((tier): TierOutcome => {
      const counts = tally.get(tier) as { customers: number; n: number; events: number };
      const tierRate = rate(tier);
      const events: Share<number> | Share<undefined> =
        tierRate === undefined
          ? { count: 0, weight: 0, percent: undefined, ci: undefined }
          : { count: counts.events, weight: counts.events, percent: 100 * tierRate, ci: scaled(wilsonInterval(counts.events, counts.n, { level }), 'percent') };
      const lift = tierRate === undefined || stableRate === undefined || stableRate === 0 ? undefined : tierRate / stableRate;
      return Object.freeze({ tier, customers: counts.customers, withOutcome: counts.n, events: Object.freeze(events), lift });
    });

    // Order and trend over the ordered tiers that have outcomes.
    const present = ORDERED_TIERS.map((tier, at) => ({ tier, at, counts: tally.get(tier) as { n: number; events: number } })).filter((each) => each.counts.n > 0);
    const rates = present.map((each) => each.counts.events / each.counts.n);
    const ordered = rates.length < 2 ? undefined : rates.every((value, at) => at === 0 || value >= (rates[at - 1] as number));
    const events = present.reduce((sum, each) => sum + each.counts.events, 0);
    const n = present.reduce((sum, each) => sum + each.counts.n, 0);
    let trend: TrendTest | undefined;
    let trendNote: string | undefined;
    if (present.length < 2) trendNote = 'fewer than two ordered tiers have customers with a known outcome';
    else if (events === 0 || events === n) trendNote = events === 0 ? 'no customer with a known outcome had the event' : 'every customer with a known outcome had the event';
    else {
      trend = cochranArmitageTest(
        present.map((each) => each.counts.events),
        present.map((each) => each.counts.n),
        { scores: present.map((each) => scores[each.at] as number) },
      );
    }
    return Object.freeze({
      tiers: Object.freeze(tiers),
      trend,
      trendNote,
      ordered,
      customers: result.customers.length,
      withOutcome: matched,
      withoutOutcome: result.customers.length - matched,
      outcomesWithoutCustomer,
      ambiguousOutcomes,
    });
  });
}
