import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  computeCES,
  computeNPS,
  CxMetricsError,
  ingest,
  ingestAsync,
  isResponseRecord,
  mergeTallies,
  responseStandardSchema,
  scales,
  type StandardSchemaV1,
  tallyAnswers,
} from 'cx-metrics';

const latest = new Date('2030-01-01T00:00:00Z');

describe('ingest maps vendor rows to records', () => {
  // A Qualtrics-style CSV export, parsed: the first header row names the columns.
  const qualtrics = [
    { ResponseId: 'R_1', RecordedDate: '2026-03-01 09:30:00', Q1: '10', Q1_NPS_GROUP: '3', Channel: 'email', Plan: 'pro' },
    { ResponseId: 'R_2', RecordedDate: '2026-03-01 10:00:00', Q1: '3 ', Q1_NPS_GROUP: '1', Channel: 'chat', Plan: 'free' },
    { ResponseId: 'R_3', RecordedDate: '2026-03-02 08:00:00', Q1: '', Q1_NPS_GROUP: '', Channel: 'chat', Plan: 'pro' },
  ];
  const mapping = { scale: scales.nps, score: 'Q1', respondentId: 'ResponseId', submittedAt: 'RecordedDate', channel: 'Channel', attributes: { plan: 'Plan' } };

  test('reads scores, ids, timestamps, channels and attributes, with skipped answers kept', () => {
    const result = ingest(qualtrics, mapping, { latest });
    expect([result.total, result.accepted, result.rejected]).toEqual([3, 3, []]);
    const [first, , third] = result.records;
    expect(first).toMatchObject({ score: 10, respondentId: 'R_1', channel: 'email', scaleId: 'nps', row: 0 });
    expect(first?.submittedAt?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect({ ...first?.attributes }).toEqual({ plan: 'pro' });
    expect(Object.getPrototypeOf(first?.attributes)).toBeNull();
    expect(third?.score).toBeNull();
    expect(result.records.every(isResponseRecord) && Object.isFrozen(first)).toBe(true);
  });

  test('records feed tallies and scores directly, which read their scale and weights', () => {
    const { records } = ingest(qualtrics, mapping, { latest });
    const nps = computeNPS(records);
    expect([nps.score, nps.responses.skipped]).toEqual([0, 1]);
    expect(tallyAnswers(records, { scale: scales.nps }).counts[10]).toBe(1);
    const weighted = ingest([{ score: 10, weight: '2,5' }, { score: 0, weight: 1 }], { scale: scales.nps }, { decimalComma: true });
    expect(computeNPS(weighted.records).score).toBeCloseTo((100 * 1.5) / 3.5, 12);
    const ces = ingest([{ score: 'Strongly agree' }], { scale: scales.ces7 });
    expect(computeCES(ces.records).score).toBe(7);
  });

  test('never mixes scales: CES 1.0 records are refused by a CES 2.0 tally', () => {
    const effort = ingest([{ score: 2 }], { scale: scales.ces5Effort }).records;
    expect(() => computeCES(effort, { scale: scales.ces5 })).toThrow(expect.objectContaining({ code: 'scale_mismatch' }));
    const agreement = tallyAnswers(ingest([{ score: 4 }], { scale: scales.ces5 }).records, { scale: scales.ces5 });
    expect(() => mergeTallies([agreement, tallyAnswers(effort, { scale: scales.ces5Effort })] as never)).toThrow(/scale_mismatch|convertTally/);
  });

  test('reports every problem of every rejected row, and accepted + rejected = rows in', () => {
    const rows = [
      { ResponseId: 'R_1', RecordedDate: '2026-02-30 09:30:00', Q1: '7.5' },
      { ResponseId: '', RecordedDate: '2026-03-01', Q1: 'Very likely' },
      null,
      { ResponseId: 'R_4', RecordedDate: '2026-03-01', Q1: '9' },
    ];
    const result = ingest(rows, { ...mapping, required: ['respondentId'] }, { latest });
    expect(result.accepted + result.rejected.length).toBe(result.total);
    expect(result.rejected.map((row) => [row.row, row.issues.map((issue) => `${issue.field}:${issue.code}`)])).toEqual([
      [0, ['score:not_an_integer', 'submittedAt:invalid_date']],
      [1, ['score:unknown_label', 'respondentId:missing']],
      [2, ['row:invalid_type']],
    ]);
    const issue = result.rejected[0]?.issues[0];
    expect(issue).toMatchObject({ row: 0, field: 'score', column: 'Q1', received: '"7.5"', path: [0, 'score'] });
    expect(issue?.message).toBe(`ingest: row 0, score (column "Q1"): expected an integer from 0 to 10 or a label of scale 'nps', or an empty cell for a skipped answer, got "7.5"`);
  });

  test("onInvalid 'throw' throws one invalid_rows error carrying the whole report", () => {
    let error: unknown;
    try {
      ingest([{ score: 11 }, { score: 'x' }, { score: 3 }], { scale: scales.nps }, { onInvalid: 'throw' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe('invalid_rows');
    expect((error as CxMetricsError).issues.map((issue) => issue.path)).toEqual([[0, 'score'], [1, 'score']]);
  });

  test('arrays of cells with headers, and a mapped header that appears twice is refused', () => {
    const rows = [['R_1', '9'], ['R_2', '4']];
    expect(ingest(rows, { scale: scales.nps, respondentId: 'id', score: 'nps' }, { columns: ['id', 'nps'] }).records.map((r) => r.score)).toEqual([9, 4]);
    expect(() => ingest(rows, { scale: scales.nps, score: 'nps' }, { columns: ['nps', 'nps'] })).toThrow(/mapped column 'nps' appears more than once/);
  });

  test('accessors reach nested fields (a Delighted API response)', () => {
    const delighted = [{ id: '1', person: '10', survey_type: 'nps', score: 0, created_at: 1772323200, person_properties: { country: 'USA' } }];
    const result = ingest(
      delighted,
      { scale: scales.nps, respondentId: 'person', submittedAt: 'created_at', attributes: { country: (row: (typeof delighted)[number]) => row.person_properties.country } },
      { timestampUnit: 's', latest },
    );
    expect(result.records[0]?.submittedAt?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(result.records[0]?.attributes['country']).toBe('USA');
  });

  test('refuses a bad mapping or option up front', () => {
    expect(() => ingest([], { scale: scales.nps, score: 5 } as never)).toThrow(/ingest: expected a column name or an accessor function, got 5 at mapping.score/);
    expect(() => ingest([], { scale: scales.nps, required: ['score'] } as never)).toThrow(/mapping.required/);
    expect(() => ingest([], { scale: scales.nps }, { onInvalid: 'skip' } as never)).toThrow(/options.onInvalid/);
    expect(() => ingest(42 as never, { scale: scales.nps })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('Standard Schema', () => {
  test("ingest runs the user's schema first and reads its output; refusals become 'schema' issues", () => {
    const body = z.object({ user: z.object({ id: z.string() }), rating: z.coerce.number() });
    const result = ingest([{ user: { id: 'u1' }, rating: '9' }, { rating: 3 }], { scale: scales.nps, respondentId: (row: z.infer<typeof body>) => row.user.id, score: 'rating' }, { schema: body });
    expect(result.records.map((record) => [record.respondentId, record.score])).toEqual([['u1', 9]]);
    expect(result.rejected[0]?.issues[0]).toMatchObject({ row: 1, field: 'row', code: 'schema' });
    expect(result.rejected[0]?.issues[0]?.expected).toMatch(/^a row your schema accepts \(at user\)/);
  });

  test('ingestAsync awaits async validators; ingest refuses them', async () => {
    const slow: StandardSchemaV1<unknown, { score: number }> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: async (value) => ((value as { score: number }).score >= 0 ? { value: value as { score: number } } : { issues: [{ message: 'negative' }] }),
      },
    };
    const result = await ingestAsync([{ score: 5 }, { score: -1 }], { scale: scales.nps }, { schema: slow });
    expect([result.accepted, result.rejected[0]?.issues[0]?.expected]).toEqual([1, 'a row your schema accepts: negative']);
    expect(() => ingest([{ score: 5 }], { scale: scales.nps }, { schema: slow })).toThrow(/use ingestAsync for async ones/);
  });

  test('our validators implement ~standard with vendor cx-metrics, and our wire form needs no mapping', () => {
    const schema = responseStandardSchema(scales.csat5);
    expect(schema['~standard'].vendor).toBe('cx-metrics');
    const result = ingest([{ respondentId: 'a', score: 5, attributes: { region: 'EU' } }], { scale: scales.csat5 }, { schema });
    expect(result.records[0]).toMatchObject({ respondentId: 'a', score: 5 });
    expect(result.records[0]?.attributes['region']).toBe('EU');
  });
});
