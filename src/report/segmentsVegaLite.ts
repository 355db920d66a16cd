import { guard } from '../internal/guard.js';
import type { SegmentTable } from '../segments/SegmentTable.js';
import { formatScore, scoreAxisName, scoreRange, segmentsTitle, sortedSegments } from './describe.js';
import { formatCount, formatInterval, formatKey, formatLevel } from './format.js';
import { FADED, INK, OKABE_ITO } from './palette.js';
import { axisScale } from './svg.js';
import { emptyVegaLite, vegaLiteSpec } from './vegaLite.js';
import type { VegaLiteSpec } from './VegaLiteSpec.js';

/**
 * The segment chart of {@link segmentsSVG} as a Vega-Lite spec: a dot plot of every scored
 * segment with its confidence interval, highest first, small segments in grey, the overall
 * score as a dashed line, and suppressed or empty segments named in the subtitle. Plain JSON
 * with the data inline (no dependency); a table without answers gives a spec that says
 * "no answers".
 *
 * @param table - a segment table from `segmentBy` or `segmentByAsync`
 * @returns the Vega-Lite spec
 *
 * @example
 * ```ts
 * import { segmentBy, scales } from 'cx-metrics';
 * import { segmentsVegaLite } from 'cx-metrics/report';
 *
 * const rows = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 6 : 10, channel: 'chat' })),
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 10 : 3, channel: 'phone' })),
 * ];
 * const spec = segmentsVegaLite(segmentBy(rows, 'channel', { scale: scales.nps, value: 'score' }));
 * (spec.layer as { data: { values: { segment: string; score: number }[] } }[])[0]?.data.values.map((row) => [row.segment, row.score]); // => [["chat", 50], ["phone", -50]]
 * ```
 */
export function segmentsVegaLite(table: SegmentTable): VegaLiteSpec {
  return guard('segmentsVegaLite', () => {
    const title = segmentsTitle(table);
    const { overall, minimumN } = table;
    const { scored, unscored } = sortedSegments(table);
    if (overall.score === undefined || scored.length === 0) return emptyVegaLite(title, `${title}: no segment has a score; no answers.`);
    const reliable = `n ≥ ${formatCount(minimumN)}`;
    const small = `n < ${formatCount(minimumN)}: not reliable`;
    // Keys are made unique for the axis: two keys may print alike (a number 1 and a string "1").
    const seen = new Map<string, number>();
    const values = scored.map((segment, order) => {
      let label = formatKey(segment.row.key);
      const times = seen.get(label) ?? 0;
      seen.set(label, times + 1);
      if (times > 0) label = `${label} (${times + 1})`;
      return { segment: label, order, score: segment.score, lower: segment.lower, upper: segment.upper, n: segment.row.n, reliability: segment.row.reliable ? reliable : small };
    });
    const withheld = unscored.map((row) => `${formatKey(row.key)} (${row.suppressed ? `suppressed, n = ${formatCount(row.n)}` : 'no answers'})`);
    const { domain } = axisScale([overall.score, ...scored.flatMap((segment) => [segment.score, segment.lower, segment.upper])], scoreRange(overall));
    const x = { type: 'quantitative', scale: { domain, zero: false }, axis: { title: `${scoreAxisName(overall)} with its ${formatLevel(overall.ci.level)} confidence interval` } };
    const y = { field: 'segment', type: 'nominal', sort: values.map((value) => value.segment), axis: { title: null } };
    const color = { field: 'reliability', type: 'nominal', scale: { domain: [reliable, small], range: [OKABE_ITO.blue, FADED] }, legend: { orient: 'bottom', title: null, labelLimit: 400 } };
    return vegaLiteSpec(
      `${title}: overall ${formatScore(overall.metric, overall.score)} ${formatInterval(overall.ci)}, n = ${formatCount(overall.n)}. ${[
        ...values.map((value) => `${value.segment}: ${formatScore(overall.metric, value.score)} [${value.lower.toFixed(1)}, ${value.upper.toFixed(1)}], n = ${formatCount(value.n)}${value.reliability === small ? ' (not reliable)' : ''}`),
        ...withheld,
      ].join('; ')}.`,
      {
        title: { text: title, subtitle: `Dashed: overall ${formatScore(overall.metric, overall.score)}${withheld.length > 0 ? `. Not shown: ${withheld.join(', ')}` : ''}` },
        width: 480,
        height: { step: 28 },
        layer: [
          { data: { values }, mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' }, color } },
          {
            data: { values },
            mark: { type: 'point', filled: true, size: 90, opacity: 1 },
            encoding: {
              y,
              x: { ...x, field: 'score' },
              color,
              tooltip: [
                { field: 'segment', type: 'nominal', title: 'Segment' },
                { field: 'score', type: 'quantitative', title: 'Score', format: '.1f' },
                { field: 'lower', type: 'quantitative', title: 'CI lower', format: '.1f' },
                { field: 'upper', type: 'quantitative', title: 'CI upper', format: '.1f' },
                { field: 'n', type: 'quantitative', title: 'n' },
              ],
            },
          },
          { data: { values: [{ overall: overall.score }] }, mark: { type: 'rule', strokeDash: [5, 4], color: INK, strokeWidth: 1.5 }, encoding: { x: { field: 'overall', type: 'quantitative' } } },
        ],
      },
    );
  });
}
