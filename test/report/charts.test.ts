import { classifyLoyaltyRisk, computeCES, computeCSAT, computeNPS, CxMetricsError, defineScale, ingest, rollingWindows, scales, segmentBy, trend } from 'cx-metrics';
import { distributionSVG, npsBarSVG, riskGridSVG, riskTiersSVG, segmentsSVG, trendSVG } from 'cx-metrics/report';
import { describe, expect, test } from 'vitest';
import { xmlProblems } from '../support/markup.js';
import { ces, csat, nps, sampleRisk } from './sample.js';

const risk = sampleRisk();
const emptyRisk = classifyLoyaltyRisk([]);
const emptyTrend = trend([], { scale: scales.nps, time: 'at', unit: 'month' });

/** Every chart builder on realistic results and on empty ones. */
const charts: readonly { readonly name: string; readonly svg: string; readonly empty: boolean }[] = [
  { name: 'npsBarSVG', svg: npsBarSVG(computeNPS(nps.records)), empty: false },
  { name: 'npsBarSVG of nothing', svg: npsBarSVG(computeNPS([null, null])), empty: true },
  { name: 'distributionSVG of NPS', svg: distributionSVG(computeNPS(nps.records)), empty: false },
  { name: 'distributionSVG of CSAT', svg: distributionSVG(computeCSAT(csat.records)), empty: false },
  { name: 'distributionSVG of CES', svg: distributionSVG(computeCES(ces.records)), empty: false },
  { name: 'distributionSVG of nothing', svg: distributionSVG(computeCES([], { scale: scales.ces7 })), empty: true },
  { name: 'trendSVG by month', svg: trendSVG(trend(nps.records, { unit: 'month' })), empty: false },
  { name: 'trendSVG by ISO week in Berlin', svg: trendSVG(trend(csat.records, { unit: 'isoWeek', timeZone: 'Europe/Berlin' })), empty: false },
  { name: 'trendSVG of rolling windows', svg: trendSVG(rollingWindows(ces.records, { window: { days: 30 }, step: 'isoWeek' })), empty: false },
  { name: 'trendSVG of nothing', svg: trendSVG(emptyTrend), empty: true },
  { name: 'segmentsSVG by channel', svg: segmentsSVG(segmentBy(nps.records, 'channel')), empty: false },
  { name: 'segmentsSVG suppressed', svg: segmentsSVG(segmentBy(nps.records, 'channel', { minimumN: 150, suppressSmall: true })), empty: false },
  { name: 'segmentsSVG of nothing', svg: segmentsSVG(segmentBy([], 'channel', { scale: scales.nps, value: 'score' })), empty: true },
  { name: 'riskTiersSVG', svg: riskTiersSVG(risk), empty: false },
  { name: 'riskTiersSVG of nothing', svg: riskTiersSVG(emptyRisk), empty: true },
  { name: 'riskGridSVG', svg: riskGridSVG(risk), empty: false },
  { name: 'riskGridSVG of nothing', svg: riskGridSVG(emptyRisk), empty: true },
];

const labelOf = (svg: string): string => /^<svg [^>]*aria-label="([^"]*)"/.exec(svg)?.[1] ?? '';
const descOf = (svg: string): string => /<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';

describe('SVG charts', () => {
  test.each(charts)('$name is one accessible, well-formed SVG image', ({ svg }) => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(labelOf(svg).length).toBeGreaterThan(10);
    expect(svg).toMatch(/^<svg [^>]*><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
    expect(xmlProblems(svg)).toEqual([]);
  });

  test.each(charts)('$name shows no NaN, undefined or Infinity, and fetches nothing', ({ svg }) => {
    expect(svg).not.toMatch(/NaN|undefined|Infinity|null/);
    expect(svg).not.toMatch(/href=|url\(|<image|<script|<foreignObject|@import/);
    expect(svg).toMatch(/font-family="system-ui/);
  });

  test.each(charts.filter((chart) => chart.empty))('$name says "no answers"', ({ svg }) => {
    expect(svg).toContain('no answers');
    expect(labelOf(svg)).toContain('no answers');
  });

  test('the NPS bar states the score, the interval and every share in its text alternative', () => {
    const result = computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9]);
    const svg = npsBarSVG(result);
    expect(labelOf(svg)).toBe('NPS 33.3 (95% CI [-20.5, 70.5]), n = 9: 55.6% promoters, 22.2% passives, 22.2% detractors');
    expect(descOf(svg)).toBe(
      'NPS 33.3 points (95% confidence interval -20.5 to 70.5, adjusted Wald), from 9 answers. Detractors (0–6): 22.2%, 2 answers; Passives (7–8): 22.2%, 2 answers; Promoters (9–10): 55.6%, 5 answers. 1 skipped answer not scored.',
    );
  });

  test('npsBarSVG refuses a result that is not an NPS, naming itself', () => {
    expect(() => npsBarSVG(computeCSAT([5, 4]) as never)).toThrow(CxMetricsError);
    expect(() => npsBarSVG(computeCSAT([5, 4]) as never)).toThrow(/^npsBarSVG: expected an NPS result/);
  });

  test('the distribution lists every point with its share, and a slider gets its busiest point in the label', () => {
    expect(descOf(distributionSVG(computeCSAT([5, 4, 4, 3, 2, 5, 1, 4])))).toContain('1 (dissatisfied) 12.5%, 1 answer; 2 (dissatisfied) 12.5%, 1 answer; 3 (neutral) 12.5%, 1 answer; 4 (satisfied) 37.5%, 3 answers; 5 (satisfied) 25.0%, 2 answers.');
    const slider = defineScale({
      id: 'slider',
      metric: 'csat',
      min: 0,
      max: 100,
      polarity: 'higher-is-better',
      bands: [
        { name: 'low', min: 0, max: 49, sentiment: 'negative' },
        { name: 'high', min: 50, max: 100, sentiment: 'positive' },
      ],
    });
    const svg = distributionSVG(computeCSAT([70, 70, 70, 20, 95], { scale: slider }));
    expect(labelOf(svg)).toBe('CSAT answers per point, n = 5: most at 70 (60.0%)');
    expect(xmlProblems(svg)).toEqual([]);
  });

  test('a trend marks its empty periods and its unreliable ones, and never joins across a gap', () => {
    const rows = [
      { score: 10, submittedAt: '2026-01-15T10:00:00Z' },
      { score: 3, submittedAt: '2026-01-20T10:00:00Z' },
      { score: 9, submittedAt: '2026-03-02T10:00:00Z' },
    ];
    const svg = trendSVG(trend(ingest(rows, { scale: scales.nps }).records, { unit: 'month' }));
    expect(descOf(svg)).toBe('NPS by month (UTC), NPS per period with its 95% confidence interval: 2026-01: 0.0 [-73.3, 73.3], n = 2 (not reliable); 2026-02: no answers; 2026-03: 100.0 [-48.5, 98.5], n = 1 (not reliable).');
    expect(svg).toContain('>×</text>');
    expect(svg).toContain('not reliable (small n)');
    // Two single periods: two interval bars, no line.
    expect(svg).not.toContain('<polyline');
  });

  test('segments are sorted by score, small ones grey, suppressed ones listed as such, the overall a reference line', () => {
    const table = segmentBy(nps.records, 'channel', { minimumN: 150, suppressSmall: true });
    const svg = segmentsSVG(table);
    const scored = table.segments.filter((segment) => segment.result?.score !== undefined);
    const order = [...scored].sort((a, b) => (b.result?.score ?? 0) - (a.result?.score ?? 0)).map((segment) => String(segment.key[0]));
    const positions = order.map((name) => svg.indexOf(`>${name}</text>`));
    expect(positions.every((position, index) => position > 0 && (index === 0 || position > (positions[index - 1] ?? 0)))).toBe(true);
    for (const segment of table.segments.filter((row) => row.suppressed)) expect(svg).toContain(`suppressed: n = ${segment.n}, below 150`);
    expect(svg).toContain('stroke-dasharray="5 4"');
    expect(svg).toMatch(/overall -?\d+\.\d/);
  });

  test('segment names from the data are escaped, control characters replaced, and long names cut in the chart only', () => {
    const hostile = '<script>alert("x")</script> & a very long segment name \u0007 that goes on';
    const rows = [...Array.from({ length: 40 }, () => ({ score: 9, channel: hostile })), ...Array.from({ length: 5 }, () => ({ score: 3, channel: 'ok' }))];
    const svg = segmentsSVG(segmentBy(rows, 'channel', { scale: scales.nps, value: 'score' }));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; a very long segment name \uFFFD that goes on');
    expect(svg).toContain('…</text>');
    expect(xmlProblems(svg)).toEqual([]);
  });

  test('the risk charts count every customer once', () => {
    const total = risk.summary.customers;
    expect(labelOf(riskTiersSVG(risk))).toContain(`Loyalty risk of ${total} customers: stable `);
    const cells = [...descOf(riskGridSVG(risk)).matchAll(/: (\d+) \(/g)].map((match) => Number(match[1]));
    expect(cells).toHaveLength(12);
    expect(cells.reduce((sum, count) => sum + count, 0)).toBe(total);
  });

  test('charts use the Okabe–Ito palette for data, and greys', () => {
    const allowed = new Set(['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000', '#FFFFFF', '#1F2328', '#595959', '#D0D7DE', '#8C8C8C', '#B4B4B4', '#F6F8FA', '#BCD9EC', '#7FB8DA']);
    for (const { name, svg } of charts.filter((chart) => !chart.name.startsWith('riskGrid'))) {
      const colors = new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9A-Fa-f]{6})"/g)].map((match) => match[1]!.toUpperCase()));
      for (const color of colors) expect(allowed.has(color), `${name} uses ${color}`).toBe(true);
    }
  });
});

describe('hostile input', () => {
  const builders = { npsBarSVG, distributionSVG, trendSVG, segmentsSVG, riskTiersSVG, riskGridSVG } as Record<string, (value: unknown) => string>;
  const trap = (): never => {
    throw new Error('a trap');
  };
  const values = { undefined: undefined, null: null, 'a number': 7, 'an empty object': {}, 'a throwing proxy': new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap }) };
  test.each(Object.keys(builders))('%s meets garbage with a CxMetricsError that names it', (name) => {
    for (const value of Object.values(values)) {
      let caught: unknown;
      try {
        builders[name]!(value);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CxMetricsError);
      expect((caught as Error).message.startsWith(`${name}: `)).toBe(true);
    }
  });
});
