import { classifyLoyaltyRisk, classifyLoyaltyRiskAsync, compareCES, compareCSAT, compareNPS, computeCES, computeCSAT, computeNPS, rollingWindows, scales, segmentBy, segmentByAsync, trend } from 'cx-metrics';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { compileVegaLiteSchema, vegaLiteErrors } from '../support/markup.js';
import { ces, csat, nps, sampleRisk } from './sample.js';

const DISPLAY = Symbol.for('Jupyter.display');

/** The MIME bundle a notebook gets from a value. */
function bundleOf(value: unknown): Record<string, unknown> {
  const method = (value as Record<symbol, unknown>)[DISPLAY];
  expect(typeof method, 'the value has a Jupyter.display method').toBe('function');
  return (method as () => Record<string, unknown>).call(value);
}

async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

const npsResult = computeNPS(nps.records);
/** Every kind of result, each with the text its plain form must state. */
const charted: readonly { readonly name: string; readonly value: unknown; readonly states: RegExp }[] = [
  { name: 'computeNPS', value: npsResult, states: /^NPS \d+\.\d \(95% CI \[-?\d+\.\d, \d+\.\d\]\), n = 571\n/ },
  { name: 'computeNPS of nothing', value: computeNPS([]), states: /^NPS: no answers \(n = 0\)/ },
  { name: 'computeCSAT', value: computeCSAT(csat.records), states: /^CSAT \d+\.\d% \(95% CI/ },
  { name: 'computeCES', value: computeCES(ces.records), states: /^CES \d\.\d\d \(95% CI/ },
  { name: 'computeCES of nothing', value: computeCES([], { scale: scales.ces7 }), states: /^CES: no answers/ },
  { name: 'segmentBy', value: segmentBy(nps.records, 'channel'), states: /^NPS by channel: overall \d+\.\d \(95% CI .*\n {2}chat +n = \d+ +-?\d+\.\d \[/ },
  { name: 'segmentByAsync', value: await segmentByAsync(stream(csat.records), 'channel'), states: /^CSAT by channel: overall \d+\.\d% / },
  { name: 'trend', value: trend(nps.records, { unit: 'month' }), states: /^NPS by month \(UTC\): 3 periods, .*\n {2}2026-07 +n = \d+ +-?\d+\.\d \[/ },
  { name: 'rollingWindows', value: rollingWindows(ces.records, { window: { days: 30 }, step: 'month' }), states: /^CES, trailing 30 days, every month \(UTC\): / },
  { name: 'classifyLoyaltyRisk', value: sampleRisk(), states: /^Loyalty risk of 160 customers as of 2026-\d\d-\d\d: stable \d+ \(/ },
  { name: 'classifyLoyaltyRiskAsync', value: await classifyLoyaltyRiskAsync(stream(nps.records)), states: /^Loyalty risk of \d+ customers as of / },
  { name: 'classifyLoyaltyRisk of nothing', value: classifyLoyaltyRisk([]), states: /^Loyalty risk of 0 customers: no answers/ },
];

describe('notebook display', () => {
  beforeAll(compileVegaLiteSchema, 120_000);

  test.each(charted)('$name displays as text, HTML, SVG and Vega-Lite', ({ value, states }) => {
    const bundle = bundleOf(value);
    expect(Object.keys(bundle).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/svg+xml', 'text/html', 'text/plain']);
    expect(bundle['text/plain']).toMatch(states);
    const svg = bundle['image/svg+xml'] as string;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/aria-label="[^"]+"/);
    expect(bundle['text/html']).toContain('<svg');
    expect(bundle['text/html']).not.toContain('<script');
    expect(vegaLiteErrors(bundle['application/vnd.vegalite.v5+json'])).toEqual([]);
    expect(JSON.stringify(bundle)).not.toMatch(/NaN/);
  });

  test.each([
    { name: 'compareNPS', value: compareNPS([10, 10, 9, 9, 9, 8, 7, 6, 3, 10], [10, 9, 8, 7, 6, 5, 3, 2, 9, 8]), states: /^NPS a − b: 50\.0 points \(95% CI \[-?\d+\.\d, \d+\.\d\], MOVER of the two groups’ intervals\), p = 0\.\d{3}\n {2}a: NPS 40\.0/ },
    { name: 'compareCSAT', value: compareCSAT([5, 4, 4, 5, 2], [3, 2, 4, 1, 2]), states: /^CSAT a − b: 60\.0 percentage points/ },
    { name: 'compareCES', value: compareCES([7, 6, 6, 7, 5], [4, 5, 3, 6, 4], { scale: scales.ces7 }), states: /^CES a − b: 1\.80 scale points .*Welch t test/ },
    { name: 'compareNPS with an empty group', value: compareNPS([10, 9], []), states: /^NPS a − b: no difference/ },
  ])('$name displays as text and HTML', ({ value, states }) => {
    const bundle = bundleOf(value);
    expect(Object.keys(bundle).sort()).toEqual(['text/html', 'text/plain']);
    expect(bundle['text/plain']).toMatch(states);
    expect(bundle['text/html']).toMatch(/^<div class="cx-metrics"[^>]*><div class="table-scroll"><table>/);
  });

  test('the display method is invisible to JSON, spreads, keys and deep equality, and the result stays frozen', () => {
    const result = computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9]);
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.keys(result)).not.toContain(DISPLAY);
    expect(Object.getOwnPropertyDescriptor(result, DISPLAY)?.enumerable).toBe(false);
    const copy = { ...result };
    expect(DISPLAY in copy).toBe(false);
    expect(result).toEqual(copy);
    expect(copy).toEqual(result);
    expect(result).toStrictEqual(computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9]));
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(copy)));
    expect(structuredClone(copy)).toEqual(copy);
  });

  test('segments, buckets and windows carry the display of their own results', () => {
    const table = segmentBy(nps.records, 'channel');
    expect(bundleOf(table.overall)['text/plain']).toMatch(/^NPS /);
    expect(bundleOf(table.segments[0]?.result)['image/svg+xml']).toMatch(/^<svg/);
    const series = trend(nps.records, { unit: 'month' });
    expect(bundleOf(series.buckets[1]?.change)['text/plain']).toMatch(/^NPS a − b: /);
  });

  test('without the report layer a result still displays as plain text', async () => {
    vi.resetModules();
    // A fresh module graph without src/index.ts: the metric is marked, but no renderer is registered.
    const { computeNPS: bare } = await import('../../src/metrics/computeNPS.js');
    const bundle = bundleOf(bare([10, 9, 3]));
    expect(Object.keys(bundle)).toEqual(['text/plain']);
    expect(bundle['text/plain']).toMatch(/^cx-metrics metric result \{ metric: "nps", .*score: 33\.33/);
  });
});
