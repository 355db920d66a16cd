import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeNPS, ingest, ingestStream, type RejectedRow, scales } from 'cx-metrics';

const cell = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.string({ maxLength: 6 }), fc.constantFrom('', ' 9 ', '10 - Extremely likely', '7.5', '-99', null, undefined, true, NaN), fc.double(), fc.object({ maxDepth: 1 }));
const columns = ['score', 'id', 'at', 'w', 'plan', 'weight', 'respondentId', 'submittedAt', 'channel', 'attributes'] as const;
const row = fc.oneof({ weight: 9, arbitrary: fc.dictionary(fc.constantFrom(...columns), cell, { maxKeys: 8 }) }, { weight: 1, arbitrary: fc.anything() });
const latest = new Date('2030-01-01T00:00:00Z');

describe('properties of ingest', () => {
  test('every row is a record, a rejected row or an excluded row: accepted + rejected + excluded = rows in, and order is kept', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const result = ingest(rows, { scale: scales.nps, score: 'score', respondentId: 'id', submittedAt: 'at', weight: 'w', attributes: ['plan'] }, { exclude: { column: 'plan', values: ['x'] } });
        expect(result.accepted + result.rejected + result.excluded).toBe(rows.length);
        expect(result.total).toBe(rows.length);
        expect(result.rejectedRows).toHaveLength(result.rejected);
        const seen = [...result.records.map((record) => record.row), ...result.rejectedRows.map((rejected) => rejected.row)];
        expect(seen.length).toBe(new Set(seen).size);
        for (const rejected of result.rejectedRows) expect(rejected.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  test('no field is ever read from a column the user did not name', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        // Only the score is named: whatever else a row holds (weight, respondentId, channel, attributes…) is never read.
        const { records } = ingest(rows, { scale: scales.nps, score: 'score' }, { latest });
        for (const record of records) {
          expect(record).toMatchObject({ respondentId: undefined, customerId: undefined, submittedAt: undefined, weight: undefined, channel: undefined, touchpoint: undefined, interactionId: undefined });
          expect(Object.keys(record.attributes)).toEqual([]);
        }
      }),
    );
  });

  test('records always score: what ingest accepts, computeNPS takes without an error, every answer accounted for', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const { records } = ingest(rows, { scale: scales.nps, score: 'score', weight: 'w', required: ['weight'] });
        const result = computeNPS(records);
        expect(result.responses.total).toBe(records.length);
        expect(result.responses.answered + result.responses.skipped + result.responses.invalid).toBe(records.length);
        expect(result.responses.invalid).toBe(0);
      }),
    );
  });

  test('streaming and batch ingestion give the same records and rejects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), async (rows) => {
        const mapping = { scale: scales.nps, score: 'score', respondentId: 'id', submittedAt: 'at', weight: 'w', attributes: ['plan'] };
        const batch = ingest(rows, mapping, { latest, skipValues: [-99] });
        const rejected: RejectedRow[] = [];
        const stream = ingestStream(rows, mapping, { latest, skipValues: [-99], onRejected: (row) => rejected.push(row) });
        const records = [];
        for await (const record of stream) records.push(record);
        expect(records).toEqual(batch.records);
        // The same issues, each message naming the function that was called.
        expect(JSON.stringify(rejected).replaceAll('ingestStream: ', 'ingest: ')).toBe(JSON.stringify(batch.rejectedRows));
        const { records: _records, rejectedRows: _rejected, ...summary } = batch;
        expect(stream.summary).toEqual(summary);
      }),
      { numRuns: 60 },
    );
  });
});
