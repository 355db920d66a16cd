import { ingest, type ResponseRecord, type Scales, scales } from 'cx-metrics';

/** The scales the loyalty tests use, by a short name. */
export const SCALES: Pick<Scales, 'nps' | 'ces7' | 'ces5Effort' | 'csat5'> = { nps: scales.nps, ces7: scales.ces7, ces5Effort: scales.ces5Effort, csat5: scales.csat5 };

/** One answer of a test history: scale, score (null = skipped), customer, day (or an ISO time), and optional fields. */
export interface AnswerSpec {
  readonly scale: keyof typeof SCALES;
  readonly score: number | null;
  readonly customer?: string | undefined;
  readonly respondent?: string | undefined;
  readonly at?: string | undefined;
  readonly interaction?: string | undefined;
  readonly plan?: string | undefined;
}

/** "2026-11-20" is noon UTC that day; a full ISO time is taken as it is. */
export const time = (at: string): string => (at.length === 10 ? `${at}T12:00:00Z` : at);

/**
 * Records made by ingest from a short history, one ingest per scale, so every record has its own
 * row (its place in that scale's export), as real exports do.
 */
export function history(specs: readonly AnswerSpec[]): ResponseRecord[] {
  const out: ResponseRecord[] = [];
  for (const name of Object.keys(SCALES) as (keyof typeof SCALES)[]) {
    const rows = specs
      .filter((spec) => spec.scale === name)
      .map((spec) => ({
        score: spec.score,
        customerId: spec.customer,
        respondentId: spec.respondent,
        submittedAt: spec.at === undefined ? undefined : time(spec.at),
        interactionId: spec.interaction,
        attributes: spec.plan === undefined ? undefined : { plan: spec.plan },
      }));
    if (rows.length === 0) continue;
    const result = ingest(rows, { scale: SCALES[name] }, { onInvalid: 'throw', earliest: new Date('2000-01-01T00:00:00Z'), latest: new Date('2100-01-01T00:00:00Z') });
    out.push(...result.records);
  }
  return out;
}

/** A result as JSON sees it: every field, the reasons and evidence of each customer included (they are worked out when first read). */
export const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
