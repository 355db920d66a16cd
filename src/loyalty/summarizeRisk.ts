import { roundShares } from '../stats/roundShares.js';
import { KeyedGroups } from '../tally/KeyedGroups.js';
import type { CustomerRisk, PortfolioShare, RiskCell, RiskRecordAccounting, RiskSegment, RiskSummary, TierCount } from './LoyaltyRiskResult.js';
import { EFFORT_COLUMNS, RELATIONSHIP_ROWS, RISK_TIERS, type RiskPolicy } from './riskPolicy.js';

/** Counts as shares of their sum: exact, and rounded to one decimal so that they add up to 100. */
function shares(counts: readonly number[]): PortfolioShare[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const rounded = total === 0 ? undefined : roundShares(counts, { decimals: 1 });
  return counts.map((count, at) => ({ count, percent: total === 0 ? undefined : (100 * count) / total, rounded: rounded?.[at] }));
}

const TIER_INDEX: ReadonlyMap<string, number> = new Map(RISK_TIERS.map((tier, at) => [tier, at]));
const ROW_INDEX: ReadonlyMap<string, number> = new Map(RELATIONSHIP_ROWS.map((row, at) => [row, at]));
const COLUMN_INDEX: ReadonlyMap<string, number> = new Map(EFFORT_COLUMNS.map((column, at) => [column, at]));

/** Customers per tier, every tier listed, in one pass. */
function tierCounts(customers: readonly CustomerRisk[]): readonly TierCount[] {
  const counts = RISK_TIERS.map(() => 0);
  for (const customer of customers) (counts[TIER_INDEX.get(customer.tier) as number] as number)++;
  return Object.freeze(shares(counts).map((share, at) => Object.freeze({ tier: RISK_TIERS[at] as TierCount['tier'], ...share })));
}

/**
 * The portfolio: customers per tier and per cell of the policy table, overall and per segment,
 * with exact shares and shares rounded for display, and the accounting of the records.
 */
export function summarizeRisk(functionName: string, customers: readonly CustomerRisk[], policy: RiskPolicy, records: RiskRecordAccounting, identities: { readonly joined: number; readonly ambiguous: number }, bySegment: boolean): RiskSummary {
  const cells = RELATIONSHIP_ROWS.flatMap((relationship) => EFFORT_COLUMNS.map((effort) => ({ relationship, effort })));
  const cellCounts = cells.map(() => 0);
  for (const customer of customers) (cellCounts[(ROW_INDEX.get(customer.relationshipRow) as number) * EFFORT_COLUMNS.length + (COLUMN_INDEX.get(customer.effortColumn) as number)] as number)++;
  const cellShares = shares(cellCounts);
  let segments: readonly RiskSegment[] | undefined;
  if (bySegment) {
    // The same grouping engine as every table: segment key → the segment's customers.
    const groups = new KeyedGroups<CustomerRisk[]>(functionName, ['customers'], () => []);
    customers.forEach((customer, index) => groups.get((customer.segment as readonly unknown[]).length === 1 ? customer.segment?.[0] : customer.segment, index).push(customer));
    segments = Object.freeze(groups.groups().map((group) => Object.freeze({ key: group.key, customers: group.state.length, tiers: tierCounts(group.state) })));
  }
  return Object.freeze({
    customers: customers.length,
    tiers: tierCounts(customers),
    cells: Object.freeze(cells.map((cell, at): RiskCell => Object.freeze({ ...cell, tier: policy.tiers[cell.relationship][cell.effort], ...(cellShares[at] as PortfolioShare) }))),
    segments,
    records,
    joinedRespondents: identities.joined,
    ambiguousRespondents: identities.ambiguous,
  });
}
