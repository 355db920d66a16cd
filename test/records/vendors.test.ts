import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeCSAT, computeNPS, defineScale, ingest, scales } from 'cx-metrics';
import { parseCSV } from '../support/csv.js';

// The fixtures are small exports written in each vendor's documented shape; the expected numbers
// are computed by hand in test/fixtures/vendors/README.md (with the arithmetic shown there).
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/vendors/${name}`, import.meta.url), 'utf8');
const previewOrTest = { column: 'Status', values: [1, 2, 'Survey Preview', 'Survey Test'], reason: 'preview or test response' };

describe('Qualtrics exports', () => {
  const mapping = { scale: scales.nps, score: 'Q1', respondentId: 'ResponseId', submittedAt: 'RecordedDate', channel: 'DistributionChannel', required: ['respondentId'] } as const;
  const options = { columns: 'first-row', skipRows: 2, skipValues: [-99], timeZone: 'America/New_York', exclude: previewOrTest } as const;

  test.each(['qualtrics-3row.csv', 'qualtrics-choice-text.csv'])('%s: NPS 40 from 5 answers, previews and tests left out, -99 skipped, times in New York', (name) => {
    const result = ingest(parseCSV(fixture(name)), mapping, options);
    expect([result.headerRows, result.total, result.excluded, result.accepted, result.rejected]).toEqual([3, 9, 2, 7, 0]);
    const nps = computeNPS(result.records);
    expect([nps.score, nps.promoters.count, nps.detractors.count, nps.n, nps.responses.skipped]).toEqual([40, 3, 1, 5, 2]);
    expect(result.fields[0]).toEqual({ field: 'score', column: 'Q1', present: 7, skipValues: 1 });
    // Record 7 of the file (the 5th kept): 20:13 local on 10 March, after the DST change, is 11 March in UTC.
    expect(result.records.map((record) => record.submittedAt?.toISOString())).toEqual([
      '2026-03-02T14:16:41.000Z',
      '2026-03-04T23:47:03.000Z',
      '2026-03-06T12:05:31.000Z',
      '2026-03-09T16:33:22.000Z',
      '2026-03-11T00:13:00.000Z',
      '2026-03-12T20:21:11.000Z',
      '2026-03-18T12:00:32.000Z',
    ]);
  });

  test('the traps: keeping previews and tests gives 28.57, reading -99 as an answer is refused, never a detractor', () => {
    const kept = ingest(parseCSV(fixture('qualtrics-3row.csv')), mapping, { ...options, exclude: undefined });
    expect(computeNPS(kept.records).score).toBeCloseTo((100 * 2) / 7, 10);
    const raw = ingest(parseCSV(fixture('qualtrics-3row.csv')), mapping, { ...options, skipValues: undefined });
    expect(raw.rejectedRows.map((row) => row.issues[0]?.code)).toEqual(['out_of_range']);
  });

  test('the legacy export: V1… names, two header rows, Status in V7', () => {
    const result = ingest(parseCSV(fixture('qualtrics-legacy-2row.csv')), { scale: scales.nps, score: 'Q1', respondentId: 'V1', submittedAt: 'V8' }, {
      columns: 'first-row',
      skipRows: 1,
      skipValues: [-99],
      timeZone: 'America/New_York',
      exclude: { column: 'V7', values: [1, 2], reason: 'preview or test response' },
    });
    expect([result.total, result.excluded, computeNPS(result.records).score]).toEqual([9, 2, 40]);
  });
});

test('SurveyMonkey: two header rows, the question as the column name, US dates read in a given zone', () => {
  const cells = parseCSV(fixture('surveymonkey.csv'));
  const question = 'How likely is it that you would recommend Acme to a friend or colleague?';
  const isoFromUS = (text: string): string => {
    const [date = '', time = '', half = ''] = text.split(' ');
    const [month, day, year] = date.split('/');
    const [hours = '0', minutes, seconds] = time.split(':');
    return `${year}-${month}-${day}T${String((Number(hours) % 12) + (half === 'PM' ? 12 : 0)).padStart(2, '0')}:${minutes}:${seconds}`;
  };
  const result = ingest(cells, { scale: scales.nps, score: question, respondentId: 'Respondent ID', submittedAt: (row: string[]) => isoFromUS(row[3] ?? ''), attributes: { plan: 'Custom Data 1' } }, { columns: 'first-row', skipRows: 1, timeZone: 'UTC' });
  const nps = computeNPS(result.records);
  expect([result.total, nps.n, nps.responses.skipped]).toEqual([8, 7, 1]);
  expect(nps.score).toBeCloseTo(100 / 7, 10);
  // 12:03:58 PM is noon, not midnight.
  expect(result.records[4]?.submittedAt?.toISOString()).toBe('2026-03-06T12:07:44.000Z');
});

test('Typeform: the NPS answer found by its ref; a question not answered has no answer object and is a skipped answer', () => {
  interface Item {
    token: string;
    submitted_at: string;
    answers: { field: { ref: string }; number?: number }[];
  }
  const { items } = JSON.parse(fixture('typeform-responses.json')) as { items: Item[] };
  const result = ingest(items, { scale: scales.nps, score: (item) => item.answers.find((answer) => answer.field.ref === 'nps_recommend')?.number, respondentId: 'token', submittedAt: 'submitted_at' });
  const nps = computeNPS(result.records);
  expect([result.accepted, nps.n, nps.responses.skipped, nps.detractors.count]).toEqual([7, 6, 1, 2]);
  expect(nps.score).toBeCloseTo(100 / 6, 10);
});

test('Delighted: created_at in Unix seconds', () => {
  const responses = JSON.parse(fixture('delighted-responses.json')) as { created_at: number }[];
  const result = ingest(responses, { scale: scales.nps, score: 'score', respondentId: 'person', submittedAt: 'created_at', interactionId: 'id' }, { timestampUnit: 's' });
  expect(computeNPS(result.records).score).toBe(12.5);
  expect(result.records[0]?.submittedAt?.toISOString()).toBe('2026-03-01T15:04:12.000Z');
  expect(result.records[7]?.submittedAt?.toISOString()).toBe('2026-03-11T01:12:07.000Z');
});

test('Zendesk: good or bad, with offered and unoffered as no answer', () => {
  const goodBad = defineScale({
    id: 'zendesk-csat',
    metric: 'csat',
    min: 1,
    max: 2,
    polarity: 'higher-is-better',
    bands: [
      { name: 'bad', min: 1, max: 1, sentiment: 'negative' },
      { name: 'good', min: 2, max: 2, sentiment: 'positive' },
    ],
    labels: { 1: 'bad', 2: 'good' },
  });
  const { satisfaction_ratings: ratings } = JSON.parse(fixture('zendesk-satisfaction-ratings.json')) as { satisfaction_ratings: unknown[] };
  const result = ingest(ratings, { scale: goodBad, score: 'score', interactionId: 'ticket_id', submittedAt: 'created_at' }, { skipValues: ['offered', 'unoffered'] });
  const csat = computeCSAT(result.records);
  expect([csat.n, csat.responses.skipped]).toEqual([6, 2]);
  expect(csat.score).toBeCloseTo((100 * 4) / 6, 10);
  // Counting "offered" as an answer would give 4/7: it is not one.
  expect(result.fields[0]?.skipValues).toBe(2);
});
