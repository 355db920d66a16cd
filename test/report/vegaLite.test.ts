import { classifyLoyaltyRisk, computeCES, computeCSAT, computeNPS, ingest, rollingWindows, scales, segmentBy, trend } from 'cx-metrics';
import { distributionVegaLite, npsBarVegaLite, riskGridVegaLite, riskTiersVegaLite, segmentsVegaLite, trendVegaLite, type VegaLiteSpec } from 'cx-metrics/report';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileVegaLiteSchema, vegaLiteErrors } from '../support/markup.js';
import { ces, csat, nps, sampleRisk } from './sample.js';

const risk = sampleRisk();
const emptyRisk = classifyLoyaltyRisk([]);
const gappy = ingest(
  [
    { score: 10, submittedAt: '2026-01-15T10:00:00Z' },
    { score: 3, submittedAt: '2026-01-20T10:00:00Z' },
    { score: 9, submittedAt: '2026-03-02T10:00:00Z' },
  ],
  { scale: scales.nps },
).records;

/** Every spec builder on realistic results (the bundled sample) and on empty ones. */
const specs: readonly { readonly name: string; readonly spec: VegaLiteSpec }[] = [
  { name: 'npsBarVegaLite', spec: npsBarVegaLite(computeNPS(nps.records)) },
  { name: 'npsBarVegaLite of nothing', spec: npsBarVegaLite(computeNPS([])) },
  { name: 'distributionVegaLite of CSAT', spec: distributionVegaLite(computeCSAT(csat.records)) },
  { name: 'distributionVegaLite of CES', spec: distributionVegaLite(computeCES(ces.records)) },
  { name: 'distributionVegaLite of nothing', spec: distributionVegaLite(computeNPS([null])) },
  { name: 'trendVegaLite by month', spec: trendVegaLite(trend(nps.records, { unit: 'month' })) },
  { name: 'trendVegaLite with a gap', spec: trendVegaLite(trend(gappy, { unit: 'month' })) },
  { name: 'trendVegaLite of rolling windows', spec: trendVegaLite(rollingWindows(csat.records, { window: { months: 1 }, step: 'isoWeek' })) },
  { name: 'trendVegaLite of nothing', spec: trendVegaLite(trend([], { scale: scales.nps, time: 'at' })) },
  { name: 'segmentsVegaLite', spec: segmentsVegaLite(segmentBy(nps.records, 'channel')) },
  { name: 'segmentsVegaLite with suppressed segments', spec: segmentsVegaLite(segmentBy(ces.records, 'channel', { minimumN: 150, suppressSmall: true })) },
  { name: 'segmentsVegaLite of nothing', spec: segmentsVegaLite(segmentBy([], 'channel', { scale: scales.nps, value: 'score' })) },
  { name: 'riskTiersVegaLite', spec: riskTiersVegaLite(risk) },
  { name: 'riskTiersVegaLite of nothing', spec: riskTiersVegaLite(emptyRisk) },
  { name: 'riskGridVegaLite', spec: riskGridVegaLite(risk) },
  { name: 'riskGridVegaLite of nothing', spec: riskGridVegaLite(emptyRisk) },
];

describe('Vega-Lite specs', () => {
  beforeAll(compileVegaLiteSchema, 120_000);

  // node_modules/vega-lite ships the Vega-Lite 6 schema; the specs name v5 and use only constructs both have.
  test.each(specs)('$name validates against the Vega-Lite schema', ({ spec }) => {
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(vegaLiteErrors(spec)).toEqual([]);
  });

  test.each(specs)('$name is plain JSON with its data inline, and no NaN', ({ spec }) => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(JSON.stringify(spec)).not.toMatch(/NaN|Infinity|"url"/);
    expect(spec.description.length).toBeGreaterThan(10);
  });

  test.each(specs)('$name compiles and renders without a warning', async ({ spec }) => {
    const warnings: unknown[] = [];
    const logger = { level: () => logger, warn: (...message: unknown[]) => (warnings.push(message), logger), info: () => logger, debug: () => logger, error: (...message: unknown[]) => (warnings.push(message), logger) };
    const compiled = vegaLite.compile(spec as never, { logger: logger as never });
    const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
    view.logger(logger as never);
    const svg = await view.toSVG();
    expect(svg).toMatch(/^<svg/);
    expect(warnings).toEqual([]);
  }, 30_000);

  test('empty results give a spec that says "no answers"', () => {
    for (const { name, spec } of specs.filter((entry) => entry.name.endsWith('of nothing'))) {
      expect(JSON.stringify(spec.data), name).toContain('no answers');
    }
  });

  test('a trend keeps every period on the axis in order, empty ones included', () => {
    const spec = trendVegaLite(trend(gappy, { unit: 'month' }));
    expect(spec.data?.values.map((row) => [row['period'], row['score'], row['run']])).toEqual([
      ['2026-01', 0, 1],
      ['2026-02', null, 0],
      ['2026-03', 100, 2],
    ]);
  });
});
