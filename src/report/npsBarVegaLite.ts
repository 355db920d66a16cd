import { fail } from '../internal/issue.js';
import { guard } from '../internal/guard.js';
import type { NPSResult } from '../metrics/computeNPS.js';
import { npsGroups, roundedNPSShares, scoreLine, scoreSentence } from './describe.js';
import { formatCount, formatInterval, formatLevel, formatNumber } from './format.js';
import { INK, SENTIMENT_COLORS } from './palette.js';
import { emptyVegaLite, vegaLiteSpec } from './vegaLite.js';
import type { VegaLiteSpec } from './VegaLiteSpec.js';

/**
 * The NPS chart of {@link npsBarSVG} as a Vega-Lite spec: detractors, passives and promoters
 * stacked to 100 %, and below it the score on its −100…100 axis with its confidence interval.
 * The spec is plain JSON with the data inline (no dependency), for apps that render with
 * `vega-embed` and for notebooks (`application/vnd.vegalite.v5+json`). An empty result gives a
 * spec that says "no answers".
 *
 * @param result - an NPS result from `computeNPS`
 * @returns the Vega-Lite spec
 * @throws `CxMetricsError` (from `cx-metrics`) with code `invalid_argument` when the result is not an NPS
 *
 * @example
 * ```ts
 * import { computeNPS } from 'cx-metrics';
 * import { npsBarVegaLite } from 'cx-metrics/report';
 *
 * const spec = npsBarVegaLite(computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9]));
 * spec.$schema; // => "https://vega.github.io/schema/vega-lite/v5.json"
 * spec.title; // => { text: "NPS 33.3", subtitle: "95% CI [-20.5, 70.5] · n = 9" }
 * npsBarVegaLite(computeNPS([])).description; // => "NPS: no answers, so no score (n = 0)."
 * ```
 */
export function npsBarVegaLite(result: NPSResult): VegaLiteSpec {
  return guard('npsBarVegaLite', () => {
    if (typeof result !== 'object' || result === null || result.metric !== 'nps') fail('npsBarVegaLite', 'invalid_argument', 'invalid_value', 'an NPS result (metric "nps")', result, ['result']);
    if (result.score === undefined) return emptyVegaLite('NPS', scoreSentence(result));
    const groups = npsGroups(result);
    const rounded = roundedNPSShares(result);
    const names = groups.map((group) => `${group.name} (${group.points})`);
    let start = 0;
    const values = groups.map((group, index) => {
      const percent = group.percent ?? 0;
      const middle = start + percent / 2;
      start += percent;
      // Shares too narrow for their label are named in the legend and tooltip only.
      return { group: names[index], order: index, percent, middle, rounded: rounded[index], count: group.count, label: percent >= 8 ? `${formatNumber(rounded[index], 1)}%` : '' };
    });
    const level = formatLevel(result.ci.level);
    return vegaLiteSpec(`${scoreLine(result)}: ${groups.map((group, index) => `${formatNumber(rounded[index], 1)}% ${group.name.toLowerCase()}`).join(', ')}.`, {
      title: { text: `NPS ${formatNumber(result.score, 1)}`, subtitle: `${level} CI ${formatInterval(result.ci)} · n = ${formatCount(result.n)}` },
      vconcat: [
        {
          width: 560,
          height: 36,
          data: { values },
          layer: [
            {
              mark: { type: 'bar', stroke: '#FFFFFF', strokeWidth: 1 },
              encoding: {
                x: { field: 'percent', type: 'quantitative', stack: 'zero', scale: { domain: [0, 100] }, axis: { title: 'Share of answers (%)' } },
                order: { field: 'order', type: 'quantitative' },
                color: { field: 'group', type: 'nominal', sort: names, scale: { domain: names, range: groups.map((group) => SENTIMENT_COLORS[group.sentiment]) }, legend: { orient: 'bottom', title: null } },
                tooltip: [
                  { field: 'group', type: 'nominal', title: 'Group' },
                  { field: 'rounded', type: 'quantitative', title: 'Share (%)', format: '.1f' },
                  { field: 'count', type: 'quantitative', title: 'Answers' },
                ],
              },
            },
            {
              mark: { type: 'text', fontWeight: 600, color: INK },
              encoding: { x: { field: 'middle', type: 'quantitative', stack: null }, text: { field: 'label', type: 'nominal' } },
            },
          ],
        },
        {
          width: 560,
          height: 24,
          data: { values: [{ score: result.score, lower: result.ci.lower, upper: result.ci.upper }] },
          layer: [
            {
              mark: { type: 'rule', strokeWidth: 8, strokeCap: 'round', color: '#7FB8DA' },
              encoding: { x: { field: 'lower', type: 'quantitative', scale: { domain: [-100, 100] }, axis: { title: `NPS with its ${level} confidence interval`, values: [-100, -50, 0, 50, 100] } }, x2: { field: 'upper' } },
            },
            { mark: { type: 'point', filled: true, size: 120, color: INK }, encoding: { x: { field: 'score', type: 'quantitative' }, tooltip: [{ field: 'score', type: 'quantitative', title: 'NPS', format: '.1f' }] } },
          ],
        },
      ],
    });
  });
}
