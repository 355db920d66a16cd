// Generated answers for the SQL tests: skipped, off-scale and weighted answers, several segments,
// and times around midnight and the DST changes of Europe/Berlin and America/New_York.
import { mulberry32 } from '../../scripts/random.mjs';

export interface AnswerRow {
  readonly id: number;
  readonly score: number | null;
  readonly w: number;
  readonly channel: string;
  readonly region: string;
  readonly at: Date;
}

/** n rows from a seed. */
export function sqlRows(n: number, seed = 11): AnswerRow[] {
  const random = mulberry32(seed);
  // Instants near zone edges: DST starts (2026-03-08 US, 2026-03-29 EU), ends (2026-10-25 EU, 2026-11-01 US), year and month ends.
  const edges = ['2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z', '2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z', '2026-10-24T22:30:00Z', '2026-10-24T23:30:00Z', '2026-11-01T04:30:00Z', '2026-11-01T05:30:00Z', '2025-12-31T22:59:59Z', '2025-12-31T23:00:00Z', '2026-01-01T04:59:59Z', '2026-01-01T05:00:00Z', '2026-06-30T22:00:00Z', '2026-09-30T23:30:00Z'].map((text) => Date.parse(text));
  const start = Date.parse('2025-12-01T00:00:00Z');
  // Up to a week before this code was written: the in-memory path refuses times in the future (ingest's `latest`).
  const span = Date.parse('2026-11-19T00:00:00Z') - start;
  return Array.from({ length: n }, (_, id) => {
    const r = random();
    const score = r < 0.06 ? null : r < 0.09 ? [11, -1, 3.5][Math.floor(random() * 3)]! : Math.floor(random() * 11);
    const time = random() < 0.25 ? edges[Math.floor(random() * edges.length)]! + Math.floor(random() * 3 - 1) * 1000 : start + Math.floor(random() * span);
    return {
      id,
      score,
      w: Math.round((0.2 + random() * 3) * 1000) / 1000,
      channel: ['chat', 'email', 'phone', "o'brien \"quoted\""][Math.floor(random() * 4)]!,
      region: ['EU', 'US'][Math.floor(random() * 2)]!,
      at: new Date(time),
    };
  });
}
