import { guard } from '../internal/guard.js';
import type { RollingWindowSeries } from '../segments/rollingWindows.js';
import type { TrendSeries } from '../segments/trend.js';
import { formatScore, scoreAxisName, scoreRange, seriesSlots, seriesTitle } from './describe.js';
import { formatInterval, formatLevel, METRIC_LABELS } from './format.js';
import { MUTED, OKABE_ITO } from './palette.js';
import { axisScale } from './svg.js';
import { emptyVegaLite, vegaLiteSpec } from './vegaLite.js';
import type { VegaLiteSpec } from './VegaLiteSpec.js';

/**
 * The trend chart of {@link trendSVG} as a Vega-Lite spec: the score per period as a line with
 * its confidence interval as a band, broken at periods without answers (each marked `×`), with
 * unreliable periods as hollow points. Takes a `trend` or a `rollingWindows` series. Plain JSON
 * with the data inline (no dependency); a series without answers gives a spec that says
 * "no answers".
 *
 * @param series - a `trend` or `rollingWindows` series
 * @returns the Vega-Lite spec
 *
 * @example
 * ```ts
 * import { ingest, scales, trend } from 'cx-metrics';
 * import { trendVegaLite } from 'cx-metrics/report';
 *
 * const rows = [
 *   { score: 10, submittedAt: '2026-01-15T10:00:00Z' },
 *   { score: 3, submittedAt: '2026-01-20T10:00:00Z' },
 *   { score: 9, submittedAt: '2026-03-02T10:00:00Z' },
 * ];
 * const spec = trendVegaLite(trend(ingest(rows, { scale: scales.nps }).records, { unit: 'month' }));
 * (spec.data as { values: { period: string; score: number | null }[] }).values.map((row) => [row.period, row.score]); // => [["2026-01", 0], ["2026-02", null], ["2026-03", 100]]
 * ```
 */
export function trendVegaLite(series: TrendSeries | RollingWindowSeries): VegaLiteSpec {
  return guard('trendVegaLite', () => {
    const slots = seriesSlots(series);
    const title = seriesTitle(series);
    const scored = slots.filter((slot) => slot.result.score !== undefined);
    const first = scored[0];
    if (first === undefined) return emptyVegaLite(title, `${title}: no answers in any period, so no score.`);
    // A run is a stretch of periods with answers: lines and bands are drawn per run, never across an empty period.
    let run = 0;
    let previousEmpty = true;
    const values = slots.map((slot, index) => {
      const { score, ci } = slot.result;
      if (score !== undefined && previousEmpty) run++;
      previousEmpty = score === undefined;
      return {
        period: slot.label,
        index,
        score: score ?? null,
        lower: ci?.lower ?? null,
        upper: ci?.upper ?? null,
        n: slot.n,
        reliable: slot.reliable,
        run: score === undefined ? 0 : run,
        alone: score !== undefined && slots[index - 1]?.result.score === undefined && slots[index + 1]?.result.score === undefined,
        state: score === undefined ? 'no answers' : slot.reliable ? 'score' : 'not reliable (small n)',
      };
    });
    const level = formatLevel(first.result.ci?.level ?? 0.95);
    const { domain } = axisScale(
      scored.flatMap((slot) => [slot.result.score as number, slot.result.ci?.lower as number, slot.result.ci?.upper as number]),
      scoreRange(first.result),
    );
    const x = { field: 'period', type: 'ordinal', sort: slots.map((slot) => slot.label), axis: { title: null, labelAngle: 0, labelOverlap: true } };
    const y = { type: 'quantitative', scale: { domain, zero: false }, axis: { title: scoreAxisName(first.result) } };
    const withScore = [{ filter: 'datum.score !== null' }];
    return vegaLiteSpec(
      `${title}, ${METRIC_LABELS[series.metric]} per period with its ${level} confidence interval: ${slots.map((slot) => (slot.result.score === undefined ? `${slot.label} no answers` : `${slot.label} ${formatScore(series.metric, slot.result.score)} ${formatInterval(slot.result.ci)}, n = ${slot.n}${slot.reliable ? '' : ' (not reliable)'}`)).join('; ')}.`,
      {
        title: { text: title, subtitle: `Score per period with its ${level} confidence interval; × no answers; hollow: not reliable (small n)` },
        width: 560,
        height: 220,
        data: { values },
        encoding: { x },
        layer: [
          { transform: withScore, mark: { type: 'area', color: '#BCD9EC', opacity: 0.9 }, encoding: { y: { ...y, field: 'lower' }, y2: { field: 'upper' }, detail: { field: 'run', type: 'nominal' } } },
          // A period between two empty ones has no band to draw: its interval is a bar.
          { transform: [{ filter: 'datum.alone' }], mark: { type: 'rule', color: '#BCD9EC', strokeWidth: 10 }, encoding: { y: { ...y, field: 'lower' }, y2: { field: 'upper' } } },
          { transform: withScore, mark: { type: 'line', color: OKABE_ITO.blue, strokeWidth: 2.5 }, encoding: { y: { ...y, field: 'score' }, detail: { field: 'run', type: 'nominal' } } },
          {
            transform: withScore,
            mark: { type: 'point', size: 70, strokeWidth: 2, color: OKABE_ITO.blue, opacity: 1 },
            encoding: {
              y: { ...y, field: 'score' },
              fill: { condition: { test: 'datum.reliable', value: OKABE_ITO.blue }, value: '#FFFFFF' },
              tooltip: [
                { field: 'period', type: 'ordinal', title: 'Period' },
                { field: 'score', type: 'quantitative', title: 'Score', format: '.1f' },
                { field: 'lower', type: 'quantitative', title: 'CI lower', format: '.1f' },
                { field: 'upper', type: 'quantitative', title: 'CI upper', format: '.1f' },
                { field: 'n', type: 'quantitative', title: 'n' },
                { field: 'state', type: 'nominal', title: 'State' },
              ],
            },
          },
          {
            transform: [{ filter: 'datum.score === null' }],
            mark: { type: 'text', text: '×', fontSize: 16, fontWeight: 'bold', color: MUTED },
            encoding: { y: { value: 208 }, tooltip: [{ field: 'period', type: 'ordinal', title: 'Period' }, { field: 'state', type: 'nominal', title: 'State' }] },
          },
        ],
      },
    );
  });
}
