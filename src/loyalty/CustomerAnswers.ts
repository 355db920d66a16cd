import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Band, Scale } from '../scales/defineScale.js';

/** An answer kept for a verdict: the record, its time, and its band (read once). */
export interface Answer {
  readonly record: ResponseRecord;
  readonly time: number;
  readonly band: Band | undefined;
}

/** One respondent of a customer: their latest NPS answer and the one before it. */
export interface Contact {
  readonly key: string;
  latest: Answer;
  previous: Answer | undefined;
}

/**
 * The total order of answers that makes verdicts independent of the order of the records: by
 * time, then by the record's row in its export (ties in time go to the later row), then by
 * content, so that only answers equal in every respect tie, and those give the same verdict.
 * Positive when `a` comes after `b`.
 */
export function compareAnswers(a: ResponseRecord, aTime: number, b: ResponseRecord, bTime: number): number {
  if (aTime !== bTime) return aTime - bTime;
  if (a.row !== b.row) return a.row - b.row;
  if (a.scaleId !== b.scaleId) return a.scaleId < b.scaleId ? -1 : 1;
  if (a.score !== b.score) return (a.score ?? -Infinity) - (b.score ?? -Infinity);
  const text = (x: string | undefined, y: string | undefined): number => (x === y ? 0 : (x ?? '') < (y ?? '') ? -1 : 1);
  return text(a.respondentId, b.respondentId) || text(a.interactionId, b.interactionId) || text(a.customerId, b.customerId);
}

/** The band of every point of a scale, looked up once per scale. */
export class BandLookup {
  #scale: Scale | undefined;
  #bands: readonly (Band | undefined)[] = [];
  readonly #cache = new Map<Scale, readonly (Band | undefined)[]>();

  /** The band of a score on a scale (undefined when no band holds it). */
  bandOf(scale: Scale, score: number): Band | undefined {
    if (scale !== this.#scale) {
      let bands = this.#cache.get(scale);
      if (bands === undefined) {
        bands = Array.from({ length: scale.max - scale.min + 1 }, (_, at) => scale.bands.find((band) => band.min <= scale.min + at && scale.min + at <= band.max));
        this.#cache.set(scale, bands);
      }
      this.#scale = scale;
      this.#bands = bands;
    }
    return this.#bands[score - scale.min];
  }
}

/** Lists longer than this are searched through a Map (accounts with many contacts). */
const CONTACTS_IN_A_LIST = 8;

/**
 * What one customer's records leave behind: per contact the latest NPS answer and the one
 * before it, the transactional answers that may still fall in the effort window, and the latest
 * record (for the segment). Memory grows with the customer's contacts and recent interactions,
 * never with all of their history.
 */
export class CustomerAnswers {
  readonly id: string;
  readonly identifiedBy: 'customerId' | 'respondentId';
  readonly contacts: Contact[] = [];
  #contactIndex: Map<string, Contact> | undefined;
  /** Scored NPS answers read (each contact's latest, and the superseded ones). */
  relationshipAnswers: number = 0;
  readonly interactions: Answer[] = [];
  /** Transactional answers left out because they fell before the effort window as it then stood. */
  beforeWindow: number = 0;
  #pruneAt = 16;
  /** The latest record of the customer that was read (any used metric, skipped answers included). */
  latestRecord: ResponseRecord | undefined;
  latestTime: number = -Infinity;

  constructor(id: string, identifiedBy: 'customerId' | 'respondentId') {
    this.id = id;
    this.identifiedBy = identifiedBy;
  }

  /** Notes a record read for this customer, for the segment of its latest one. */
  saw(record: ResponseRecord, time: number): void {
    if (this.latestRecord === undefined || compareAnswers(record, time, this.latestRecord, this.latestTime) > 0) {
      this.latestRecord = record;
      this.latestTime = time;
    }
  }

  /** A scored NPS answer: it becomes its contact's latest, the one before it, or is superseded. */
  addRelationship(answer: Answer): void {
    this.relationshipAnswers++;
    const key = answer.record.respondentId ?? '';
    const contact = this.#contact(key);
    if (contact === undefined) {
      const added: Contact = { key, latest: answer, previous: undefined };
      this.contacts.push(added);
      if (this.#contactIndex !== undefined) this.#contactIndex.set(key, added);
      else if (this.contacts.length > CONTACTS_IN_A_LIST) this.#contactIndex = new Map(this.contacts.map((each) => [each.key, each]));
      return;
    }
    if (later(answer, contact.latest)) {
      contact.previous = contact.latest;
      contact.latest = answer;
    } else if (contact.previous === undefined || later(answer, contact.previous)) {
      contact.previous = answer;
    }
  }

  /** A scored transactional answer, unless it is already before `cutoff` (the start of the effort window as far as it is known). */
  addInteraction(answer: Answer, cutoff: number): void {
    if (answer.time < cutoff) {
      this.beforeWindow++;
      return;
    }
    this.interactions.push(answer);
    if (this.interactions.length >= this.#pruneAt) {
      // Drop what has fallen before the window since; amortized over the pushes.
      let kept = 0;
      for (const each of this.interactions) {
        if (each.time >= cutoff) this.interactions[kept++] = each;
        else this.beforeWindow++;
      }
      this.interactions.length = kept;
      this.#pruneAt = Math.max(16, 2 * kept);
    }
  }

  #contact(key: string): Contact | undefined {
    if (this.#contactIndex !== undefined) return this.#contactIndex.get(key);
    for (const contact of this.contacts) if (contact.key === key) return contact;
    return undefined;
  }
}

/** Whether answer `a` comes after answer `b` in the total order. */
export function later(a: Answer, b: Answer): boolean {
  return compareAnswers(a.record, a.time, b.record, b.time) > 0;
}
