import { DAY } from '../internal/dates.js';
import type { TimeZone } from '../internal/timeZone.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Band, Scale } from '../scales/defineScale.js';
import { bucketLabel } from '../segments/calendar.js';
import type { SegmentKeyValue } from '../tally/KeyedGroups.js';
import { compareAnswers, type Contact, type CustomerAnswers, later, timeOfRecord } from './CustomerAnswers.js';
import type { CustomerRisk, RiskEvidence, RiskReason } from './LoyaltyRiskResult.js';
import { type EffortColumn, type EffortLevel, type NextStep, ORDERED_TIERS, type Relationship, type RelationshipRow, type RiskPolicy, type RiskTier } from './riskPolicy.js';

/** A relationship category, ordered: detractor 0, passive 1, promoter 2. */
type Category = 0 | 1 | 2;
const CATEGORY_NAMES = ['detractor', 'passive', 'promoter'] as const;

/** How many high-effort interactions a reason names before it says "and N more". */
const NAMED_INTERACTIONS = 3;

/**
 * What every verdict of one run shares: the policy, `asOf`, the time zone of the dates in
 * reasons, and what is worth working out once (the band of every point of every scale, the
 * label of every day).
 */
export class Judging {
  readonly policy: RiskPolicy;
  readonly asOf: number;
  readonly zone: TimeZone;
  readonly relationshipStart: number;
  readonly effortStart: number;
  readonly #halfLife: number;
  readonly #days = new Map<number, string>();
  readonly #bands = new Map<Scale, readonly (Band | undefined)[]>();

  constructor(policy: RiskPolicy, asOf: number, zone: TimeZone) {
    this.policy = policy;
    this.asOf = asOf;
    this.zone = zone;
    this.relationshipStart = asOf - policy.relationshipWindow.days * DAY;
    this.effortStart = asOf - policy.effortWindow.days * DAY;
    this.#halfLife = policy.halfLife.days * DAY;
  }

  /** A day as the reader's calendar shows it ("2026-11-20"). */
  dayOf(time: number): string {
    const day = this.zone.localDay(time);
    let label = this.#days.get(day);
    if (label === undefined) this.#days.set(day, (label = bucketLabel(day, 'day')));
    return label;
  }

  /** The band a record's score is in (undefined when no band holds it). */
  bandOf(record: ResponseRecord): Band | undefined {
    const scale = record.scale;
    let bands = this.#bands.get(scale);
    if (bands === undefined) {
      bands = Array.from({ length: scale.max - scale.min + 1 }, (_, at) => scale.bands.find((band) => band.min <= scale.min + at && scale.min + at <= band.max));
      this.#bands.set(scale, bands);
    }
    return bands[(record.score as number) - scale.min];
  }

  /** The category of an NPS answer, by the sentiment of its band (a point in no band reads as passive). */
  categoryOf(record: ResponseRecord): Category {
    const sentiment = this.bandOf(record)?.sentiment;
    return sentiment === 'negative' ? 0 : sentiment === 'positive' ? 2 : 1;
  }

  /** Whether a transactional answer is high effort: its band is negative, whatever the scale's direction. */
  isHighEffort(record: ResponseRecord): boolean {
    return this.bandOf(record)?.sentiment === 'negative';
  }

  /** The recency weight of an answer: 1 at asOf, halving every half-life. */
  weightOf(time: number): number {
    return 2 ** (-(this.asOf - time) / this.#halfLife);
  }

  /**
   * The answer of a contact that counts in the relationship window, with one contact's answer
   * replaced by the one before it (for the relationship as it stood before the latest answer).
   */
  answerOf(contact: Contact, replaced: Contact | undefined): ResponseRecord | undefined {
    if (contact === replaced) return contact.previous !== undefined && contact.previousTime >= this.relationshipStart ? contact.previous : undefined;
    return contact.latestTime >= this.relationshipStart ? contact.latest : undefined;
  }

  /** The relationship of the contacts' answers in the window by the policy's rollup; undefined when none counts. */
  rollUp(contacts: readonly Contact[], replaced: Contact | undefined): { readonly category: Category; readonly accountNPS: number | undefined } | undefined {
    let latest: ResponseRecord | undefined;
    let latestTime = 0;
    let worst: Category = 2;
    let counted = 0;
    let promoters = 0;
    let detractors = 0;
    for (const contact of contacts) {
      const answer = this.answerOf(contact, replaced);
      if (answer === undefined) continue;
      const time = contact === replaced ? contact.previousTime : contact.latestTime;
      counted++;
      if (latest === undefined || compareAnswers(answer, time, latest, latestTime) > 0) {
        latest = answer;
        latestTime = time;
      }
      const category = this.categoryOf(answer);
      if (category < worst) worst = category;
      if (category === 2) promoters++;
      else if (category === 0) detractors++;
    }
    if (latest === undefined) return undefined;
    const { rollup, accountThresholds } = this.policy;
    if (rollup === 'latest') return { category: this.categoryOf(latest), accountNPS: undefined };
    if (rollup === 'worst') return { category: worst, accountNPS: undefined };
    const nps = (100 * (promoters - detractors)) / counted;
    return { category: nps < accountThresholds.detractorBelow ? 0 : nps > accountThresholds.promoterAbove ? 2 : 1, accountNPS: nps };
  }
}

/** The newest of some contacts' latest answers. */
function newestContact(contacts: readonly Contact[], judging: Judging, inWindowOnly: boolean): Contact | undefined {
  let newest: Contact | undefined;
  for (const contact of contacts) {
    if (inWindowOnly && contact.latestTime < judging.relationshipStart) continue;
    if (newest === undefined || compareAnswers(contact.latest, contact.latestTime, newest.latest, newest.latestTime) > 0) newest = contact;
  }
  return newest;
}

const plural = (count: number, one: string, many: string): string => `${count === 1 ? 'one' : count} ${count === 1 ? one : many}`;
const days = (value: number): string => `${value} day${value === 1 ? '' : 's'}`;
const newestFirst = (a: ResponseRecord, b: ResponseRecord): number => (later(a, b) ? -1 : 1);

/** Reasons, the sentence and the evidence of a verdict, worked out when first read. */
interface Explanation {
  readonly reasons: readonly RiskReason[];
  readonly explanation: string;
  readonly evidence: readonly RiskEvidence[];
}

/**
 * The verdict on one customer. The classification itself (relationship, effort, tier, next step,
 * the counts and the weighted share) is worked out at once, without allocating per answer; the
 * reasons, the sentence and the evidence are worked out when first read (and kept), so that a
 * million customers are classified without writing a million explanations nobody reads.
 * `JSON.stringify` (through `toJSON`) includes them. Frozen.
 */
// Declaration merging gives the class the verdict's fields without writing them again.
export interface CustomerVerdict extends Omit<CustomerRisk, 'reasons' | 'explanation' | 'evidence'> {}
export class CustomerVerdict implements CustomerRisk {
  readonly #customer: CustomerAnswers;
  readonly #judging: Judging;
  #explained: Explanation | undefined;

  constructor(customer: CustomerAnswers, judging: Judging, segment: readonly SegmentKeyValue[] | undefined) {
    const { policy } = judging;
    const self = this as { -readonly [Key in keyof CustomerVerdict]: CustomerVerdict[Key] };
    this.#customer = customer;
    this.#judging = judging;
    self.customerId = customer.id;
    self.identifiedBy = customer.identifiedBy;
    self.segment = segment;

    // Relationship: each contact's latest answer within the window, rolled up; and as it stood before the latest answer.
    let lastAnswer = -Infinity;
    const now = judging.rollUp(customer.contacts, undefined);
    let drop = false;
    let relationship: Relationship;
    if (now === undefined) {
      const latest = newestContact(customer.contacts, judging, false);
      relationship = latest === undefined ? 'unknown' : 'stale';
      if (latest !== undefined) lastAnswer = latest.latestTime;
    } else {
      relationship = CATEGORY_NAMES[now.category];
      const newest = newestContact(customer.contacts, judging, true) as Contact;
      lastAnswer = newest.latestTime;
      const then = judging.rollUp(customer.contacts, newest);
      drop = then !== undefined && now.category < then.category;
    }
    self.relationship = relationship;
    self.relationshipDrop = drop;
    self.accountNPS = now?.accountNPS;

    // Effort: transactional answers within the effort window, judged by each scale's bands.
    let recent = 0;
    let hard = 0;
    let weights = 0;
    let hardWeights = 0;
    const times = customer.interactionTimes;
    for (let at = 0; at < times.length; at++) {
      const time = times[at] as number;
      if (time < judging.effortStart) continue;
      const record = customer.interactions[at] as ResponseRecord;
      recent++;
      if (time > lastAnswer) lastAnswer = time;
      const weight = judging.weightOf(time);
      weights += weight;
      if (judging.isHighEffort(record)) {
        hard++;
        hardWeights += weight;
      }
    }
    self.interactions = recent;
    self.highEffortInteractions = hard;
    self.weightedHighEffort = recent === 0 ? undefined : hardWeights / weights;
    self.effort = recent === 0 ? 'none' : hard === 0 ? 'easy' : hard < policy.repeatedHighEffort ? 'single' : 'repeated';
    self.lastAnswerAt = lastAnswer === -Infinity ? undefined : new Date(lastAnswer);

    // The table, then the drop rule.
    self.relationshipRow = relationship === 'stale' ? 'unknown' : relationship;
    self.effortColumn = this.effort === 'none' ? 'easy' : this.effort;
    self.tableTier = policy.tiers[this.relationshipRow][this.effortColumn];
    self.tier = drop && policy.raiseOnDrop && this.tableTier !== 'unknown' ? (ORDERED_TIERS[Math.min(ORDERED_TIERS.indexOf(this.tableTier) + 1, ORDERED_TIERS.length - 1)] as RiskTier) : this.tableTier;
    self.nextStep = policy.nextSteps[this.relationshipRow][this.effortColumn];
    Object.freeze(this);
  }

  /** Machine-readable codes, each with a sentence a person can read. */
  get reasons(): readonly RiskReason[] {
    return this.#explain().reasons;
  }

  /** The reasons as one sentence. */
  get explanation(): string {
    return this.#explain().explanation;
  }

  /** The answers used, relationship first, then interactions, latest first. */
  get evidence(): readonly RiskEvidence[] {
    return this.#explain().evidence;
  }

  /** Every field, the reasons and the evidence included. */
  toJSON(): CustomerRisk {
    const { reasons, explanation, evidence } = this.#explain();
    return { ...this, reasons, explanation, evidence };
  }

  #explain(): Explanation {
    if (this.#explained !== undefined) return this.#explained;
    const judging = this.#judging;
    const customer = this.#customer;
    const { policy } = judging;
    const contacts = customer.contacts;
    const reasons: RiskReason[] = [];
    const evidence: RiskEvidence[] = [];
    const reason = (code: RiskReason['code'], message: string): void => {
      reasons.push(Object.freeze({ code, message }));
    };
    const evidenceOf = (record: ResponseRecord, role: RiskEvidence['role']): RiskEvidence =>
      Object.freeze({
        role,
        row: record.row,
        respondentId: record.respondentId,
        interactionId: record.interactionId,
        submittedAt: new Date(timeOfRecord(record)),
        scaleId: record.scaleId,
        metric: record.scale.metric as NonNullable<Scale['metric']>,
        score: record.score as number,
        band: judging.bandOf(record)?.name,
        highEffort: role === 'interaction' ? judging.isHighEffort(record) : undefined,
      });
    /** "10 on 2026-09-02" (and "from R-7" when the customer has several contacts). */
    const describe = (record: ResponseRecord, named: boolean): string => `${record.score}${named && record.respondentId !== undefined ? ` from ${record.respondentId}` : ''} on ${judging.dayOf(timeOfRecord(record))}`;
    const asOfDay = judging.dayOf(judging.asOf);
    const several = contacts.length > 1;

    const relationship = this.relationship;
    if (relationship === 'unknown') reason('no_relationship', 'no relationship answer (NPS)');
    else if (relationship === 'stale') {
      const latest = (newestContact(contacts, judging, false) as Contact).latest;
      reason('stale_relationship', `no relationship answer in the ${days(policy.relationshipWindow.days)} before ${asOfDay} (the latest: ${describe(latest, several)})`);
      evidence.push(evidenceOf(latest, 'relationship'));
    } else {
      const newest = newestContact(contacts, judging, true) as Contact;
      const current = contacts.flatMap((contact) => judging.answerOf(contact, undefined) ?? []).sort(newestFirst);
      if (policy.rollup === 'latest') reason(relationship, `${relationship} (${describe(newest.latest, several)})`);
      else if (policy.rollup === 'worst') reason(relationship, `${relationship}: the lowest of ${plural(current.length, "contact's latest answer", "contacts' latest answers")} (${current.map((answer) => describe(answer, true)).join(', ')})`);
      else reason(relationship, `${relationship}-like account: NPS ${Math.round((this.accountNPS as number) * 10) / 10} from ${plural(current.length, "contact's latest answer", "contacts' latest answers")}`);
      for (const answer of policy.rollup === 'latest' ? [newest.latest] : current) evidence.push(evidenceOf(answer, 'relationship'));
      if (this.relationshipDrop) {
        const then = judging.rollUp(contacts, newest) as { readonly category: Category };
        // With 'latest', the answer before is the customer's second-latest; otherwise the newest contact's previous one.
        const before = contacts.flatMap((contact) => judging.answerOf(contact, newest) ?? []);
        const previous = policy.rollup === 'latest' ? before.reduce((a, b) => (later(a, b) ? a : b)) : judging.answerOf(newest, newest);
        const from = policy.rollup === 'latest' && previous !== undefined ? ` (${describe(previous, several)})` : '';
        const raised = this.tier === this.tableTier ? (policy.raiseOnDrop && this.tableTier !== 'unknown' ? `: already ${this.tier}` : '') : `: tier raised from ${this.tableTier} to ${this.tier}`;
        reason('relationship_drop', `dropped from ${CATEGORY_NAMES[then.category]}${from} to ${relationship}${raised}`);
        if (previous !== undefined) evidence.push(evidenceOf(previous, 'previous-relationship'));
      }
    }

    const recent = customer.interactions.filter((record) => timeOfRecord(record) >= judging.effortStart).sort(newestFirst);
    const hard = recent.filter((record) => judging.isHighEffort(record));
    const window = `in the ${days(policy.effortWindow.days)} before ${asOfDay}`;
    if (this.effort === 'none') reason('no_interactions', `no transactional answer (${policy.transactional.map((metric) => metric.toUpperCase()).join(' or ')}) ${window}`);
    else if (this.effort === 'easy') reason('easy_interactions', `${plural(recent.length, 'interaction', 'interactions')} ${window}, none high-effort`);
    else {
      const named = hard.slice(0, NAMED_INTERACTIONS).map((record) => {
        const metric = (record.scale.metric ?? record.scaleId).toUpperCase();
        const interaction = record.interactionId === undefined ? '' : `, interaction ${record.interactionId}`;
        return `${metric} ${record.score} of ${record.scale.max} on ${judging.dayOf(timeOfRecord(record))}${interaction}`;
      });
      const more = hard.length > NAMED_INTERACTIONS ? `, and ${hard.length - NAMED_INTERACTIONS} more` : '';
      reason(this.effort === 'single' ? 'single_high_effort' : 'repeated_high_effort', `${plural(hard.length, 'high-effort interaction', 'high-effort interactions')} (${named.join('; ')}${more}) among ${recent.length} ${window}`);
    }
    for (const record of recent) evidence.push(evidenceOf(record, 'interaction'));
    this.#explained = { reasons: Object.freeze(reasons), explanation: reasons.map((each) => each.message).join('; '), evidence: Object.freeze(evidence) };
    return this.#explained;
  }
}
