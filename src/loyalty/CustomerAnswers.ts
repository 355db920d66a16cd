import { timeOf } from '../internal/dates.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';

/** The time of a record the classifier kept (every kept record has one). */
export const timeOfRecord = (record: ResponseRecord): number => timeOf(record.submittedAt as Date);

/** One respondent of a customer: their latest NPS answer and the one before it, with their times. */
export interface Contact {
  readonly key: string;
  latest: ResponseRecord;
  latestTime: number;
  previous: ResponseRecord | undefined;
  previousTime: number;
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

/** Whether record `a` comes after record `b` in the total order (times read from the records). */
export function later(a: ResponseRecord, b: ResponseRecord): boolean {
  return compareAnswers(a, timeOfRecord(a), b, timeOfRecord(b)) > 0;
}

/** Lists longer than this are searched through a Map (accounts with many contacts). */
const CONTACTS_IN_A_LIST = 8;

/**
 * What one customer's records leave behind: per contact the latest NPS answer and the one
 * before it, the transactional answers that may still fall in the effort window, and the latest
 * record (for the segment). Records are kept as they are (no copy per record). Memory grows with
 * the customer's contacts and recent interactions, never with all of their history.
 */
export class CustomerAnswers {
  readonly id: string;
  readonly identifiedBy: 'customerId' | 'respondentId';
  readonly contacts: Contact[] = [];
  #contactIndex: Map<string, Contact> | undefined;
  /** Scored NPS answers read (each contact's latest, and the superseded ones). */
  relationshipAnswers: number = 0;
  /** Scored transactional answers that may fall in the effort window, oldest first, and their times (a parallel list: no object per answer). */
  readonly interactions: ResponseRecord[] = [];
  readonly interactionTimes: number[] = [];
  /** Transactional answers let go because they fell before the effort window as it then stood. */
  beforeWindow: number = 0;
  #pruneAt = 16;
  /** The latest record of the customer that was read (any used metric, skipped answers included). */
  latestRecord: ResponseRecord | undefined;
  latestTime: number = -Infinity;

  constructor(id: string, identifiedBy: 'customerId' | 'respondentId') {
    this.id = id;
    this.identifiedBy = identifiedBy;
  }

  /** The latest record that has every segment field (with `by` as names): the segment is read from it. */
  segmentRecord: ResponseRecord | undefined;
  segmentTime: number = -Infinity;

  /** Notes a record read for this customer: the latest one, and the latest one that has the segment fields. */
  saw(record: ResponseRecord, time: number, hasSegment: boolean): void {
    if (this.latestRecord === undefined || compareAnswers(record, time, this.latestRecord, this.latestTime) > 0) {
      this.latestRecord = record;
      this.latestTime = time;
    }
    if (hasSegment && (this.segmentRecord === undefined || compareAnswers(record, time, this.segmentRecord, this.segmentTime) > 0)) {
      this.segmentRecord = record;
      this.segmentTime = time;
    }
  }

  /** A scored NPS answer: it becomes its contact's latest, the one before it, or is superseded. */
  addRelationship(record: ResponseRecord, time: number): void {
    this.relationshipAnswers++;
    const key = record.respondentId ?? '';
    const contact = this.#contact(key);
    if (contact === undefined) {
      const added: Contact = { key, latest: record, latestTime: time, previous: undefined, previousTime: Number.NaN };
      this.contacts.push(added);
      if (this.#contactIndex !== undefined) this.#contactIndex.set(key, added);
      else if (this.contacts.length > CONTACTS_IN_A_LIST) this.#contactIndex = new Map(this.contacts.map((each) => [each.key, each]));
      return;
    }
    if (compareAnswers(record, time, contact.latest, contact.latestTime) > 0) {
      contact.previous = contact.latest;
      contact.previousTime = contact.latestTime;
      contact.latest = record;
      contact.latestTime = time;
    } else if (contact.previous === undefined || compareAnswers(record, time, contact.previous, contact.previousTime) > 0) {
      contact.previous = record;
      contact.previousTime = time;
    }
  }

  /** A scored transactional answer, unless it is already before `cutoff` (the start of the effort window as far as it is known). */
  addInteraction(record: ResponseRecord, time: number, cutoff: number): void {
    if (time < cutoff) {
      this.beforeWindow++;
      return;
    }
    // Kept in the total order (oldest first), so that sums over them do not depend on the order
    // the records came in (floating-point addition is not associative). Exports arrive mostly in
    // time order, so the new answer usually goes at the end.
    const interactions = this.interactions;
    const times = this.interactionTimes;
    let at = interactions.length;
    interactions.push(record);
    times.push(time);
    while (at > 0 && compareAnswers(record, time, interactions[at - 1] as ResponseRecord, times[at - 1] as number) < 0) {
      interactions[at] = interactions[at - 1] as ResponseRecord;
      times[at] = times[at - 1] as number;
      at--;
    }
    interactions[at] = record;
    times[at] = time;
    if (interactions.length >= this.#pruneAt) {
      // Let go of what has fallen before the window since; amortized over the pushes.
      let kept = 0;
      for (let at = 0; at < interactions.length; at++) {
        if ((times[at] as number) >= cutoff) {
          interactions[kept] = interactions[at] as ResponseRecord;
          times[kept++] = times[at] as number;
        } else this.beforeWindow++;
      }
      interactions.length = kept;
      times.length = kept;
      this.#pruneAt = Math.max(16, 2 * kept);
    }
  }

  /** Takes in another customer's answers (the same person known by a respondent id only), as if its records had been read here. */
  absorb(other: CustomerAnswers, cutoff: number): void {
    let readded = 0;
    for (const contact of other.contacts) {
      this.addRelationship(contact.latest, contact.latestTime);
      readded++;
      if (contact.previous !== undefined) {
        this.addRelationship(contact.previous, contact.previousTime);
        readded++;
      }
    }
    // The other's superseded answers were counted there; they count here as read.
    this.relationshipAnswers += other.relationshipAnswers - readded;
    other.interactions.forEach((record, at) => this.addInteraction(record, other.interactionTimes[at] as number, cutoff));
    this.beforeWindow += other.beforeWindow;
    if (other.latestRecord !== undefined) this.saw(other.latestRecord, other.latestTime, false);
    if (other.segmentRecord !== undefined) this.saw(other.segmentRecord, other.segmentTime, true);
  }

  #contact(key: string): Contact | undefined {
    if (this.#contactIndex !== undefined) return this.#contactIndex.get(key);
    for (const contact of this.contacts) if (contact.key === key) return contact;
    return undefined;
  }
}
