import type { MetricKind } from '../scales/defineScale.js';
import type { SegmentKeyValue } from '../tally/KeyedGroups.js';
import type { EffortColumn, EffortLevel, NextStep, Relationship, RelationshipRow, RiskPolicy, RiskTier } from './riskPolicy.js';

/** The machine-readable reason codes of a verdict. */
export type RiskReasonCode =
  | 'promoter'
  | 'passive'
  | 'detractor'
  | 'stale_relationship'
  | 'no_relationship'
  | 'relationship_drop'
  | 'no_interactions'
  | 'easy_interactions'
  | 'single_high_effort'
  | 'repeated_high_effort';

/** One reason for a verdict: a code to act on, and a sentence a person can read. */
export interface RiskReason {
  /** What the reason is, for code that acts on it. */
  readonly code: RiskReasonCode;
  /** E.g. "promoter (10 on 2026-09-02)", "one high-effort interaction (CES 2 of 7 on 2026-11-20, interaction T-118) among 4 in 90 days". */
  readonly message: string;
}

/** What an answer was used for: the relationship, the answer before it (for the drop rule), or an interaction. */
export type EvidenceRole = 'relationship' | 'previous-relationship' | 'interaction';

/** One answer a verdict used, traceable to its row. */
export interface RiskEvidence {
  /** What the answer was used for. */
  readonly role: EvidenceRole;
  /** The record's row in its export. */
  readonly row: number;
  /** Who gave the answer. */
  readonly respondentId: string | undefined;
  /** The interaction (ticket, call) of a transactional answer. */
  readonly interactionId: string | undefined;
  /** When the answer was given. */
  readonly submittedAt: Date;
  /** The scale of the answer. */
  readonly scaleId: string;
  /** What the scale measures (`nps`, `ces`, `csat`). */
  readonly metric: MetricKind;
  /** The score on its scale. */
  readonly score: number;
  /** The name of the scale's band the score is in. */
  readonly band: string | undefined;
  /** For interactions: whether the answer is in a negative band (high effort). */
  readonly highEffort: boolean | undefined;
}

/** One customer's verdict, with everything needed to explain it. */
export interface CustomerRisk {
  /** The customer: the records' `customerId`, or their `respondentId` when they have none (and the respondent never answered for a customer in other records). */
  readonly customerId: string;
  /** Which field identified the customer. */
  readonly identifiedBy: 'customerId' | 'respondentId';
  /** The verdict. */
  readonly tier: RiskTier;
  /** The tier of the table cell, before the drop rule. */
  readonly tableTier: RiskTier;
  /** The relationship, from the NPS answers in the relationship window. */
  readonly relationship: Relationship;
  /** The row of the table the relationship reads as (`stale` and `unknown` read as `unknown`). */
  readonly relationshipRow: RelationshipRow;
  /** Whether the latest NPS answer is a lower category than the one before it within the window. */
  readonly relationshipDrop: boolean;
  /** With `rollup: 'account'`: the account's NPS from each contact's latest answer in the window. */
  readonly accountNPS: number | undefined;
  /** The effort, from the transactional answers in the effort window. */
  readonly effort: EffortLevel;
  /** The column of the table the effort reads as (`none` and `easy` read as `easy`). */
  readonly effortColumn: EffortColumn;
  /** Transactional answers in the effort window. */
  readonly interactions: number;
  /** Those in a negative band. */
  readonly highEffortInteractions: number;
  /** The recency-weighted share of high-effort interactions (weights halve every `halfLife`), 0–1; undefined without interactions. Ranks customers within a tier. */
  readonly weightedHighEffort: number | undefined;
  /** The latest answer the verdict used (NPS or transactional), or undefined when none. */
  readonly lastAnswerAt: Date | undefined;
  /** The customer's segment key (with `by`), from their latest record that has the segment fields. */
  readonly segment: readonly SegmentKeyValue[] | undefined;
  /** Why: a code and a sentence for the relationship, the drop (if any) and the effort. */
  readonly reasons: readonly RiskReason[];
  /** The reasons as one sentence. */
  readonly explanation: string;
  /** The answers used, relationship first, then interactions, latest first. */
  readonly evidence: readonly RiskEvidence[];
  /** What to do, from the policy's table. */
  readonly nextStep: NextStep;
}

/** A count of customers and its share of all of them: exact, and rounded for display so shares add up to 100. */
export interface PortfolioShare {
  /** How many customers. */
  readonly count: number;
  /** count / customers × 100; undefined without customers. No interval: the portfolio is every customer, not a sample. */
  readonly percent: number | undefined;
  /** `percent` rounded to one decimal by largest remainders ({@link roundShares}), so the shares of a table add up to exactly 100. */
  readonly rounded: number | undefined;
}

/** Customers in one tier. */
export interface TierCount extends PortfolioShare {
  /** The tier. */
  readonly tier: RiskTier;
}

/** Customers in one cell of the policy table (before the drop rule). */
export interface RiskCell extends PortfolioShare {
  /** The cell's row. */
  readonly relationship: RelationshipRow;
  /** The cell's column. */
  readonly effort: EffortColumn;
  /** The cell's tier in the policy. */
  readonly tier: RiskTier;
}

/** The tiers of one segment's customers. */
export interface RiskSegment {
  /** The segment: one value per `by` field. */
  readonly key: readonly SegmentKeyValue[];
  /** Customers in the segment. */
  readonly customers: number;
  /** Its customers per tier. */
  readonly tiers: readonly TierCount[];
}

/** Where every record went: each is counted exactly once (`total` is the sum of the rest). */
export interface RiskRecordAccounting {
  /** Every record read. */
  readonly total: number;
  /** NPS answers that are a contact's latest (they make the relationship, or show it stale). */
  readonly relationship: number;
  /** Older NPS answers of a contact (the one just before the latest is read by the drop rule). */
  readonly superseded: number;
  /** Transactional answers in the effort window. */
  readonly interactions: number;
  /** Transactional answers before the effort window. */
  readonly beforeEffortWindow: number;
  /** Answers that were skipped (score null). */
  readonly skipped: number;
  /** Records of a metric the policy does not read (CSAT unless it is transactional; scales without a metric). */
  readonly otherMetric: number;
  /** Records without a time. */
  readonly undated: number;
  /** Records after `asOf`. */
  readonly afterAsOf: number;
  /** Records with neither a customer id nor a respondent id. */
  readonly noCustomer: number;
}

/** The portfolio: tiers, table cells and segments, and where every record went. */
export interface RiskSummary {
  /** Customers classified. */
  readonly customers: number;
  /** Every tier, in order (`stable` … `critical`, then `unknown`). */
  readonly tiers: readonly TierCount[];
  /** Every cell of the policy table. */
  readonly cells: readonly RiskCell[];
  /** Per segment, with `by`; in order of the segment keys as first met in the worklist. */
  readonly segments: readonly RiskSegment[] | undefined;
  /** Where every record went. */
  readonly records: RiskRecordAccounting;
  /** Respondents whose records had no customer id, joined to the one customer they answered for in other records (a CES export with the contact only, an NPS export with the account). */
  readonly joinedRespondents: number;
  /** Respondents seen with more than one customer id: their records without a customer id stay a customer of their own. */
  readonly ambiguousRespondents: number;
}

/** What {@link classifyLoyaltyRisk} returns. */
export interface LoyaltyRiskResult {
  /** The moment the verdicts are as of: the option, or the latest time in the records; undefined only when neither gives one (no record has a time). */
  readonly asOf: Date | undefined;
  /** The policy used, every rule filled in. */
  readonly policy: RiskPolicy;
  /** One entry per customer, in worklist order: tier (critical first, unknown last), then weighted high effort, then the latest answer, then the id. */
  readonly customers: readonly CustomerRisk[];
  /** The portfolio. */
  readonly summary: RiskSummary;
}
