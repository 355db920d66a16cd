import { computeCSAT, computeNPS, ingest, scales, segmentBy, trend } from 'cx-metrics';
import { renderHTMLReport, type ReportData } from 'cx-metrics/report';
import { describe, expect, test } from 'vitest';
import { xmlProblems } from '../support/markup.js';
import { nps, sampleReport } from './sample.js';

const html = renderHTMLReport(sampleReport());

/** The SVG documents inside a page. */
const svgsOf = (page: string): string[] => [...page.matchAll(/<svg [\s\S]*?<\/svg>/g)].map((match) => match[0]);

describe('renderHTMLReport', () => {
  test('writes one self-contained HTML document: no script, nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Customer survey, July–September 2026</title>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(|href="(?!#)/);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });

  test('has one h1, a heading per section and a contents list that links to them', () => {
    expect(html.match(/<h1>/g)).toHaveLength(1);
    for (const id of ['metric-1', 'metric-2', 'metric-3', 'risk', 'source']) {
      expect(html).toContain(`href="#${id}"`);
      expect(html).toContain(`id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">`);
    }
  });

  test('shows per metric the score with its interval and n, its charts, its trend and segments with tables', () => {
    const result = computeNPS(nps.records);
    if (result.score === undefined) throw new Error('the sample has NPS answers');
    expect(html).toContain(`<strong>${result.score.toFixed(1)}</strong> points · 95% CI [${result.ci.lower.toFixed(1)}, ${result.ci.upper.toFixed(1)}] (adjusted Wald) · n = ${result.n}`);
    const svgs = svgsOf(html);
    // NPS: bar, distribution, trend, segments; CSAT and CES: distribution, trend, segments; risk: tiers and grid.
    expect(svgs).toHaveLength(4 + 3 + 3 + 2);
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="[^"]+"/);
      expect(xmlProblems(svg)).toEqual([]);
    }
    expect(html.match(/<figure>/g)).toHaveLength(svgs.length);
    expect(html.match(/<figcaption>Figure \d+\. /g)).toHaveLength(svgs.length);
    expect(html).toContain('<h3>Over time</h3>');
    expect(html).toContain('<h3>By segment</h3>');
    expect(html).toMatch(/<th scope="row">chat<\/th><td class="num">\d+<\/td>/);
    expect(html).toMatch(/<th scope="row">2026-08<\/th><td class="num">\d+<\/td>/);
  });

  test('accounts for every row of every metric: read, accepted, rejected by reason, skipped, scored', () => {
    // The sample has 600 rows; NPS: 571 scored, 25 skipped, 4 rejected (examples.test.ts).
    expect(html).toContain('<th scope="row">Rows read</th><td class="num">600</td>');
    expect(html).toContain('<th scope="row">Accepted</th><td class="num">596</td>');
    expect(html).toMatch(/<th scope="row">Rejected<\/th><td class="num">4<\/td><td>issues by code: [a-z_]+ \d/);
    expect(html).toContain('<th scope="row">Skipped answers</th><td class="num">25</td>');
    expect(html).toContain('<th scope="row">Scored</th><td class="num">571</td>');
    expect(html.match(/<h3>Data quality<\/h3>/g)).toHaveLength(3);
  });

  test('shows the loyalty tiers, the relationship × effort grid and the worklist when risk is set, and not otherwise', () => {
    expect(html).toContain('<h2 id="risk-heading">Loyalty risk</h2>');
    expect(html).toContain('Relationship × effort of 160 customers');
    expect(html).toMatch(/Worklist: the first 10 of 160 customers/);
    const without = renderHTMLReport({ ...sampleReport(), risk: undefined });
    expect(without).not.toContain('id="risk"');
    expect(svgsOf(without)).toHaveLength(10);
  });

  test('states what was detected about the file', () => {
    expect(html).toContain('File examples/data/responses.csv, read as CSV, delimiter &quot;,&quot;, columns read as a plain export.');
    expect(html).toContain('<li>Delimiter &quot;,&quot; found in the header row.</li>');
    expect(renderHTMLReport({ ...sampleReport(), source: undefined })).toContain('No file: the results were computed from data passed in directly.');
  });

  test('escapes every string from the data: title, column, segment values, notes', () => {
    const evil = '<script>alert(1)</script>';
    const rows = [...Array.from({ length: 35 }, (_, i) => ({ score: i % 3 === 0 ? 6 : 10, channel: evil, submittedAt: '2026-03-01T10:00:00Z' })), { score: 9, channel: '"quoted" & <b>bold</b>', submittedAt: '2026-04-01T10:00:00Z' }];
    const read = ingest(rows, { scale: scales.nps, score: 'score', channel: 'channel', submittedAt: 'submittedAt' });
    const data: ReportData = {
      title: `Report ${evil}`,
      source: { name: `file ${evil}.csv`, format: 'csv', delimiter: ';', vendor: `vendor ${evil}`, notes: [`note ${evil}`] },
      metrics: [{ column: `col ${evil}`, result: computeNPS(read.records), segments: segmentBy(read.records, 'channel'), trend: trend(read.records), ingest: read }],
      risk: undefined,
    };
    const page = renderHTMLReport(data);
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    for (const svg of svgsOf(page)) expect(xmlProblems(svg)).toEqual([]);
  });

  test('a metric without answers reads "no answers", never NaN', () => {
    const read = ingest([{ score: null }, { score: null }], { scale: scales.csat5 });
    const page = renderHTMLReport({ title: 'Empty', source: undefined, metrics: [{ column: 'csat', result: computeCSAT(read.records), segments: undefined, trend: undefined, ingest: read }], risk: undefined });
    expect(page).toContain('no answers (n = 0), so no score');
    expect(page).toContain('<th scope="row">Skipped answers</th><td class="num">2</td>');
    expect(page).not.toMatch(/NaN|undefined/);
  });
});
