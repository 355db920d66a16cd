import { DAY } from '../internal/dates.js';
import type { TimeZone } from '../internal/timeZone.js';
import { bucketLabel } from '../segments/calendar.js';
import { type Answer, type Contact, type CustomerAnswers, later } from './CustomerAnswers.js';
import type { CustomerRisk, RiskEvidence, RiskReason } from './LoyaltyRiskResult.js';
import { type EffortColumn, type EffortLevel, ORDERED_TIERS, type Relationship, type RelationshipRow, type RiskPolicy, type RiskTier } from './riskPolicy.js';

/** A relationship category, ordered: detractor 0, passive 1, promoter 2. */
type Category = 0 | 1 | 2;
const CATEGORY_NAMES = ['detractor', 'passive', 'promoter'] as const;

/** How many high-effort interactions a reason names before it says "and N more". */
const NAMED_INTERACTIONS = 3;

/** The category of an NPS answer, by the sentiment of its band (a point in no band reads as passive). */
function categoryOf(answer: Answer): Category {
  const sentiment = answer.band?.sentiment;
  return sentiment === 'negative' ? 0 : sentiment === 'positive' ? 2 : 1;
}

/** Whether a transactional answer is high effort: its band is negative, whatever the scale's direction. */
export function isHighEffort(answer: Answer): boolean {
  return answer.band?.sentiment === 'negative';
}

/** The context every verdict shares. */
export interface Judging {
  readonly policy: RiskPolicy;
  readonly asOf: number;
  readonly zone: TimeZone;
}

/** A relationship made of some contacts' answers: the category, and the account NPS when rolled up as an account. */
interface Rolled {
  readonly category: Category;
  readonly accountNPS: number | undefined;
}

/** The relationship of a set of answers (each a contact's latest in the window) by the policy's rollup. */
function rollUp(answers: readonly Answer[], policy: RiskPolicy): Rolled {
  if (policy.rollup === 'latest') {
    let latest = answers[0] as Answer;
    for (const answer of answers) if (later(answer, latest)) latest = answer;
    return { category: categoryOf(latest), accountNPS: undefined };
  }
  if (policy.rollup === 'worst') {
    return { category: Math.min(...answers.map(categoryOf)) as Category, accountNPS: undefined };
  }
  const categories = answers.map(categoryOf);
  const nps = (100 * (categories.filter((category) => category === 2).length - categories.filter((category) => category === 0).length)) / categories.length;
  const { detractorBelow, promoterAbove } = policy.accountThresholds;
  return { category: nps < detractorBelow ? 0 : nps > promoterAbove ? 2 : 1, accountNPS: nps };
}

/** A day as the reader's calendar shows it. */
function dayOf(time: number, zone: TimeZone): string {
  return bucketLabel(zone.localDay(time), 'day');
}

/** "CES 2 of 7 on 2026-11-20, interaction T-118". */
function describeInteraction(answer: Answer, zone: TimeZone): string {
  const { record } = answer;
  const metric = (record.scale.metric ?? record.scaleId).toUpperCase();
  const interaction = record.interactionId === undefined ? '' : `, interaction ${record.interactionId}`;
  return `${metric} ${record.score} of ${record.scale.max} on ${dayOf(answer.time, zone)}${interaction}`;
}

/** "10 on 2026-09-02" (and "from R-7" when the customer has several contacts). */
function describeRelationship(answer: Answer, zone: TimeZone, contacts: number): string {
  const who = contacts > 1 && answer.record.respondentId !== undefined ? ` from ${answer.record.respondentId}` : '';
  return `${answer.record.score}${who} on ${dayOf(answer.time, zone)}`;
}

function evidenceOf(answer: Answer, role: RiskEvidence['role']): RiskEvidence {
  const { record } = answer;
  return Object.freeze({
    role,
    row: record.row,
    respondentId: record.respondentId,
    interactionId: record.interactionId,
    submittedAt: new Date(answer.time),
    scaleId: record.scaleId,
    metric: record.scale.metric as NonNullable<typeof record.scale.metric>,
    score: record.score as number,
    band: answer.band?.name,
    highEffort: role === 'interaction' ? isHighEffort(answer) : undefined,
  });
}

const plural = (count: number, one: string, many: string): string => `${count === 1 ? 'one' : count} ${count === 1 ? one : many}`;
const days = (value: number): string => `${value} day${value === 1 ? '' : 's'}`;

/**
 * The verdict on one customer: the relationship from their NPS answers in the relationship
 * window (by the rollup, with the drop rule), the effort from their transactional answers in
 * the effort window, the tier and next step from the policy's table, and the reasons and
 * evidence that explain it.
 */
export function judgeCustomer(customer: CustomerAnswers, judging: Judging): Omit<CustomerRisk, 'segment'> {
  const { policy, asOf, zone } = judging;
  const reasons: RiskReason[] = [];
  const evidence: RiskEvidence[] = [];
  const reason = (code: RiskReason['code'], message: string): void => {
    reasons.push(Object.freeze({ code, message }));
  };

  // Relationship: each contact's latest answer within the window, rolled up.
  const relationshipStart = asOf - policy.relationshipWindow.days * DAY;
  const current = customer.contacts.filter((contact) => contact.latest.time >= relationshipStart);
  let relationship: Relationship;
  let drop = false;
  let accountNPS: number | undefined;
  const asOfDay = dayOf(asOf, zone);
  if (current.length === 0) {
    if (customer.contacts.length === 0) {
      relationship = 'unknown';
      reason('no_relationship', 'no relationship answer (NPS)');
    } else {
      relationship = 'stale';
      let latest = (customer.contacts[0] as Contact).latest;
      for (const contact of customer.contacts) if (later(contact.latest, latest)) latest = contact.latest;
      reason('stale_relationship', `no relationship answer in the ${days(policy.relationshipWindow.days)} before ${asOfDay} (the latest: ${describeRelationship(latest, zone, customer.contacts.length)})`);
      evidence.push(evidenceOf(latest, 'relationship'));
    }
  } else {
    const answers = current.map((contact) => contact.latest);
    const now = rollUp(answers, policy);
    relationship = CATEGORY_NAMES[now.category];
    accountNPS = now.accountNPS;
    // The relationship as it stood before the latest answer: that contact's answer before it (in the window), or none.
    let newest = current[0] as Contact;
    for (const contact of current) if (later(contact.latest, newest.latest)) newest = contact;
    const before = current.flatMap((contact) => (contact !== newest ? [contact.latest] : contact.previous !== undefined && contact.previous.time >= relationshipStart ? [contact.previous] : []));
    const then = before.length === 0 ? undefined : rollUp(before, policy);
    drop = then !== undefined && now.category < then.category;
    const shown = policy.rollup === 'latest' ? [newest.latest] : [...answers].sort((a, b) => (later(a, b) ? -1 : 1));
    if (policy.rollup === 'latest') reason(relationship, `${relationship} (${describeRelationship(newest.latest, zone, customer.contacts.length)})`);
    else if (policy.rollup === 'worst') reason(relationship, `${relationship}: the lowest of ${plural(answers.length, "contact's latest answer", "contacts' latest answers")} (${shown.map((answer) => describeRelationship(answer, zone, 2)).join(', ')})`);
    else reason(relationship, `${relationship}-like account: NPS ${Math.round((accountNPS as number) * 10) / 10} from ${plural(answers.length, "contact's latest answer", "contacts' latest answers")}`);
    for (const answer of shown) evidence.push(evidenceOf(answer, 'relationship'));
    if (drop && then !== undefined) {
      // With 'latest', the answer before is the customer's second-latest; otherwise the newest contact's previous one.
      const previous = policy.rollup === 'latest' ? before.reduce((a, b) => (later(a, b) ? a : b)) : newest.previous !== undefined && newest.previous.time >= relationshipStart ? newest.previous : undefined;
      const from = policy.rollup === 'latest' && previous !== undefined ? ` (${describeRelationship(previous, zone, customer.contacts.length)})` : '';
      reason('relationship_drop', `dropped from ${CATEGORY_NAMES[then.category]}${from} to ${relationship}`);
      if (previous !== undefined) evidence.push(evidenceOf(previous, 'previous-relationship'));
    }
  }

  // Effort: transactional answers within the effort window, judged by each scale's bands.
  const effortStart = asOf - policy.effortWindow.days * DAY;
  const recent = customer.interactions.filter((answer) => answer.time >= effortStart).sort((a, b) => (later(a, b) ? -1 : 1));
  const hard = recent.filter(isHighEffort);
  const effort: EffortLevel = recent.length === 0 ? 'none' : hard.length === 0 ? 'easy' : hard.length < policy.repeatedHighEffort ? 'single' : 'repeated';
  const window = `in the ${days(policy.effortWindow.days)} before ${asOfDay}`;
  const metrics = policy.transactional.map((metric) => metric.toUpperCase()).join(' or ');
  if (effort === 'none') reason('no_interactions', `no transactional answer (${metrics}) ${window}`);
  else if (effort === 'easy') reason('easy_interactions', `${plural(recent.length, 'interaction', 'interactions')} ${window}, none high-effort`);
  else {
    const named = hard.slice(0, NAMED_INTERACTIONS).map((answer) => describeInteraction(answer, zone));
    const more = hard.length > NAMED_INTERACTIONS ? `, and ${hard.length - NAMED_INTERACTIONS} more` : '';
    reason(effort === 'single' ? 'single_high_effort' : 'repeated_high_effort', `${plural(hard.length, 'high-effort interaction', 'high-effort interactions')} (${named.join('; ')}${more}) among ${recent.length} ${window}`);
  }
  for (const answer of recent) evidence.push(evidenceOf(answer, 'interaction'));
  let weightedHighEffort: number | undefined;
  if (recent.length > 0) {
    let weights = 0;
    let hardWeights = 0;
    for (const answer of recent) {
      const weight = 2 ** (-(asOf - answer.time) / (policy.halfLife.days * DAY));
      weights += weight;
      if (isHighEffort(answer)) hardWeights += weight;
    }
    weightedHighEffort = hardWeights / weights;
  }

  // The table, then the drop rule.
  const relationshipRow: RelationshipRow = relationship === 'stale' ? 'unknown' : relationship;
  const effortColumn: EffortColumn = effort === 'none' ? 'easy' : effort;
  const tableTier = policy.tiers[relationshipRow][effortColumn];
  let tier: RiskTier = tableTier;
  if (drop && policy.raiseOnDrop && tableTier !== 'unknown') {
    tier = ORDERED_TIERS[Math.min(ORDERED_TIERS.indexOf(tableTier) + 1, ORDERED_TIERS.length - 1)] as RiskTier;
    const last = reasons.findIndex((each) => each.code === 'relationship_drop');
    const dropReason = reasons[last] as RiskReason;
    reasons[last] = Object.freeze({ code: dropReason.code, message: tier === tableTier ? `${dropReason.message}: already ${tier}` : `${dropReason.message}: tier raised from ${tableTier} to ${tier}` });
  }
  const times = evidence.map((each) => each.submittedAt.getTime());
  return {
    customerId: customer.id,
    identifiedBy: customer.identifiedBy,
    tier,
    tableTier,
    relationship,
    relationshipRow,
    relationshipDrop: drop,
    accountNPS,
    effort,
    effortColumn,
    interactions: recent.length,
    highEffortInteractions: hard.length,
    weightedHighEffort,
    lastAnswerAt: times.length === 0 ? undefined : new Date(Math.max(...times)),
    reasons: Object.freeze(reasons),
    explanation: reasons.map((each) => each.message).join('; '),
    evidence: Object.freeze(evidence),
    nextStep: policy.nextSteps[relationshipRow][effortColumn],
  };
}
