import { DAY, timeOf } from '../internal/dates.js';
import { withDisplay } from '../internal/display.js';
import { fail, type Path } from '../internal/issue.js';
import { didYouMean } from '../internal/nearNames.js';
import { checkDateOption, checkOptions, type EveryKeyListed } from '../internal/options.js';
import type { AbortSignalLike, RowVisitor } from '../internal/readRows.js';
import { TimeZone } from '../internal/timeZone.js';
import { assertRecord } from '../records/isResponseRecord.js';
import { ABSENT, fieldReader, NamedField } from '../records/readField.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Scale } from '../scales/defineScale.js';
import type { SegmentBy } from '../segments/SegmentCollector.js';
import { KeyedGroups, type SegmentKeyValue } from '../tally/KeyedGroups.js';
import { CustomerAnswers } from './CustomerAnswers.js';
import { judgeCustomer, Judging } from './judgeCustomer.js';
import type { CustomerRisk, LoyaltyRiskResult, RiskRecordAccounting } from './LoyaltyRiskResult.js';
import { resolveRiskPolicy, type RiskPolicy, type RiskPolicyInput } from './riskPolicy.js';
import { summarizeRisk } from './summarizeRisk.js';

/** Options for {@link classifyLoyaltyRisk}. */
export interface LoyaltyRiskOptions {
  /** The moment of the verdicts. Default: the latest `submittedAt` among the records (never the wall clock), so a result can be reproduced. Later answers are ignored and counted. */
  readonly asOf?: Date | undefined;
  /** The rules: windows, thresholds, the table, the drop rule, the rollup, the next steps. Every rule left out takes its default ({@link defaultRiskPolicy}). */
  readonly policy?: RiskPolicyInput | undefined;
  /** Segments for the summary, as in {@link segmentBy}: a record field or attribute, several (a cross-tab), or an accessor. Names are read from the customer's latest record that has them all (an interaction survey without `plan` says nothing of the plan); an accessor is given the latest record. */
  readonly by?: SegmentBy<ResponseRecord> | undefined;
  /** The IANA time zone the dates in reasons are written in. Default `'UTC'`. */
  readonly timeZone?: string | undefined;
}

/** Options for {@link classifyLoyaltyRiskAsync}. */
export interface LoyaltyRiskAsyncOptions extends LoyaltyRiskOptions {
  /** Stops reading when aborted (the promise rejects with `aborted`). */
  readonly signal?: AbortSignalLike | undefined;
}

const SYNC_OPTION_NAMES = ['asOf', 'policy', 'by', 'timeZone'] as const satisfies readonly (keyof LoyaltyRiskOptions)[];
true satisfies EveryKeyListed<keyof LoyaltyRiskOptions, (typeof SYNC_OPTION_NAMES)[number]>;
/** The option names of the async entry. */
export const ASYNC_OPTION_NAMES: readonly (keyof LoyaltyRiskAsyncOptions)[] = [...SYNC_OPTION_NAMES, 'signal'];
/** The option names of the sync entry. */
export const LOYALTY_OPTION_NAMES: readonly (keyof LoyaltyRiskOptions)[] = SYNC_OPTION_NAMES;

/** What a record is to the classifier, by the metric of its scale. */
const RELATIONSHIP = 1;
const TRANSACTIONAL = 2;
const OTHER = 0;
/** A respondent seen with two different customer ids. */
const AMBIGUOUS = '\u0000ambiguous';

/**
 * Reads records one at a time into per-customer state (the grouping engine, keyed by customer),
 * then judges every customer: the engine under {@link classifyLoyaltyRisk} and
 * {@link classifyLoyaltyRiskAsync}. Every record is counted in exactly one place of the
 * accounting. Without an `asOf` the window is not known until the last record; transactional
 * answers that are already before it (by the latest time so far, which only grows) are counted
 * and let go, so the state stays per customer and recent.
 */
export class LoyaltyCollector implements RowVisitor<ResponseRecord> {
  readonly #fn: string;
  readonly #policy: RiskPolicy;
  readonly #asOf: number | undefined;
  readonly #zone: TimeZone;
  readonly #by: SegmentBy<ResponseRecord> | undefined;
  readonly #segmentReaders: readonly ((record: unknown) => unknown)[] | undefined;
  readonly #effortSpan: number;
  readonly #metricKind: Readonly<Record<string, number>>;
  readonly #byCustomerId: KeyedGroups<CustomerAnswers>;
  readonly #byRespondentId: KeyedGroups<CustomerAnswers>;
  /** Each respondent's customer (from records with both ids), or AMBIGUOUS. */
  readonly #respondentOf = new Map<string, string>();
  /** The customers known only by a respondent id that stay apart. */
  #apart: readonly CustomerAnswers[] = [];
  #lastScale: Scale | undefined;
  #lastKind = OTHER;
  /** The latest time of any record read (the default asOf). */
  #latest = -Infinity;
  #total = 0;
  #skipped = 0;
  #otherMetric = 0;
  #undated = 0;
  #afterAsOf = 0;
  #noCustomer = 0;

  constructor(functionName: string, options: LoyaltyRiskAsyncOptions | undefined, names: readonly string[]) {
    const fn = functionName;
    this.#fn = fn;
    const checked = checkOptions(fn, options, names);
    this.#asOf = checkDateOption(fn, checked.asOf, ['options', 'asOf']);
    this.#policy = resolveRiskPolicy(fn, checked.policy, ['options', 'policy']);
    this.#zone = new TimeZone(fn, checked.timeZone ?? 'UTC', ['options', 'timeZone']);
    const by = checked.by;
    if (by !== undefined && typeof by !== 'string' && typeof by !== 'function' && !(Array.isArray(by) && by.length > 0 && by.every((name) => typeof name === 'string'))) {
      fail(fn, 'invalid_option', 'invalid_type', 'a field name, a non-empty array of field names, or an accessor (record, row) => key', by, ['options', 'by']);
    }
    this.#by = by;
    if (typeof by === 'string' || Array.isArray(by)) this.#segmentReaders = (typeof by === 'string' ? [by] : by).map((name) => fieldReader(name, true));
    this.#effortSpan = this.#policy.effortWindow.days * DAY;
    this.#metricKind = { nps: RELATIONSHIP, ces: OTHER, csat: OTHER, ...Object.fromEntries(this.#policy.transactional.map((metric) => [metric, TRANSACTIONAL])) };
    this.#byCustomerId = new KeyedGroups<CustomerAnswers>(fn, ['records'], (key) => new CustomerAnswers(key as string, 'customerId'));
    this.#byRespondentId = new KeyedGroups<CustomerAnswers>(fn, ['records'], (key) => new CustomerAnswers(key as string, 'respondentId'));
  }

  /** One record, counted in exactly one place. */
  row(record: ResponseRecord, index: number): void {
    assertRecord(this.#fn, record, ['records', index]);
    this.#total++;
    const submitted = record.submittedAt;
    if (submitted === undefined) {
      this.#undated++;
      return;
    }
    const time = timeOf(submitted);
    if (this.#asOf !== undefined && time > this.#asOf) {
      this.#afterAsOf++;
      return;
    }
    // Records of one export share their scale: its kind is looked up once per change of scale.
    const scale = record.scale;
    if (scale !== this.#lastScale) {
      this.#lastScale = scale;
      this.#lastKind = this.#metricKind[scale.metric ?? ''] ?? OTHER;
    }
    const kind = this.#lastKind;
    if (kind === OTHER) {
      this.#otherMetric++;
      return;
    }
    const { customerId, respondentId } = record;
    let customer: CustomerAnswers | undefined;
    if (customerId !== undefined) {
      customer = this.#byCustomerId.get(customerId, index);
      // Who belongs to whom: a respondent's records without a customer id join that customer at the end.
      if (respondentId !== undefined) this.#noteRespondent(respondentId, customerId);
    } else if (respondentId !== undefined) customer = this.#byRespondentId.get(respondentId, index);
    if (customer === undefined) {
      this.#noCustomer++;
      return;
    }
    // The default asOf: the latest time of the records read (not of those the classifier leaves aside).
    if (time > this.#latest) this.#latest = time;
    customer.saw(record, time, this.#hasSegment(record));
    if (record.score === null) {
      this.#skipped++;
      return;
    }
    if (kind === RELATIONSHIP) customer.addRelationship(record, time);
    else customer.addInteraction(record, time, (this.#asOf ?? this.#latest) - this.#effortSpan);
  }

  /** Notes that a respondent answered for a customer; a respondent seen with two customers is ambiguous. */
  #noteRespondent(respondentId: string, customerId: string): void {
    const known = this.#respondentOf.get(respondentId);
    if (known === undefined) this.#respondentOf.set(respondentId, customerId);
    else if (known !== customerId) this.#respondentOf.set(respondentId, AMBIGUOUS);
  }

  /**
   * Joins the customers known only by a respondent id to the customer that respondent answered
   * for elsewhere (an NPS export with the account, a CES export with the contact only), when there
   * is exactly one; returns how many were joined and how many stay apart as ambiguous.
   */
  #joinRespondents(): { joined: number; ambiguous: number } {
    let joined = 0;
    let ambiguous = 0;
    const apart: CustomerAnswers[] = [];
    const cutoff = (this.#asOf ?? this.#latest) - this.#effortSpan;
    for (const alone of this.#byRespondentId.states()) {
      const customerId = this.#respondentOf.get(alone.id);
      if (customerId === undefined || customerId === AMBIGUOUS) {
        if (customerId === AMBIGUOUS) ambiguous++;
        apart.push(alone);
        continue;
      }
      this.#byCustomerId.get(customerId, -1).absorb(alone, cutoff);
      joined++;
    }
    this.#apart = apart;
    return { joined, ambiguous };
  }

  /** Whether a record has every segment field (a survey that does not carry `plan` says nothing of the plan). */
  #hasSegment(record: ResponseRecord): boolean {
    const readers = this.#segmentReaders;
    if (readers === undefined) return false;
    for (const read of readers) {
      const value = read(record);
      if (value === ABSENT || value === undefined) return false;
    }
    return true;
  }

  /** A hole in the input is no record: refused like any other non-record. */
  hole(index: number): void {
    assertRecord(this.#fn, undefined, ['records', index]);
  }

  /** Every customer judged, the portfolio summarized, every record accounted for. */
  finish(): LoyaltyRiskResult {
    const asOf = this.#asOf ?? (this.#latest === -Infinity ? undefined : this.#latest);
    const identities = this.#joinRespondents();
    const customers = [...this.#byCustomerId.states(), ...this.#apart];
    let relationship = 0;
    let superseded = 0;
    let interactions = 0;
    let beforeEffortWindow = 0;
    const judged: CustomerRisk[] = [];
    if (asOf !== undefined) {
      const segmentOf = this.#segmentReader(customers);
      const judging = new Judging(this.#policy, asOf, this.#zone);
      for (const customer of customers) {
        const verdict = judgeCustomer(customer, judging, segmentOf(customer));
        relationship += customer.contacts.length;
        superseded += customer.relationshipAnswers - customer.contacts.length;
        interactions += verdict.interactions;
        beforeEffortWindow += customer.beforeWindow + customer.interactions.length - verdict.interactions;
        judged.push(verdict);
      }
    }
    const records: RiskRecordAccounting = Object.freeze({
      total: this.#total,
      relationship,
      superseded,
      interactions,
      beforeEffortWindow,
      skipped: this.#skipped,
      otherMetric: this.#otherMetric,
      undated: this.#undated,
      afterAsOf: this.#afterAsOf,
      noCustomer: this.#noCustomer,
    });
    const ordered = worklistOrder(judged);
    return Object.freeze(withDisplay({
      asOf: asOf === undefined ? undefined : new Date(asOf),
      policy: this.#policy,
      customers: Object.freeze(ordered),
      summary: summarizeRisk(this.#fn, ordered, this.#policy, records, identities, this.#by !== undefined),
    }, 'risk'));
  }

  /** Reads each customer's segment from their latest record, by the one naming rule; a name no customer has is an error with the near names. */
  #segmentReader(customers: readonly CustomerAnswers[]): (customer: CustomerAnswers) => readonly SegmentKeyValue[] | undefined {
    const by = this.#by;
    if (by === undefined) return () => undefined;
    const fn = this.#fn;
    if (typeof by === 'function') {
      return (customer) => {
        const record = customer.latestRecord as ResponseRecord;
        const key: unknown = by(record, record.row);
        const parts = Array.isArray(key) ? (key as unknown[]) : [key];
        parts.forEach((part, at) => {
          const ok = part === null || part === undefined || ((typeof part === 'string' || typeof part === 'number' || typeof part === 'boolean' || typeof part === 'bigint') && !Number.isNaN(part));
          if (!ok) fail(fn, 'invalid_input', 'invalid_type', 'a segment key value that is a string, number (not NaN), boolean, null or undefined', part, ['records', record.row, 'key', at]);
        });
        return Object.freeze(parts as SegmentKeyValue[]);
      };
    }
    const names = typeof by === 'string' ? [by] : by;
    const fields = names.map((name) => new NamedField(name, true, true, true));
    const keys = new Map<CustomerAnswers, readonly SegmentKeyValue[]>();
    // From the latest record that has every field, else the latest record (then the key is undefined).
    for (const customer of customers) keys.set(customer, Object.freeze(fields.map((field) => field.read(customer.segmentRecord ?? customer.latestRecord) as SegmentKeyValue)));
    fields.forEach((field, at) => {
      if (customers.length > 0 && field.missing === customers.length) {
        const path: Path = typeof by === 'string' ? ['options', 'by'] : ['options', 'by', at];
        fail(fn, 'invalid_option', 'unknown_name', `a record field with values or an attribute that some customer's latest record has${didYouMean(field.name, field.offered)}`, field.name, path);
      }
    });
    return (customer) => keys.get(customer);
  }
}

const TIER_RANK: Readonly<Record<string, number>> = { critical: 0, 'at-risk': 1, watch: 2, stable: 3, unknown: 4 };

/**
 * The worklist: tier (critical first, unknown last), then weighted high effort (highest first),
 * then the latest answer (latest first), then the id. The keys are read once into arrays and an
 * index is sorted, so a million customers sort in a second, not in ten.
 */
function worklistOrder(customers: readonly CustomerRisk[]): CustomerRisk[] {
  const count = customers.length;
  const tier = new Float64Array(count);
  const effort = new Float64Array(count);
  const last = new Float64Array(count);
  customers.forEach((customer, at) => {
    tier[at] = TIER_RANK[customer.tier] as number;
    effort[at] = customer.weightedHighEffort ?? -1;
    last[at] = customer.lastAnswerAt?.getTime() ?? -Infinity;
  });
  const order = Array.from({ length: count }, (_, at) => at);
  order.sort((a, b) => {
    if (tier[a] !== tier[b]) return (tier[a] as number) - (tier[b] as number);
    if (effort[a] !== effort[b]) return (effort[a] as number) > (effort[b] as number) ? -1 : 1;
    if (last[a] !== last[b]) return (last[a] as number) > (last[b] as number) ? -1 : 1;
    const x = customers[a] as CustomerRisk;
    const y = customers[b] as CustomerRisk;
    if (x.identifiedBy !== y.identifiedBy) return x.identifiedBy === 'customerId' ? -1 : 1;
    return x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0;
  });
  return order.map((at) => customers[at] as CustomerRisk);
}
