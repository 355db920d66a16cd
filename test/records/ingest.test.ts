import { describe, expect, test } from 'vitest';
import { thrown } from '../support/thrown.js';
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
    expect([result.total, result.accepted, result.rejected, result.rejectedRows]).toEqual([3, 3, 0, []]);
    const [first, , third] = result.records;
    expect(first).toMatchObject({ score: 10, respondentId: 'R_1', channel: 'email', scaleId: 'nps', row: 0 });
    expect(first?.submittedAt?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect({ ...first?.attributes }).toEqual({ plan: 'pro' });
    expect(Object.getPrototypeOf(Object.getPrototypeOf(first?.attributes))).toBeNull();
    expect('toString' in (first?.attributes as object)).toBe(false);
    expect(third?.score).toBeNull();
    expect(result.records.every(isResponseRecord) && Object.isFrozen(first)).toBe(true);
  });

  test('says which column fed each field, and how many rows had it', () => {
    const result = ingest(qualtrics, { ...mapping, customerId: 'Account' }, { latest });
    expect(result.fields.map((field) => [field.field, field.column, field.present])).toEqual([
      ['score', 'Q1', 3],
      ['respondentId', 'ResponseId', 3],
      ['customerId', 'Account', 0],
      ['channel', 'Channel', 3],
      ['submittedAt', 'RecordedDate', 3],
      ['attributes.plan', 'Plan', 3],
    ]);
    expect(result.absentColumns).toEqual(['Account']);
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

  test('reports every problem of every rejected row, and accepted + rejected + excluded = rows in', () => {
    const rows = [
      { ResponseId: 'R_1', RecordedDate: '2026-02-30 09:30:00', Q1: '7.5' },
      { ResponseId: '', RecordedDate: '2026-03-01', Q1: 'Very likely' },
      null,
      { ResponseId: 'R_4', RecordedDate: '2026-03-01', Q1: '9' },
    ];
    const result = ingest(rows, { ...mapping, required: ['respondentId'] }, { latest });
    expect(result.accepted + result.rejected + result.excluded).toBe(result.total);
    expect(result.rejectedRows.map((row) => [row.row, row.issues.map((issue) => `${issue.field}:${issue.code}`)])).toEqual([
      [0, ['score:not_an_integer', 'submittedAt:invalid_date']],
      [1, ['score:unknown_label', 'respondentId:missing']],
      [2, ['row:invalid_type']],
    ]);
    expect(result.issueCounts).toEqual({ not_an_integer: 1, invalid_date: 1, unknown_label: 1, missing: 1, invalid_type: 1 });
    const issue = result.rejectedRows[0]?.issues[0];
    expect(issue).toMatchObject({ row: 0, field: 'score', column: 'Q1', received: '"7.5"', path: [0, 'score'] });
    expect(issue?.message).toBe(`ingest: row 0, score (column "Q1"): expected an integer from 0 to 10 or a label of scale 'nps', or an empty cell for a skipped answer, got "7.5"`);
  });

  test("onInvalid 'throw' throws one invalid_rows error carrying the whole report", () => {
    const error = thrown(() => ingest([{ score: 11 }, { score: 'x' }, { score: 3 }], { scale: scales.nps }, { onInvalid: 'throw' }));
    expect(error.code).toBe('invalid_rows');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [0, 'score'],
      [1, 'score'],
    ]);
  });

  test('accessors reach nested fields (a Delighted API response)', () => {
    const delighted = [{ id: '1', person: '10', survey_type: 'nps', score: 0, created_at: 1772323200, person_properties: { country: 'USA' } }];
    const result = ingest(
      delighted,
      { scale: scales.nps, score: 'score', respondentId: 'person', submittedAt: 'created_at', attributes: { country: (row: (typeof delighted)[number]) => row.person_properties.country } },
      { timestampUnit: 's', latest },
    );
    expect(result.records[0]?.submittedAt?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(result.records[0]?.attributes['country']).toBe('USA');
    expect(result.fields.find((field) => field.field === 'attributes.country')).toEqual({ field: 'attributes.country', column: undefined, present: 1, skipValues: 0 });
  });

  test('refuses a bad mapping or option up front', () => {
    expect(() => ingest([], { scale: scales.nps, score: 5 } as never)).toThrow(/ingest: expected a column name or an accessor function, got 5 at mapping.score/);
    expect(() => ingest([], { scale: scales.nps, required: ['scroe'] } as never)).toThrow(/did you mean "score"\?\), got "scroe" at mapping.required\[0\]/);
    expect(() => ingest([], { scale: scales.nps }, { onInvalid: 'skip' } as never)).toThrow(/options.onInvalid/);
    expect(() => ingest([], { scale: scales.nps, sccore: 'x' } as never)).toThrow(/did you mean "score"/);
    expect(() => ingest(42 as never, { scale: scales.nps })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => ingest([], null as never)).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => ingest([], { scale: scales.nps }, null as never)).toThrow(/ingest: expected an options object, got null at options/);
  });
});

describe('absent is not empty', () => {
  test('a row without the score column is rejected with its own code and the near names, never a skipped answer', () => {
    const result = ingest([{ nps: 9 }, { nps: 3 }], { scale: scales.nps, score: 'NPS' });
    expect([result.accepted, result.rejected]).toEqual([0, 2]);
    const issue = result.rejectedRows[0]?.issues[0];
    expect(issue).toMatchObject({ code: 'missing_column', field: 'score', column: 'NPS', received: 'no such column' });
    expect(issue?.message).toBe('ingest: row 0, score (column "NPS"): expected a column "NPS" in the row (did you mean "nps"?), got no such column');
    expect(result.absentColumns).toEqual(['NPS']);
    // An empty cell, null or undefined is a skipped answer: the column is there.
    expect(ingest([{ NPS: '' }, { NPS: null }, { NPS: undefined }], { scale: scales.nps, score: 'NPS' }).records.map((record) => record.score)).toEqual([null, null, null]);
  });

  test('required: ["score"] rejects rows without an answer', () => {
    const result = ingest([{ score: 9 }, { score: '' }, { score: null }], { scale: scales.nps, required: ['score'] });
    expect(result.rejectedRows.map((row) => [row.row, row.issues[0]?.code])).toEqual([
      [1, 'missing'],
      [2, 'missing'],
    ]);
  });

  test('a required field whose column a row lacks is missing_column; other absent fields are missing values', () => {
    const rows = [{ score: 9, id: 'a' }, { score: 7 }];
    expect(ingest(rows, { scale: scales.nps, score: 'score', respondentId: 'id' }).records.map((record) => record.respondentId)).toEqual(['a', undefined]);
    const strict = ingest(rows, { scale: scales.nps, score: 'score', respondentId: 'id', required: ['respondentId'] });
    expect(strict.rejectedRows[0]?.issues[0]).toMatchObject({ row: 1, field: 'respondentId', code: 'missing_column' });
  });

  test('with known headers, a mapped column not among them is refused up front, with the near names', () => {
    const error = thrown(() => ingest([['9']], { scale: scales.nps, score: 'NPS' }, { columns: ['nps', 'id'] }));
    expect(error.code).toBe('invalid_option');
    expect(error.issues[0]).toMatchObject({ code: 'unknown_name', path: ['options', 'columns'] });
    expect(error.message).toBe('ingest: expected a column of the header (2 columns) (did you mean "nps"?), got "NPS" at options.columns');
  });

  test('a byte-order mark is never part of a name: in headers and in object keys', () => {
    expect(ingest([['9']], { scale: scales.nps, score: 'V1' }, { columns: ['\uFEFFV1'] }).records[0]?.score).toBe(9);
    const result = ingest([{ '\uFEFFV1': '10', V2: 'x' }], { scale: scales.nps, score: 'V1' });
    expect([result.accepted, result.records[0]?.score]).toEqual([1, 10]);
  });

  test("nothing is read from a column the mapping did not name: a vendor's own weight column is not a survey weight", () => {
    // A vendor export with its own per-answer "weight" (−100/0/100: the answer's NPS contribution).
    const rows = [
      { Q1: '10', weight: 100 },
      { Q1: '0', weight: -100 },
      { Q1: '0', weight: -100 },
    ];
    const result = ingest(rows, { scale: scales.nps, score: 'Q1' });
    expect([result.accepted, result.records.every((record) => record.weight === undefined)]).toEqual([3, true]);
    expect(computeNPS(result.records).score).toBeCloseTo(-100 / 3, 12);
    expect(result.fields.map((field) => field.field)).toEqual(['score']);
  });

  test('the wire form: a mapping of { scale } alone reads the response fields by their own names', () => {
    const result = ingest([{ respondentId: 'u1', score: 9, channel: 'chat', weight: 2, attributes: { plan: 'pro' } }], { scale: scales.nps });
    expect(result.records[0]).toMatchObject({ respondentId: 'u1', score: 9, channel: 'chat', weight: 2 });
    expect(result.fields.map((field) => `${field.field}<-${field.column ?? '(object)'}`)).toEqual([
      'score<-score',
      'respondentId<-respondentId',
      'customerId<-customerId',
      'interactionId<-interactionId',
      'touchpoint<-touchpoint',
      'channel<-channel',
      'submittedAt<-submittedAt',
      'weight<-weight',
      'attributes<-(object)',
    ]);
  });

  test('a mapping that names any field must name the score', () => {
    expect(() => ingest([], { scale: scales.nps, respondentId: 'id' })).toThrow(/ingest: expected the column \(or accessor\) of the score/);
  });

  test('an attribute can never be named like a record field, so a name means one thing', () => {
    expect(() => ingest([], { scale: scales.nps, score: 's', attributes: ['channel'] })).toThrow(/map channel as the field channel, not as an attribute/);
    const wire = ingest([{ score: 9, attributes: { channel: 'chat' } }], { scale: scales.nps });
    expect(wire.rejectedRows[0]?.issues[0]).toMatchObject({ field: 'attributes.channel', code: 'invalid_value' });
  });

  test('array rows shorter than the header lack the trailing columns', () => {
    const result = ingest([['9', 'a'], ['7']], { scale: scales.nps, score: 'nps', respondentId: 'id' }, { columns: ['nps', 'id'] });
    expect(result.records.map((record) => record.respondentId)).toEqual(['a', undefined]);
    expect(result.fields.find((field) => field.field === 'respondentId')?.present).toBe(1);
  });
});

describe('vendor realities', () => {
  test('skip values ("no answer" codes) are skipped answers, globally for the score or per column', () => {
    const rows = [
      { Q1: '-99', Q2: 'N/A', Plan: 'pro' },
      { Q1: -1, Q2: '4', Plan: 'n/a' },
      { Q1: ' 9 ', Q2: 'n/a ', Plan: 'free' },
    ];
    const result = ingest(rows, { scale: scales.nps, score: 'Q1', attributes: { plan: 'Plan' } }, { skipValues: [-99, '-1'] });
    expect([result.accepted, result.records.map((record) => record.score)]).toEqual([3, [null, null, 9]]);
    expect(result.fields[0]?.skipValues).toBe(2);
    const perColumn = ingest(rows, { scale: scales.csat5, score: 'Q2', attributes: { plan: 'Plan' } }, { skipValues: { Q2: ['N/A'], Plan: ['n/a'] } });
    expect(perColumn.records.map((record) => [record.score, record.attributes['plan']])).toEqual([
      [null, 'pro'],
      [4, null],
      [null, 'free'],
    ]);
    // Without the code, -99 is an invalid answer, not a detractor and not silently skipped.
    expect(ingest(rows, { scale: scales.nps, score: 'Q1' }).rejectedRows.map((row) => row.issues[0]?.code)).toEqual(['out_of_range', 'out_of_range']);
    expect(() => ingest(rows, { scale: scales.nps, score: 'Q1' }, { skipValues: { Q9: [-99] } })).toThrow(/a column the mapping reads \(did you mean "Q1"\?\), got "Q9"/);
  });

  test('wall-clock times without an offset are read in timeZone, across DST; times with an offset keep it', () => {
    // One vendor's two exports of the same two responses: local time in the account's zone, and UTC.
    const local = [{ at: '2026-03-07 09:30:00' }, { at: '2026-03-09 09:30:00' }];
    const utc = [{ at: '2026-03-07T14:30:00Z' }, { at: '2026-03-09T13:30:00Z' }];
    const read = (rows: readonly { at: string }[], timeZone?: string): string[] =>
      ingest(rows, { scale: scales.nps, score: () => 9, submittedAt: 'at' }, { timeZone, latest }).records.map((record) => record.submittedAt?.toISOString() ?? '');
    expect(read(local, 'America/New_York')).toEqual(read(utc));
    expect(read(utc, 'America/New_York')).toEqual(read(utc));
    // A time in the spring-forward gap moves forward by the gap; in the autumn overlap it is the earlier instant.
    expect(read([{ at: '2026-03-08 02:30' }, { at: '2026-11-01 01:30' }], 'America/New_York')).toEqual(['2026-03-08T07:30:00.000Z', '2026-11-01T05:30:00.000Z']);
    expect(() => ingest([], { scale: scales.nps }, { timeZone: 'Mars/Olympus' })).toThrow(/IANA time zone.*got "Mars\/Olympus" at options.timeZone/);
  });

  test('header rows: the first row names the columns, skipRows drops the question-text and import-id rows, and they are counted', () => {
    const csv = [
      ['\uFEFFResponseId', 'Q1'],
      ['Response ID', 'How likely are you to recommend us?'],
      ['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}'],
      ['R_1', '10'],
      ['R_2', '3'],
    ];
    const result = ingest(csv, { scale: scales.nps, score: 'Q1', respondentId: 'ResponseId' }, { columns: 'first-row', skipRows: 2 });
    expect([result.headerRows, result.total, result.accepted, result.columns]).toEqual([3, 2, 2, ['ResponseId', 'Q1']]);
    expect(result.records.map((record) => record.row)).toEqual([3, 4]);
    // A wrong guess is not "total: 0 without a word": the header row does not name the columns.
    expect(() => ingest(csv.slice(1), { scale: scales.nps, score: 'Q1' }, { columns: 'first-row' })).toThrow(/expected a column of the header \(2 columns\), got "Q1" at rows\[0\]/);
    // Too few rows skipped: the import-id row is data, and it says so.
    expect(ingest(csv, { scale: scales.nps, score: 'Q1' }, { columns: 'first-row', skipRows: 1 }).rejectedRows[0]?.issues[0]).toMatchObject({ row: 2, code: 'unknown_label' });
  });

  test('exclude: test and preview responses are left out and counted with their reason', () => {
    const rows = [
      { Status: 'Survey Preview', Q1: '10' },
      { Status: 'IP Address', Q1: '9' },
      { Status: '2', Q1: '0' },
      { Status: 'IP Address', Q1: '3' },
    ];
    const byRule = ingest(rows, { scale: scales.nps, score: 'Q1' }, { exclude: { column: 'Status', values: ['Survey Preview', 'Survey Test', 1, 2], reason: 'test or preview' } });
    expect([byRule.total, byRule.accepted, byRule.excluded, byRule.excludedReasons]).toEqual([4, 2, 2, { 'test or preview': 2 }]);
    const byFunction = ingest(rows, { scale: scales.nps, score: 'Q1' }, { exclude: (row) => (row.Status === 'IP Address' ? undefined : `status ${row.Status}`) });
    expect(byFunction.excludedReasons).toEqual({ 'status Survey Preview': 1, 'status 2': 1 });
    // A rule on a column the rows lack while they have a near name excludes nothing silently: the rows are rejected.
    const misspelled = ingest(rows, { scale: scales.nps, score: 'Q1' }, { exclude: { column: 'status', values: [1] } });
    expect([misspelled.excluded, misspelled.rejected, misspelled.rejectedRows[0]?.issues[0]?.message]).toEqual([
      0,
      4,
      'ingest: row 0, exclude (column "status"): expected a column "status" in the row (did you mean "Status"?), got no such column',
    ]);
    expect([misspelled.absentColumns, misspelled.rejectedRows[2]?.issues.map((issue) => issue.field)]).toEqual([['status'], ['exclude']]);
    // A column that is simply not there (no near name) excludes nothing, and is listed as absent.
    const absent = ingest(rows, { scale: scales.nps, score: 'Q1' }, { exclude: { column: 'Finished', values: ['0'] } });
    expect([absent.excluded, absent.accepted, absent.absentColumns]).toEqual([0, 4, ['Finished']]);
  });

  test('decimalComma reads "7,0" and "1,5", still reads "7.0", and refuses a thousands separator (docs/validation.md)', () => {
    const rows = [{ w: '1.234,5', s: 9 }, { w: '1,5', s: '7,0' }, { w: '1.5', s: '7.0' }];
    const result = ingest(rows, { scale: scales.nps, score: 's', weight: 'w' }, { decimalComma: true });
    expect(result.records.map((record) => [record.score, record.weight])).toEqual([
      [7, 1.5],
      [7, 1.5],
    ]);
    expect(result.rejectedRows[0]?.issues.map((issue) => [issue.field, issue.code])).toEqual([['weight', 'not_a_number']]);
  });

  test('array holes are rows, rejected as holes', () => {
    // eslint-disable-next-line no-sparse-arrays
    const result = ingest([{ score: 9 }, , { score: 3 }], { scale: scales.nps });
    expect([result.total, result.accepted, result.rejectedRows[0]?.issues[0]?.code, result.rejectedRows[0]?.row]).toEqual([3, 2, 'hole', 1]);
  });
});

describe('a misspelled name is an error, never an absent field', () => {
  test('an optional column a row lacks while it has a near name rejects the row, with the name it meant', () => {
    const rows = [
      { nps: 9, Channel: 'chat', at: '2026-03-01T10:00:00Z' },
      { nps: 3, at: '2026-03-01T11:00:00Z' },
    ];
    const result = ingest(rows, { scale: scales.nps, score: 'nps', channel: 'channel', submittedAt: 'at' });
    expect([result.accepted, result.rejected]).toEqual([1, 1]);
    expect(result.rejectedRows[0]?.issues[0]).toMatchObject({ row: 0, field: 'channel', column: 'channel', code: 'missing_column' });
    expect(result.rejectedRows[0]?.issues[0]?.message).toMatch(/did you mean "Channel"\?/);
    // Attributes and the weight column too; the wire form reads its own names by the same rule.
    expect(ingest([{ nps: 9, Plan: 'pro' }], { scale: scales.nps, score: 'nps', attributes: ['plan'] }).rejectedRows[0]?.issues[0]).toMatchObject({ field: 'attributes.plan', code: 'missing_column' });
    expect(ingest([{ nps: 9, wieght: 2 }], { scale: scales.nps, score: 'nps', weight: 'weight' }).rejectedRows[0]?.issues[0]).toMatchObject({ field: 'weight', code: 'missing_column' });
    expect(ingest([{ score: 9, submitedAt: '2026-03-01' }], { scale: scales.nps }).rejectedRows[0]?.issues[0]?.message).toMatch(/did you mean "submitedAt"\?/);
  });

  test('a column another field reads is no near name, and short names count as near only by case', () => {
    const rows = [{ nps: 9, id: 'R_1', ip: '10.0.0.1' }];
    // 'cid' is one edit from 'id', but 'id' is the respondent id: not a misspelling of the customer id.
    expect(ingest(rows, { scale: scales.nps, score: 'nps', respondentId: 'id', customerId: 'cid' }).accepted).toBe(1);
    // 'ip' is one edit from 'id', but two letters are too few to call that a misspelling…
    expect(ingest(rows, { scale: scales.nps, score: 'nps', customerId: 'id2', respondentId: 'ID' }).rejectedRows[0]?.issues[0]?.message).toMatch(/did you mean "id"\?/);
    expect(ingest([{ nps: 9, ip: 'x' }], { scale: scales.nps, score: 'nps', respondentId: 'id' }).accepted).toBe(1);
  });

  test('required fields must be mapped, and skip values per column must name a mapped column, whatever the row form', () => {
    expect(() => ingest([], { scale: scales.nps, score: 'nps', required: ['channel'] })).toThrow(/expected a required field that the mapping maps \(channel is not mapped\), got "channel" at mapping.required/);
    expect(() => ingest([['9']], { scale: scales.nps, score: 'nps' }, { columns: ['nps'], skipValues: { NPS: [-99] } })).toThrow(/a column the mapping reads \(did you mean "nps"\?\), got "NPS" at options.skipValues.NPS/);
    expect(() => ingest([['9']], { scale: scales.nps, score: 'nps' }, { columns: 'first-row', skipValues: { NPS: [-99] } })).toThrow(/options.skipValues.NPS/);
  });

  test("with columns: 'first-row', an input without any row, or a hole before the header, is an error", () => {
    expect(() => ingest([], { scale: scales.nps, score: 'nps' }, { columns: 'first-row' })).toThrow(/ingest: expected a header row \(options.columns is 'first-row'\), and the input has no rows at all/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => ingest([, ['nps'], ['9']], { scale: scales.nps, score: 'nps' }, { columns: 'first-row' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(ingest([['nps']], { scale: scales.nps, score: 'nps' }, { columns: 'first-row' }).total).toBe(0);
  });
});

describe('Standard Schema', () => {
  test("ingest runs the user's schema first and reads its output; refusals become 'schema' issues", () => {
    const body = z.object({ user: z.object({ id: z.string() }), rating: z.coerce.number() });
    const result = ingest([{ user: { id: 'u1' }, rating: '9' }, { rating: 3 }], { scale: scales.nps, respondentId: (row: z.infer<typeof body>) => row.user.id, score: 'rating' }, { schema: body });
    expect(result.records.map((record) => [record.respondentId, record.score])).toEqual([['u1', 9]]);
    expect(result.rejectedRows[0]?.issues[0]).toMatchObject({ row: 1, field: 'row', code: 'schema' });
    expect(result.rejectedRows[0]?.issues[0]?.expected).toMatch(/^a row your schema accepts \(at user\)/);
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
    expect([result.accepted, result.rejectedRows[0]?.issues[0]?.expected]).toEqual([1, 'a row your schema accepts: negative']);
    expect(() => ingest([{ score: 5 }], { scale: scales.nps }, { schema: slow })).toThrow(/use ingestAsync or ingestStream for async ones/);
  });

  test('our validators implement ~standard with vendor cx-metrics, and our wire form needs no mapping', () => {
    const schema = responseStandardSchema(scales.csat5);
    expect(schema['~standard'].vendor).toBe('cx-metrics');
    const result = ingest([{ respondentId: 'a', score: 5, attributes: { region: 'EU' } }], { scale: scales.csat5 }, { schema });
    expect(result.records[0]).toMatchObject({ respondentId: 'a', score: 5 });
    expect(result.records[0]?.attributes['region']).toBe('EU');
  });
});
