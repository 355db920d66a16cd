import { didYouMean } from '../internal/nearNames.js';
import { fail, type Path } from '../internal/issue.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { checkBoolean, checkChoice, checkNumber, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { defaultRiskPolicy } from './defaultRiskPolicy.js';

/**
 * A customer's loyalty-risk tier. The first four are ordered, `stable` < `watch` < `at-risk` <
 * `critical`; `unknown` is outside the order (too little is known to say).
 */
export type RiskTier = 'stable' | 'watch' | 'at-risk' | 'critical' | 'unknown';

/** The relationship, from the customer's NPS answers: a category, `stale` (only old answers) or `unknown` (none). */
export type Relationship = 'promoter' | 'passive' | 'detractor' | 'stale' | 'unknown';

/** A row of the policy table: `unknown` is the row of customers whose relationship is stale or unknown. */
export type RelationshipRow = 'promoter' | 'passive' | 'detractor' | 'unknown';

/**
 * Effort over the effort window: `none` (no transactional answer), `easy` (no high-effort one),
 * `single` (at least one, fewer than `repeatedHighEffort`), `repeated` (at least that many).
 */
export type EffortLevel = 'none' | 'easy' | 'single' | 'repeated';

/** A column of the policy table: `easy` is the column of customers with no high-effort interaction (effort `none` or `easy`). */
export type EffortColumn = 'easy' | 'single' | 'repeated';

/**
 * What to do about a customer, from a documented set: `close-the-loop` (follow up on the hard
 * interaction and fix its cause), `executive-outreach` (a senior person calls: the relationship
 * is at stake), `product-feedback` (the relationship problem is not service effort: ask about
 * product and price), `ask-relationship` (no recent NPS answer: ask for one), `monitor`.
 */
export type NextStep = 'close-the-loop' | 'executive-outreach' | 'product-feedback' | 'ask-relationship' | 'monitor';

/** A table with a cell for every relationship row and effort column. */
export type PolicyTable<Cell extends string> = Readonly<Record<RelationshipRow, Readonly<Record<EffortColumn, Cell>>>>;

/** How the NPS answers of several respondents of one customer (an account) make one relationship. */
export type RelationshipRollup = 'latest' | 'worst' | 'account';

/** A length of time in days (fractions allowed). */
export interface Days {
  /** The number of days, greater than 0. */
  readonly days: number;
}

/** Where an account's NPS (from each contact's latest answer) falls: below `detractorBelow` is detractor-like, above `promoterAbove` promoter-like, between passive-like. */
export interface AccountThresholds {
  /** An account NPS below this is detractor-like. Default 0. */
  readonly detractorBelow: number;
  /** An account NPS above this is promoter-like. Default 30. */
  readonly promoterAbove: number;
}

/** Every rule of the classifier, resolved: what {@link classifyLoyaltyRisk} used, returned with its result. */
export interface RiskPolicy {
  /** How far back an NPS answer still describes the relationship. Default 365 days. */
  readonly relationshipWindow: Days;
  /** How far back transactional answers count as the customer's recent effort. Default 90 days. */
  readonly effortWindow: Days;
  /** The half-life of the recency weights in the weighted high-effort share. Default 30 days. */
  readonly halfLife: Days;
  /** How many high-effort interactions make effort `repeated`. Default 2. */
  readonly repeatedHighEffort: number;
  /** Which metrics are transactional: `['ces']` (default), or `['ces', 'csat']` to count a CSAT answer in a negative band as a high-effort interaction too. */
  readonly transactional: readonly ('ces' | 'csat')[];
  /** How several respondents of one customer make one relationship. Default `'latest'`. */
  readonly rollup: RelationshipRollup;
  /** The account NPS thresholds of `rollup: 'account'`. */
  readonly accountThresholds: AccountThresholds;
  /** Whether a drop in the relationship (promoter → passive or detractor, passive → detractor) raises the tier by one. Default true. */
  readonly raiseOnDrop: boolean;
  /** The tier of every relationship × effort cell. */
  readonly tiers: PolicyTable<RiskTier>;
  /** The next step of every relationship × effort cell. */
  readonly nextSteps: PolicyTable<NextStep>;
}

/** The policy as given: any rule may be left out (the default is used); a table given is given whole. */
export type RiskPolicyInput = { readonly [Key in keyof RiskPolicy]?: RiskPolicy[Key] | undefined };

/** The ordered tiers, lowest first. */
export const ORDERED_TIERS: readonly ['stable', 'watch', 'at-risk', 'critical'] = ['stable', 'watch', 'at-risk', 'critical'];
/** Every tier, in display order. */
export const RISK_TIERS: readonly ['stable', 'watch', 'at-risk', 'critical', 'unknown'] = [...ORDERED_TIERS, 'unknown'];
/** The rows of a policy table. */
export const RELATIONSHIP_ROWS: readonly ['promoter', 'passive', 'detractor', 'unknown'] = ['promoter', 'passive', 'detractor', 'unknown'];
/** The columns of a policy table. */
export const EFFORT_COLUMNS: readonly ['easy', 'single', 'repeated'] = ['easy', 'single', 'repeated'];
/** Every next step. */
export const NEXT_STEPS: readonly ['close-the-loop', 'executive-outreach', 'product-feedback', 'ask-relationship', 'monitor'] = ['close-the-loop', 'executive-outreach', 'product-feedback', 'ask-relationship', 'monitor'];
// Each list names every member of its type, and nothing else.
true satisfies EveryKeyListed<RiskTier, (typeof RISK_TIERS)[number]>;
ORDERED_TIERS satisfies readonly RiskTier[];
RELATIONSHIP_ROWS satisfies readonly RelationshipRow[];
EFFORT_COLUMNS satisfies readonly EffortColumn[];
NEXT_STEPS satisfies readonly NextStep[];
true satisfies EveryKeyListed<RelationshipRow, (typeof RELATIONSHIP_ROWS)[number]>;
true satisfies EveryKeyListed<EffortColumn, (typeof EFFORT_COLUMNS)[number]>;
true satisfies EveryKeyListed<NextStep, (typeof NEXT_STEPS)[number]>;

const POLICY_KEYS = ['relationshipWindow', 'effortWindow', 'halfLife', 'repeatedHighEffort', 'transactional', 'rollup', 'accountThresholds', 'raiseOnDrop', 'tiers', 'nextSteps'] as const satisfies readonly (keyof RiskPolicy)[];
true satisfies EveryKeyListed<keyof RiskPolicy, (typeof POLICY_KEYS)[number]>;
const THRESHOLD_KEYS = ['detractorBelow', 'promoterAbove'] as const satisfies readonly (keyof AccountThresholds)[];
true satisfies EveryKeyListed<keyof AccountThresholds, (typeof THRESHOLD_KEYS)[number]>;

/** A `{ days }` length, greater than 0 and finite. */
function checkDays(functionName: string, value: unknown, path: Path): Days {
  if (typeof value === 'number') fail(functionName, 'invalid_option', 'invalid_type', `a length of time as { days: ${value} }`, value, path);
  const checked = checkOptions<Days>(functionName, value as Days, ['days'], path);
  if (checked.days === undefined) fail(functionName, 'invalid_option', 'missing', '{ days } with a number of days', value, path);
  return { days: checkNumber(functionName, checked.days, [...path, 'days'], { min: 0, exclusiveMin: true, max: 1e6, describe: 'a number of days greater than 0 and at most 1000000' }, 'invalid_option') };
}

/** A table with every cell, each one of the allowed values. */
function checkTable<Cell extends string>(functionName: string, value: unknown, allowed: readonly Cell[], what: string, path: Path): PolicyTable<Cell> {
  const table = checkOptions<Record<RelationshipRow, unknown>>(functionName, value as Record<RelationshipRow, unknown>, RELATIONSHIP_ROWS, path);
  const rows = {} as Record<RelationshipRow, Record<EffortColumn, Cell>>;
  for (const row of RELATIONSHIP_ROWS) {
    if (table[row] === undefined) fail(functionName, 'invalid_option', 'missing', `a row for every relationship (${RELATIONSHIP_ROWS.join(', ')}): a table is given whole`, undefined, [...path, row]);
    const cells = checkOptions<Record<EffortColumn, unknown>>(functionName, table[row] as Record<EffortColumn, unknown>, EFFORT_COLUMNS, [...path, row]);
    rows[row] = {} as Record<EffortColumn, Cell>;
    for (const column of EFFORT_COLUMNS) {
      const cell = cells[column];
      if (cell === undefined) fail(functionName, 'invalid_option', 'missing', `a cell for every effort column (${EFFORT_COLUMNS.join(', ')}): a table is given whole`, undefined, [...path, row, column]);
      if (typeof cell !== 'string' || !(allowed as readonly string[]).includes(cell)) {
        fail(functionName, 'invalid_option', 'invalid_value', `${what} (${allowed.join(', ')})${typeof cell === 'string' ? didYouMean(cell, allowed) : ''}`, cell, [...path, row, column]);
      }
      rows[row][column] = cell as Cell;
    }
  }
  return rows;
}

/**
 * The policy with every rule checked and every default filled in, frozen. Unknown keys, tier or
 * step names that do not exist, a window that is not a positive number of days, a table with a
 * missing cell: each is a `CxMetricsError` (`invalid_option`) naming the place.
 */
export function resolveRiskPolicy(functionName: string, input: unknown, path: Path): RiskPolicy {
  const given = checkOptions<RiskPolicyInput>(functionName, input as RiskPolicyInput, POLICY_KEYS, path);
  const base = defaultRiskPolicy;
  const transactional = given.transactional ?? base.transactional;
  if (!Array.isArray(transactional) || transactional.length === 0) fail(functionName, 'invalid_option', 'invalid_value', "a non-empty list of transactional metrics ('ces', 'csat')", transactional, [...path, 'transactional']);
  transactional.forEach((metric, index) => {
    if (metric !== 'ces' && metric !== 'csat') {
      const hint = metric === 'nps' ? ' (NPS is the relationship, never an interaction)' : typeof metric === 'string' ? didYouMean(metric, ['ces', 'csat']) : '';
      fail(functionName, 'invalid_option', 'invalid_value', `a transactional metric, 'ces' or 'csat'${hint}`, metric, [...path, 'transactional', index]);
    }
    if (transactional.indexOf(metric) !== index) fail(functionName, 'invalid_option', 'duplicate', 'each metric once', metric, [...path, 'transactional', index]);
  });
  const thresholds = checkOptions<AccountThresholds>(functionName, (given.accountThresholds ?? base.accountThresholds) as AccountThresholds, THRESHOLD_KEYS, [...path, 'accountThresholds']);
  const threshold = (key: keyof AccountThresholds): number =>
    checkNumber(functionName, thresholds[key] ?? base.accountThresholds[key], [...path, 'accountThresholds', key], { min: -100, max: 100, describe: 'an NPS from -100 to 100' }, 'invalid_option');
  const detractorBelow = threshold('detractorBelow');
  const promoterAbove = threshold('promoterAbove');
  if (detractorBelow > promoterAbove) {
    // Blame the threshold the user gave (the other may be a default they never set).
    const blamed = thresholds.promoterAbove !== undefined ? 'promoterAbove' : 'detractorBelow';
    const defaulted = (key: keyof AccountThresholds): string => (thresholds[key] === undefined ? ' (the default)' : '');
    fail(functionName, 'invalid_option', 'out_of_range', `detractorBelow of at most promoterAbove: detractorBelow ${detractorBelow}${defaulted('detractorBelow')}, promoterAbove ${promoterAbove}${defaulted('promoterAbove')}`, blamed === 'promoterAbove' ? promoterAbove : detractorBelow, [...path, 'accountThresholds', blamed]);
  }
  return deepFreeze({
    relationshipWindow: checkDays(functionName, given.relationshipWindow ?? base.relationshipWindow, [...path, 'relationshipWindow']),
    effortWindow: checkDays(functionName, given.effortWindow ?? base.effortWindow, [...path, 'effortWindow']),
    halfLife: checkDays(functionName, given.halfLife ?? base.halfLife, [...path, 'halfLife']),
    repeatedHighEffort: checkNumber(functionName, given.repeatedHighEffort ?? base.repeatedHighEffort, [...path, 'repeatedHighEffort'], { min: 2, max: 1000, integer: true, describe: 'a whole number from 2 to 1000' }, 'invalid_option'),
    // One order, so that two policies with the same metrics are the same policy.
    transactional: (['ces', 'csat'] as const).filter((metric) => transactional.includes(metric)),
    rollup: checkChoice(functionName, given.rollup ?? base.rollup, ['latest', 'worst', 'account'], [...path, 'rollup']),
    accountThresholds: { detractorBelow, promoterAbove },
    raiseOnDrop: checkBoolean(functionName, given.raiseOnDrop, base.raiseOnDrop, [...path, 'raiseOnDrop']),
    tiers: checkTable<RiskTier>(functionName, given.tiers ?? base.tiers, RISK_TIERS, 'a tier', [...path, 'tiers']),
    nextSteps: checkTable<NextStep>(functionName, given.nextSteps ?? base.nextSteps, NEXT_STEPS, 'a next step', [...path, 'nextSteps']),
  } satisfies RiskPolicy);
}
