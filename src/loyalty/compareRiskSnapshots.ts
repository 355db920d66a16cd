import { guard } from '../internal/guard.js';
import { fail, type Path } from '../internal/issue.js';
import { checkBoolean, checkOptions, type EveryKeyListed } from '../internal/options.js';
import type { CustomerRisk, LoyaltyRiskResult } from './LoyaltyRiskResult.js';
import { ORDERED_TIERS, RISK_TIERS, type RiskTier } from './riskPolicy.js';

/** A tier, or `absent` for a customer not in that snapshot. */
export type SnapshotTier = RiskTier | 'absent';

/** Which way a customer moved: `worse` (a higher ordered tier), `better`, or `other` (to or from `unknown`). */
export type TierMove = 'worse' | 'better' | 'other';

/** A customer in both snapshots whose tier changed. */
export interface CustomerMove {
  /** The customer. */
  readonly customerId: string;
  /** Which field identified the customer. */
  readonly identifiedBy: CustomerRisk['identifiedBy'];
  /** The tier before. */
  readonly from: RiskTier;
  /** The tier after. */
  readonly to: RiskTier;
  /** Which way the customer moved. */
  readonly move: TierMove;
  /** The verdict before, with its reasons. */
  readonly before: CustomerRisk;
  /** The verdict after, with its reasons. */
  readonly after: CustomerRisk;
}

/** How many customers moved each way between two snapshots. */
export interface RiskMovementCounts {
  /** To a higher ordered tier. */
  readonly worse: number;
  /** To a lower ordered tier. */
  readonly better: number;
  /** To or from `unknown`. */
  readonly other: number;
  /** In both snapshots, in the same tier. */
  readonly unchanged: number;
  /** Only in the later snapshot. */
  readonly entered: number;
  /** Only in the earlier snapshot. */
  readonly left: number;
}

/** Options for {@link compareRiskSnapshots}. */
export interface CompareRiskSnapshotsOptions {
  /** Allow snapshots made with different policies (then a move may be the policy's, not the customer's). Default false. */
  readonly allowPolicyChange?: boolean | undefined;
}

/** Movement between two snapshots. */
export interface RiskMovement {
  /** The `asOf` of the earlier snapshot. */
  readonly before: Date | undefined;
  /** The `asOf` of the later snapshot. */
  readonly after: Date | undefined;
  /** Customers by tier before (rows, `absent` for new customers) and after (columns, `absent` for those gone). */
  readonly transitions: Readonly<Record<SnapshotTier, Readonly<Record<SnapshotTier, number>>>>;
  /** Customers in both snapshots whose tier changed: worse first (to the highest tier first), then better, then other; then by id. */
  readonly moved: readonly CustomerMove[];
  /** Customers only in the later snapshot. */
  readonly entered: readonly CustomerRisk[];
  /** Customers only in the earlier snapshot. */
  readonly left: readonly CustomerRisk[];
  /** How many customers moved each way, stayed, entered and left. */
  readonly counts: RiskMovementCounts;
}

const OPTION_NAMES = ['allowPolicyChange'] as const satisfies readonly (keyof CompareRiskSnapshotsOptions)[];
true satisfies EveryKeyListed<keyof CompareRiskSnapshotsOptions, (typeof OPTION_NAMES)[number]>;
const SNAPSHOT_TIERS: readonly SnapshotTier[] = [...RISK_TIERS, 'absent'];
const rank = (tier: RiskTier): number => (ORDERED_TIERS as readonly string[]).indexOf(tier);

/** A result's asOf as a time: a Date, or the ISO string a result kept as JSON has. */
function asOfOf(functionName: string, result: LoyaltyRiskResult, path: Path): number | undefined {
  const asOf: unknown = result.asOf;
  if (asOf === undefined || asOf === null) return undefined;
  const time = asOf instanceof Date ? asOf.getTime() : typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(asOf) ? Date.parse(asOf) : Number.NaN;
  if (Number.isNaN(time)) fail(functionName, 'invalid_argument', 'invalid_date', 'asOf as a Date, or as the ISO 8601 string of a result kept as JSON', asOf, path);
  return time;
}

/** The customers of a result by identity, checked to be a result of {@link classifyLoyaltyRisk}. */
function customersOf(functionName: string, result: unknown, path: Path): Map<string, CustomerRisk> {
  const customers = (result as LoyaltyRiskResult | undefined)?.customers;
  if (typeof result !== 'object' || result === null || !Array.isArray(customers) || !('policy' in result)) {
    fail(functionName, 'invalid_argument', 'invalid_type', 'a result of classifyLoyaltyRisk', result, path);
  }
  const byId = new Map<string, CustomerRisk>();
  customers.forEach((customer: CustomerRisk, index) => {
    if (typeof customer?.customerId !== 'string' || !(RISK_TIERS as readonly unknown[]).includes(customer.tier)) {
      fail(functionName, 'invalid_argument', 'invalid_value', 'a customer verdict with a customerId and a tier', customer, [...path, 'customers', index]);
    }
    const key = `${customer.identifiedBy}\u0000${customer.customerId}`;
    if (byId.has(key)) fail(functionName, 'invalid_argument', 'duplicate', 'each customer once', customer.customerId, [...path, 'customers', index]);
    byId.set(key, customer);
  });
  return byId;
}

/**
 * How customers moved between two snapshots of {@link classifyLoyaltyRisk} (say `asOf` last
 * week and today): the tier transition matrix, and every customer whose tier changed, with both
 * verdicts and their reasons. Customers in only one snapshot are listed as entered or left, never
 * silently dropped. A snapshot kept as JSON (`JSON.parse(JSON.stringify(result))`) works too. Snapshots must be in time order and made with the same policy (a move caused
 * by a policy change is not a customer's), unless `allowPolicyChange` says otherwise.
 *
 * @param before - the earlier result
 * @param after - the later result
 * @param options - `allowPolicyChange`
 * @returns the transition matrix, the moves, the entered and the left
 * @throws {@link CxMetricsError} `invalid_argument` for something that is not a result, snapshots out of order, or different policies
 *
 * @example
 * ```ts
 * import { classifyLoyaltyRisk, compareRiskSnapshots, ingest, scales } from 'cx-metrics';
 *
 * const nps = ingest([{ score: 9, customerId: 'A', submittedAt: '2026-10-01T00:00:00Z' }], { scale: scales.nps }).records;
 * const ces = ingest([{ score: 1, customerId: 'A', submittedAt: '2026-11-10T00:00:00Z' }], { scale: scales.ces7 }).records;
 * const lastMonth = classifyLoyaltyRisk([...nps, ...ces], { asOf: new Date('2026-11-01T00:00:00Z') });
 * const today = classifyLoyaltyRisk([...nps, ...ces], { asOf: new Date('2026-11-20T00:00:00Z') });
 * const movement = compareRiskSnapshots(lastMonth, today);
 * movement.moved.map((move) => [move.customerId, move.from, move.to, move.move]); // => [["A", "stable", "watch", "worse"]]
 * movement.transitions.stable.watch; // => 1
 * ```
 */
export function compareRiskSnapshots(before: LoyaltyRiskResult, after: LoyaltyRiskResult, options?: CompareRiskSnapshotsOptions): RiskMovement {
  return guard('compareRiskSnapshots', () => {
    const fn = 'compareRiskSnapshots';
    const checked = checkOptions(fn, options, OPTION_NAMES);
    const allowPolicyChange = checkBoolean(fn, checked.allowPolicyChange, false, ['options', 'allowPolicyChange']);
    const earlier = customersOf(fn, before, ['before']);
    const later = customersOf(fn, after, ['after']);
    const from = asOfOf(fn, before, ['before', 'asOf']);
    const to = asOfOf(fn, after, ['after', 'asOf']);
    if (from !== undefined && to !== undefined && from > to) {
      fail(fn, 'invalid_argument', 'out_of_range', `an after snapshot as of ${new Date(from).toISOString()} or later (are before and after swapped?)`, new Date(to), ['after', 'asOf']);
    }
    if (!allowPolicyChange) {
      const rules = Object.keys({ ...before.policy, ...after.policy }) as (keyof LoyaltyRiskResult['policy'])[];
      const changed = rules.filter((rule) => JSON.stringify(before.policy?.[rule]) !== JSON.stringify(after.policy?.[rule]));
      if (changed.length > 0) {
        fail(fn, 'invalid_argument', 'mismatch', 'snapshots made with the same policy (a move could be the policy change, not the customer; pass allowPolicyChange: true to compare anyway)', `different ${changed.join(', ')}`, ['after', 'policy', changed[0] as string]);
      }
    }
    const transitions = Object.fromEntries(SNAPSHOT_TIERS.map((row) => [row, Object.fromEntries(SNAPSHOT_TIERS.map((column) => [column, 0]))])) as Record<SnapshotTier, Record<SnapshotTier, number>>;
    const moved: CustomerMove[] = [];
    const entered: CustomerRisk[] = [];
    const left: CustomerRisk[] = [];
    let unchanged = 0;
    for (const [key, old] of earlier) {
      const now = later.get(key);
      transitions[old.tier][now?.tier ?? 'absent']++;
      if (now === undefined) left.push(old);
      else if (now.tier === old.tier) unchanged++;
      else {
        const move: TierMove = old.tier === 'unknown' || now.tier === 'unknown' ? 'other' : rank(now.tier) > rank(old.tier) ? 'worse' : 'better';
        moved.push(Object.freeze({ customerId: now.customerId, identifiedBy: now.identifiedBy, from: old.tier, to: now.tier, move, before: old, after: now }));
      }
    }
    for (const [key, now] of later) {
      if (earlier.has(key)) continue;
      transitions.absent[now.tier]++;
      entered.push(now);
    }
    const moveRank: Record<TierMove, number> = { worse: 0, better: 1, other: 2 };
    moved.sort((a, b) => moveRank[a.move] - moveRank[b.move] || rank(b.to) - rank(a.to) || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
    const count = (move: TierMove): number => moved.filter((each) => each.move === move).length;
    return Object.freeze({
      before: from === undefined ? undefined : new Date(from),
      after: to === undefined ? undefined : new Date(to),
      transitions: Object.freeze(Object.fromEntries(Object.entries(transitions).map(([row, columns]) => [row, Object.freeze(columns)]))) as RiskMovement['transitions'],
      moved: Object.freeze(moved),
      entered: Object.freeze(entered),
      left: Object.freeze(left),
      counts: Object.freeze({ worse: count('worse'), better: count('better'), other: count('other'), unchanged, entered: entered.length, left: left.length }),
    });
  });
}
