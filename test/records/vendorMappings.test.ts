import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { computeNPS, CxMetricsError, ingest, scales, vendorMappings } from '../../src/index.js';

const fixture = (name: string): string => readFileSync(`test/fixtures/vendors/${name}`, 'utf8');
const csv = (name: string): string[][] => Papa.parse<string[]>(fixture(name).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('vendorMappings reads each export by its rules (expected values: test/fixtures/vendors/README.md)', () => {
  test('Qualtrics: three header rows, the zone from the import ids, -99 skipped, previews and tests excluded', () => {
    const rows = csv('qualtrics-3row.csv');
    const plan = vendorMappings(rows);
    expect([plan.vendor, plan.headerRows, plan.metrics.map((metric) => metric.column)]).toEqual(['qualtrics', 3, ['Q1']]);
    const [nps] = plan.metrics;
    expect(nps?.options).toMatchObject({ skipValues: [-99], timeZone: 'America/New_York', exclude: { column: 'Status', reason: 'preview or test response' } });
    const result = ingest(rows.slice(plan.headerRows), nps!.mapping, nps!.options);
    expect([result.excluded, computeNPS(result.records).score, computeNPS(result.records).n]).toEqual([2, 40, 5]);
    // 20:13 on 10 March in New York is 00:13 UTC on the 11th (the README's record 7).
    expect(result.records.find((record) => record.respondentId === 'R_6DfGhJkL9zXcVb0')?.submittedAt?.toISOString()).toBe('2026-03-11T00:13:00.000Z');
  });

  test('the notes say every decision', () => {
    expect(vendorMappings(csv('surveymonkey.csv')).notes).toEqual([
      'SurveyMonkey export with two header rows (question texts, then answer kinds); dates read as MM/DD/YYYY hh:mm:ss AM/PM',
      'NPS: column "How likely is it that you would recommend Acme to a friend or colleague?" (found), scale nps (0–10)',
    ]);
  });

  test('Typeform finds a metric by its field ref; a named ref that does not exist offers the near ones', () => {
    const items = (JSON.parse(fixture('typeform-responses.json')) as { items: unknown[] }).items;
    const plan = vendorMappings(items);
    expect([plan.vendor, plan.metrics[0]?.column]).toEqual(['typeform', 'nps_recommend']);
    expect(computeNPS(ingest(items, plan.metrics[0]!.mapping, plan.metrics[0]!.options).records).score).toBeCloseTo(100 / 6, 12);
    expect(() => vendorMappings(items, { columns: { nps: 'nps_recomend' } })).toThrow(/field ref of the file \(did you mean "nps_recommend"/);
  });

  test('a column named that the file lacks is an error with near names, never an empty result', () => {
    const rows = [['respondent', 'NPS Score', 'Region'], ['a', '9', 'EU']];
    expect(vendorMappings(rows).metrics.map((metric) => metric.column)).toEqual(['NPS Score']);
    let caught: unknown;
    try {
      vendorMappings(rows, { attributes: ['region'] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CxMetricsError);
    expect((caught as CxMetricsError).issues[0]).toMatchObject({ code: 'unknown_name', path: ['options', 'attributes', 0] });
    expect(() => vendorMappings([['a', 'b'], ['1', '2']])).toThrow(/a column of NPS, CSAT or CES answers/);
    expect(() => vendorMappings(rows, { vendor: 'medallia' as never })).toThrow(/one of 'qualtrics'/);
  });

  test('a chosen scale must be of the metric; reads lists the columns read', () => {
    const rows = [['id', 'ces', 'channel'], ['1', '2', 'chat']];
    expect(() => vendorMappings(rows, { scales: { ces: scales.nps } })).toThrow(/a CES scale/);
    const plan = vendorMappings(rows, { scales: { ces: scales.ces5Effort }, attributes: ['channel'] });
    expect([plan.metrics[0]?.scale.id, plan.reads]).toEqual(['ces5Effort', ['ces', 'id', 'channel']]);
  });
});
