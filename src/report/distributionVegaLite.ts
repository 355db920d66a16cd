import { guard } from '../internal/guard.js';
import type { MetricResult } from '../segments/metricFunctions.js';
import { pointShares, scaleName, scoreSentence } from './describe.js';
import { formatCount, formatNumber, METRIC_LABELS } from './format.js';
import { MUTED, SENTIMENT_COLORS } from './palette.js';
import { emptyVegaLite, vegaLiteSpec } from './vegaLite.js';
import type { VegaLiteSpec } from './VegaLiteSpec.js';

/**
 * The distribution chart of {@link distributionSVG} as a Vega-Lite spec: one bar per point of
 * the scale, its height the share of answers there, coloured by the point's band. Plain JSON
 * with the data inline (no dependency); an empty result gives a spec that says "no answers".
 *
 * @param result - a result of `computeNPS`, `computeCSAT` or `computeCES`
 * @returns the Vega-Lite spec
 *
 * @example
 * ```ts
 * import { computeCSAT } from 'cx-metrics';
 * import { distributionVegaLite } from 'cx-metrics/report';
 *
 * const spec = distributionVegaLite(computeCSAT([5, 4, 4, 3, 2, 5, 1, 4]));
 * (spec.data as { values: { point: number; count: number }[] }).values.map((row) => [row.point, row.count]); // => [[1, 1], [2, 1], [3, 1], [4, 3], [5, 2]]
 * distributionVegaLite(computeCSAT([])).description; // => "CSAT: no answers, so no score (n = 0)."
 * ```
 */
export function distributionVegaLite(result: MetricResult): VegaLiteSpec {
  return guard('distributionVegaLite', () => {
    const name = METRIC_LABELS[result.metric];
    if (result.score === undefined) return emptyVegaLite(`${name} answers per point`, scoreSentence(result));
    const points = pointShares(result);
    const bands = result.scale.bands;
    const values = points.map((point) => ({ point: point.point, band: point.band, count: point.count, percent: point.percent, label: `${formatNumber(point.percent, 1)}%` }));
    const showLabels = points.length <= 15;
    return vegaLiteSpec(`${scoreSentence(result)} Answers per point: ${points.map((point) => `${point.point} ${formatNumber(point.percent, 1)}% (${formatCount(point.count)})`).join(', ')}.`, {
      title: { text: `${name} answers per point`, subtitle: `n = ${formatCount(result.n)}${result.weighted ? ', weighted shares' : ''} · ${scaleName(result.scale)}` },
      width: 560,
      height: 200,
      data: { values },
      encoding: {
        x: { field: 'point', type: 'ordinal', sort: null, axis: { title: 'Answer', labelAngle: 0 } },
        y: { field: 'percent', type: 'quantitative', axis: { title: 'Share of answers (%)' } },
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            color: { field: 'band', type: 'nominal', sort: bands.map((band) => band.name), scale: { domain: bands.map((band) => band.name), range: bands.map((band) => SENTIMENT_COLORS[band.sentiment]) }, legend: { orient: 'bottom', title: null } },
            tooltip: [
              { field: 'point', type: 'ordinal', title: 'Answer' },
              { field: 'band', type: 'nominal', title: 'Band' },
              { field: 'percent', type: 'quantitative', title: 'Share (%)', format: '.1f' },
              { field: 'count', type: 'quantitative', title: 'Answers' },
            ],
          },
        },
        ...(showLabels ? [{ mark: { type: 'text', dy: -7, fontSize: 11, color: MUTED }, encoding: { text: { field: 'label', type: 'nominal' } } }] : []),
      ],
    });
  });
}
