/**
 * cx-metrics/report: the self-contained HTML report, and the charts it is made of as SVG and as
 * Vega-Lite specs, for apps that embed a chart.
 *
 * ```ts
 * import { computeNPS } from 'cx-metrics';
 * import { npsBarSVG } from 'cx-metrics/report';
 *
 * npsBarSVG(computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9])).startsWith('<svg'); // => true
 * ```
 *
 * @module
 */
import { registerDisplays } from './registerDisplays.js';

registerDisplays();

export { distributionSVG } from './distributionSVG.js';
export { distributionVegaLite } from './distributionVegaLite.js';
export { npsBarSVG } from './npsBarSVG.js';
export { npsBarVegaLite } from './npsBarVegaLite.js';
export { renderHTMLReport } from './renderHTMLReport.js';
export { riskGridSVG } from './riskGridSVG.js';
export { riskGridVegaLite } from './riskGridVegaLite.js';
export { riskTiersSVG } from './riskTiersSVG.js';
export { riskTiersVegaLite } from './riskTiersVegaLite.js';
export { segmentsSVG } from './segmentsSVG.js';
export { segmentsVegaLite } from './segmentsVegaLite.js';
export { trendSVG } from './trendSVG.js';
export { trendVegaLite } from './trendVegaLite.js';

export type { ReportData, ReportMetric, ReportSource } from './ReportData.js';
export type { VegaLiteData, VegaLiteSpec, VegaLiteTitle } from './VegaLiteSpec.js';
