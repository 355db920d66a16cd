import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mergeTallies, scales, segmentBy } from 'cx-metrics';

const row = fc.record({ score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)), segment: fc.constantFrom('a', 'b', 'c', '__proto__', ''), region: fc.constantFrom('EU', 'US') });
const options = { scale: scales.nps, value: (r: { score: number | null }) => r.score, compareWith: 'none' } as const;

describe('properties of segment tables', () => {
  test('segment counts add up to the overall', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 200 }), (rows) => {
        for (const by of ['segment', ['segment', 'region']] as const) {
          const table = segmentBy(rows, by, options);
          const sum = (pick: (n: { answered: number; skipped: number; total: number }) => number): number => table.segments.reduce((total, segment) => total + pick(segment.tally), 0);
          expect(sum((t) => t.answered)).toBe(table.overall.responses.answered);
          expect(sum((t) => t.skipped)).toBe(table.overall.responses.skipped);
          expect(sum((t) => t.total)).toBe(rows.length);
        }
      }),
    );
  });

  test('merging the per-segment tallies of shards equals segmenting the whole', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 200 }), fc.nat(200), (rows, cut) => {
        const at = cut % (rows.length + 1);
        const whole = segmentBy(rows, 'segment', options);
        const shards = [rows.slice(0, at), rows.slice(at)].filter((part) => part.length > 0).map((part) => segmentBy(part, 'segment', options));
        for (const segment of whole.segments) {
          const parts = shards.map((table) => table.get(...segment.key)?.tally).filter((tally) => tally !== undefined);
          expect(mergeTallies(parts).counts).toEqual(segment.tally.counts);
        }
      }),
    );
  });
});
