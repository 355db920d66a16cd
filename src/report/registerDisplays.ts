/**
 * Rich notebook display for every result (Jupyter's `Symbol.for('Jupyter.display')` protocol,
 * as Deno's kernel uses it): the lower layers mark each result with its kind
 * (src/internal/display.ts), and `registerDisplays`, called by both entries, says how each kind
 * looks. Every bundle has `text/plain` and `text/html`; results with a chart add `image/svg+xml`
 * and `application/vnd.vegalite.v5+json`.
 */
import { registerDisplay } from '../internal/display.js';
import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import type { Comparison } from '../metrics/ComparisonResult.js';
import type { MetricResult } from '../segments/metricFunctions.js';
import type { RollingWindowSeries } from '../segments/rollingWindows.js';
import type { SegmentTable } from '../segments/SegmentTable.js';
import type { TrendSeries } from '../segments/trend.js';
import { formatScore, scoreLine } from './describe.js';
import { comparisonText, metricText, riskText, segmentsText, seriesText } from './displayText.js';
import { distributionSVG } from './distributionSVG.js';
import { distributionVegaLite } from './distributionVegaLite.js';
import { formatCount, formatInterval, formatNumber, formatPValue, METRIC_LABELS } from './format.js';
import { figure, htmlTable, numeric, segmentsTable, seriesTable } from './htmlParts.js';
import { npsBarSVG } from './npsBarSVG.js';
import { npsBarVegaLite } from './npsBarVegaLite.js';
import { FONT_FAMILY, escapeMarkup } from './svg.js';
import { riskGridSVG } from './riskGridSVG.js';
import { riskTiersSVG } from './riskTiersSVG.js';
import { riskTiersVegaLite } from './riskTiersVegaLite.js';
import { segmentsSVG } from './segmentsSVG.js';
import { segmentsVegaLite } from './segmentsVegaLite.js';
import { trendSVG } from './trendSVG.js';
import { trendVegaLite } from './trendVegaLite.js';
import type { VegaLiteSpec } from './VegaLiteSpec.js';

/** HTML for a notebook cell: no stylesheet to rely on, so the font is set inline. */
function fragment(content: string): string {
  return `<div class="cx-metrics" style="font-family: ${escapeMarkup(FONT_FAMILY)}; max-width: 680px">${content}</div>`;
}

/** The bundle of a result with a chart. */
function withChart(text: string, html: string, svg: string, spec: VegaLiteSpec): Readonly<Record<string, unknown>> {
  return { 'text/plain': text, 'text/html': fragment(html), 'image/svg+xml': svg, 'application/vnd.vegalite.v5+json': spec };
}

/**
 * Registers the renderer of every kind of result (again is harmless: a kind has one renderer).
 * The entries call it rather than import this module for its side effect alone: the package
 * says `"sideEffects": false`, and a bundler (tsup's esbuild among them) drops an import that is
 * only there for its side effect, which would leave the built package without rich display.
 */
export function registerDisplays(): void {
  registerDisplay('metric', (result: MetricResult) => {
    const svg = result.metric === 'nps' ? npsBarSVG(result) : distributionSVG(result);
    const spec = result.metric === 'nps' ? npsBarVegaLite(result) : distributionVegaLite(result);
    return withChart(metricText(result), figure(svg, scoreLine(result)), svg, spec);
  });

  registerDisplay('comparison', (comparison: Comparison<MetricResult>) => {
    const name = METRIC_LABELS[comparison.a.metric];
    const digits = comparison.a.metric === 'ces' ? 2 : 1;
    const table = htmlTable(
      `${name}: group a against group b (${comparison.test})`,
      ['Group', numeric('Score'), numeric('Interval'), numeric('n'), numeric('p')],
      [
        ['a', numeric(formatScore(comparison.a.metric, comparison.a.score)), numeric(formatInterval(comparison.a.ci)), numeric(formatCount(comparison.a.n)), numeric('')],
        ['b', numeric(formatScore(comparison.b.metric, comparison.b.score)), numeric(formatInterval(comparison.b.ci)), numeric(formatCount(comparison.b.n)), numeric('')],
        ['a − b', numeric(formatNumber(comparison.difference, digits)), numeric(formatInterval(comparison.ci)), numeric(''), numeric(formatPValue(comparison.pValue).replace(/^= /, ''))],
      ],
    );
    return { 'text/plain': comparisonText(comparison), 'text/html': fragment(table) };
  });

  registerDisplay('segments', (table: SegmentTable) => {
    const svg = segmentsSVG(table);
    return withChart(segmentsText(table), svg + segmentsTable(table), svg, segmentsVegaLite(table));
  });

  const series = (value: TrendSeries | RollingWindowSeries): Readonly<Record<string, unknown>> => {
    const svg = trendSVG(value);
    return withChart(seriesText(value), svg + seriesTable(value), svg, trendVegaLite(value));
  };
  registerDisplay('trend', series);
  registerDisplay('rolling', series);

  registerDisplay('risk', (risk: LoyaltyRiskResult) => {
    const svg = riskTiersSVG(risk);
    return withChart(riskText(risk), svg + riskGridSVG(risk), svg, riskTiersVegaLite(risk));
  });
}
