import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeNPS, ingest, scales } from 'cx-metrics';

const cell = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.string({ maxLength: 6 }), fc.constantFrom('', ' 9 ', '10 - Extremely likely', '7.5', null, undefined, true, NaN), fc.double(), fc.object({ maxDepth: 1 }));
const row = fc.oneof({ weight: 9, arbitrary: fc.record({ score: cell, id: cell, at: cell, w: cell, plan: cell }, { requiredKeys: [] }) }, { weight: 1, arbitrary: fc.anything() });

describe('properties of ingest', () => {
  test('every row is either a record or a rejected row: accepted + rejected = rows in, and order is kept', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const result = ingest(rows, { scale: scales.nps, respondentId: 'id', submittedAt: 'at', weight: 'w', attributes: ['plan'] });
        expect(result.accepted + result.rejected.length).toBe(rows.length);
        expect(result.total).toBe(rows.length);
        const seen = [...result.records.map((record) => record.row), ...result.rejected.map((rejected) => rejected.row)].sort((a, b) => a - b);
        expect(seen).toEqual(rows.map((_, index) => index));
        for (const rejected of result.rejected) expect(rejected.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  test('records always score: what ingest accepts, computeNPS takes without an error', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const { records } = ingest(rows, { scale: scales.nps, weight: 'w' });
        const result = computeNPS(records);
        expect(result.responses.total).toBe(records.length);
        expect(result.responses.invalid).toBe(0);
      }),
    );
  });
});
