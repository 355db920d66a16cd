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

const plural = (count: number, one: string, many: string): string => `${count === 1 ? 'one' : count} ${count === 1 ? one : many}`;
const days = (value: number): string => `${value} day${value === 1 ? '' : 's'}`;
const NO_RELATIONSHIP = 'no relationship answer (NPS)';

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
  /** Sentences every verdict of the run shares, written once. */
  readonly effortWindowText: string;
  readonly noInteractions: string;
  readonly noRelationshipInWindow: string;
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
    const upTo = this.dayOf(asOf);
    this.effortWindowText = `in the ${days(policy.effortWindow.days)} up to ${upTo}`;
    this.noInteractions = `no transactional answer (${policy.transactional.map((metric) => metric.toUpperCase()).join(' or ')}) ${this.effortWindowText}`;
    this.noRelationshipInWindow = `no relationship answer in the ${days(policy.relationshipWindow.days)} up to ${upTo}`;
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

  /** The recency weight of an answer at `time` relative to one at `newest`: 1 for the newest, halving every half-life back (relative, so that no weight underflows to 0). */
  weightOf(time: number, newest: number): number {
    return 2 ** (-(newest - time) / this.#halfLife);
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

const newestFirst = (a: ResponseRecord, b: ResponseRecord): number => (later(a, b) ? -1 : 1);

/**
 * The verdict on one customer, as plain frozen data: the relationship from their NPS answers in
 * the relationship window (by the rollup, with the drop rule), the effort from their
 * transactional answers in the effort window, the tier and next step from the policy's table, and
 * the reasons, sentence and evidence that explain it.
 */
export function judgeCustomer(customer: CustomerAnswers, judging: Judging, segment: readonly SegmentKeyValue[] | undefined): CustomerRisk {
  const { policy } = judging;
  const contacts = customer.contacts;
  const reasons: RiskReason[] = [];
  const evidence: RiskEvidence[] = [];
  const evidenceOf = (record: ResponseRecord, time: number, role: RiskEvidence['role']): void => {
    evidence.push(
      Object.freeze({
        role,
        row: record.row,
        respondentId: record.respondentId,
        interactionId: record.interactionId,
        submittedAt: record.submittedAt as Date,
        scaleId: record.scaleId,
        metric: record.scale.metric as NonNullable<Scale['metric']>,
        score: record.score as number,
        band: judging.bandOf(record)?.name,
        highEffort: role === 'interaction' ? judging.isHighEffort(record) : undefined,
      }),
    );
  };
  /** "10 on 2026-09-02" (and "from R-7" when asked). */
  const describe = (record: ResponseRecord, time: number, named: boolean): string => `${record.score}${named && record.respondentId !== undefined ? ` from ${record.respondentId}` : ''} on ${judging.dayOf(time)}`;
  const several = contacts.length > 1;

  // Relationship: each contact's latest answer within the window, rolled up.
  let lastAnswer = -Infinity;
  const now = judging.rollUp(contacts, undefined);
  let drop = false;
  let relationship: Relationship;
  if (now === undefined) {
    const latest = newestContact(contacts, judging, false);
    relationship = latest === undefined ? 'unknown' : 'stale';
    if (latest === undefined) reasons.push({ code: 'no_relationship', message: NO_RELATIONSHIP });
    else {
      lastAnswer = latest.latestTime;
      reasons.push({ code: 'stale_relationship', message: `${judging.noRelationshipInWindow} (the latest: ${describe(latest.latest, latest.latestTime, several)})` });
      evidenceOf(latest.latest, latest.latestTime, 'relationship');
    }
  } else {
    relationship = CATEGORY_NAMES[now.category];
    const newest = newestContact(contacts, judging, true) as Contact;
    lastAnswer = newest.latestTime;
    if (policy.rollup === 'latest') {
      reasons.push({ code: relationship, message: `${relationship} (${describe(newest.latest, newest.latestTime, several)})` });
      evidenceOf(newest.latest, newest.latestTime, 'relationship');
    } else {
      const current = contacts.filter((contact) => contact.latestTime >= judging.relationshipStart).sort((a, b) => newestFirst(a.latest, b.latest));
      const whose = current.length === 1 ? "the only contact's latest answer" : `${current.length} contacts' latest answers`;
      const message =
        policy.rollup === 'worst'
          ? `${relationship}: the lowest of ${whose} (${current.map((contact) => describe(contact.latest, contact.latestTime, true)).join(', ')})`
          : `${relationship}-like account: NPS ${Math.round((now.accountNPS as number) * 10) / 10} from ${whose}`;
      reasons.push({ code: relationship, message });
      for (const contact of current) evidenceOf(contact.latest, contact.latestTime, 'relationship');
    }
    // The drop rule: the newest answer against the same contact's answer before it, in the window.
    // A contact answering for the first time is a new voice, not a drop.
    const previous = newest.previous !== undefined && newest.previousTime >= judging.relationshipStart ? newest.previous : undefined;
    if (previous !== undefined) {
      // With 'latest', the same contact's previous answer; with 'worst' and 'account', the rollup with it in place of their latest.
      const then = policy.rollup === 'latest' ? { category: judging.categoryOf(previous) } : (judging.rollUp(contacts, newest) as { readonly category: 0 | 1 | 2 });
      drop = now.category < then.category;
      if (drop) {
        const who = several && newest.latest.respondentId !== undefined ? ` of ${newest.latest.respondentId}` : '';
        const was = policy.rollup === 'latest' ? `${CATEGORY_NAMES[then.category]} (${describe(previous, newest.previousTime, false)})` : `${CATEGORY_NAMES[then.category]} before the latest answer${who} (${describe(previous, newest.previousTime, false)})`;
        reasons.push({ code: 'relationship_drop', message: `dropped from ${was} to ${relationship}${policy.rollup === 'latest' && who !== '' ? `, both answers${who.replace(' of ', ' from ')}` : ''}` });
        evidenceOf(previous, newest.previousTime, 'previous-relationship');
      }
    }
  }

  // Effort: transactional answers within the effort window, judged by each scale's bands (kept oldest first).
  const times = customer.interactionTimes;
  const records = customer.interactions;
  let first = times.length;
  while (first > 0 && (times[first - 1] as number) >= judging.effortStart) first--;
  const recent = times.length - first;
  let hard = 0;
  let weights = 0;
  let hardWeights = 0;
  const newestTime = recent === 0 ? 0 : (times[times.length - 1] as number);
  const named: string[] = [];
  for (let at = times.length - 1; at >= first; at--) {
    const time = times[at] as number;
    const record = records[at] as ResponseRecord;
    const weight = judging.weightOf(time, newestTime);
    weights += weight;
    if (judging.isHighEffort(record)) {
      hard++;
      hardWeights += weight;
      if (named.length < NAMED_INTERACTIONS) {
        const metric = (record.scale.metric ?? record.scaleId).toUpperCase();
        const band = judging.bandOf(record)?.name;
        named.push(`${metric} ${record.score} of ${record.scale.max}${band === undefined ? '' : `, ${band}`}, on ${judging.dayOf(time)}${record.interactionId === undefined ? '' : `, interaction ${record.interactionId}`}`);
      }
    }
    evidenceOf(record, time, 'interaction');
  }
  if (recent > 0 && newestTime > lastAnswer) lastAnswer = newestTime;
  const effort: EffortLevel = recent === 0 ? 'none' : hard === 0 ? 'easy' : hard < policy.repeatedHighEffort ? 'single' : 'repeated';
  const window = judging.effortWindowText;
  if (effort === 'none') reasons.push({ code: 'no_interactions', message: judging.noInteractions });
  else if (effort === 'easy') reasons.push({ code: 'easy_interactions', message: `${plural(recent, 'interaction', 'interactions')} ${window}, none high-effort` });
  else {
    const more = hard > NAMED_INTERACTIONS ? `; and ${hard - NAMED_INTERACTIONS} more` : '';
    const among = hard === recent ? (recent === 1 ? `, the only interaction ${window}` : `, every interaction ${window}`) : ` among ${recent} interactions ${window}`;
    reasons.push({ code: effort === 'single' ? 'single_high_effort' : 'repeated_high_effort', message: `${plural(hard, 'high-effort interaction', 'high-effort interactions')} (${named.join('; ')}${more})${among}` });
  }

  // The table, then the drop rule.
  const relationshipRow: RelationshipRow = relationship === 'stale' ? 'unknown' : relationship;
  const effortColumn: EffortColumn = effort === 'none' ? 'easy' : effort;
  const tableTier = policy.tiers[relationshipRow][effortColumn];
  let tier: RiskTier = tableTier;
  if (drop && policy.raiseOnDrop && tableTier !== 'unknown') {
    tier = ORDERED_TIERS[Math.min(ORDERED_TIERS.indexOf(tableTier) + 1, ORDERED_TIERS.length - 1)] as RiskTier;
    const at = reasons.findIndex((each) => each.code === 'relationship_drop');
    const dropped = reasons[at] as RiskReason;
    reasons[at] = { code: dropped.code, message: `${dropped.message}: ${tier === tableTier ? `already ${tier}` : `tier raised from ${tableTier} to ${tier}`}` };
  }
  let explanation = '';
  for (const each of reasons) {
    Object.freeze(each);
    explanation = explanation === '' ? each.message : `${explanation}; ${each.message}`;
  }
  return Object.freeze({
    customerId: customer.id,
    identifiedBy: customer.identifiedBy,
    tier,
    tableTier,
    relationship,
    relationshipRow,
    relationshipDrop: drop,
    accountNPS: now?.accountNPS,
    effort,
    effortColumn,
    interactions: recent,
    highEffortInteractions: hard,
    weightedHighEffort: recent === 0 ? undefined : hardWeights / weights,
    lastAnswerAt: lastAnswer === -Infinity ? undefined : new Date(lastAnswer),
    segment,
    reasons: Object.freeze(reasons),
    explanation,
    evidence: Object.freeze(evidence),
    nextStep: policy.nextSteps[relationshipRow][effortColumn],
  });
}
