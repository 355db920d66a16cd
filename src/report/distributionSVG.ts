import { guard } from '../internal/guard.js';
import type { MetricResult } from '../segments/metricFunctions.js';
import { pointShares, scaleName, scoreSentence } from './describe.js';
import { countOf, formatCount, formatNumber, METRIC_LABELS } from './format.js';
import { MUTED, RULE, SENTIMENT_COLORS } from './palette.js';
import { element, emptyMessage, fitText, legendItem, linear, svgDocument, text, tickLabels, ticksCovering } from './svg.js';

const WIDTH = 640;
const LEFT = 52;
const RIGHT = WIDTH - 16;
const TOP = 50;
const BOTTOM = 210;

/**
 * Draws the answers of any metric result per point of its scale: one bar per point, its height
 * the share of answers there, coloured by how the point's band reads (negative, neutral,
 * positive). The score says how many are satisfied or promoters; the distribution shows where
 * the rest are, such as a CSAT of 80 % whose other answers are all 1s, not 3s.
 *
 * Counts come from the result's tally (`tally.counts[i]` answers at point `scale.min + i`);
 * with weights, heights are weighted shares. Points with no answers are drawn as empty slots.
 * The SVG is self-contained and accessible (`role="img"`, `aria-label`, `<title>`, a `<desc>`
 * that lists every point), in the Okabe–Ito palette; an empty result says "no answers".
 *
 * @param result - a result of `computeNPS`, `computeCSAT` or `computeCES` (or a segment's, bucket's or window's)
 * @returns the SVG document as a string
 *
 * @example
 * ```ts
 * import { computeCSAT } from 'cx-metrics';
 * import { distributionSVG } from 'cx-metrics/report';
 *
 * const svg = distributionSVG(computeCSAT([5, 4, 4, 3, 2, 5, 1, 4]));
 * /aria-label="([^"]*)"/.exec(svg)?.[1]; // => "CSAT answers per point, n = 8: 1: 12.5%, 2: 12.5%, 3: 12.5%, 4: 37.5%, 5: 25.0%"
 * distributionSVG(computeCSAT([])).includes('no answers'); // => true
 * ```
 */
export function distributionSVG(result: MetricResult): string {
  return guard('distributionSVG', () => {
    const name = METRIC_LABELS[result.metric];
    const { scale } = result;
    const points = pointShares(result);
    const pointX = linear([scale.min - 0.5, scale.max + 0.5], [LEFT, RIGHT]);
    const slot = (RIGHT - LEFT) / points.length;
    const labelEvery = Math.max(1, Math.ceil(points.length / 21));
    let body = text(16, 26, `${name} answers per point`, { 'font-size': 15, 'font-weight': 700 });
    body += text(16, 42, `${result.score === undefined ? 'no answers' : `n = ${formatCount(result.n)}${result.weighted ? ', weighted shares' : ''}`} · ${scaleName(scale)}`, { fill: MUTED, 'font-size': 12 });
    // The x axis: point numbers, and the scale's words for its ends when it has them.
    for (const point of points) {
      if ((point.point - scale.min) % labelEvery !== 0 && point.point !== scale.max) continue;
      body += text(pointX(point.point), BOTTOM + 16, String(point.point), { 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 });
    }
    const ends = [scale.labels[scale.min], scale.labels[scale.max]];
    if (ends[0] !== undefined) body += text(LEFT, BOTTOM + 32, fitText(ends[0], 11, (RIGHT - LEFT) / 2 - 8), { fill: MUTED, 'font-size': 11 }, ends[0]);
    if (ends[1] !== undefined) body += text(RIGHT, BOTTOM + 32, fitText(ends[1], 11, (RIGHT - LEFT) / 2 - 8), { 'text-anchor': 'end', fill: MUTED, 'font-size': 11 }, ends[1]);
    body += element('line', { x1: LEFT, y1: BOTTOM, x2: RIGHT, y2: BOTTOM, stroke: MUTED });
    // Legend: every band once, in scale order.
    let legendX = 16;
    for (const band of scale.bands) {
      const item = legendItem(legendX, BOTTOM + 58, SENTIMENT_COLORS[band.sentiment], `${band.name} (${band.min === band.max ? band.min : `${band.min}–${band.max}`})`);
      body += item.markup;
      legendX += item.width;
    }
    const height = BOTTOM + 70;
    if (result.score === undefined) {
      return svgDocument({
        width: WIDTH,
        height,
        label: `${name} answers per point: no answers`,
        title: `${name}: no answers`,
        description: `${scoreSentence(result)} No answer is on any point of the ${scale.min}–${scale.max} scale${result.responses.skipped > 0 ? `; ${countOf(result.responses.skipped, 'answer')} skipped` : ''}.`,
        body: body + emptyMessage(LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP - 8, 'no answers'),
      });
    }
    const highest = Math.max(...points.map((point) => point.percent));
    const ticks = ticksCovering(0, Math.max(highest, 5), 4);
    const top = ticks[ticks.length - 1] as number;
    const y = linear([0, top], [BOTTOM, TOP + 8]);
    const tickText = tickLabels(ticks);
    ticks.forEach((tick, index) => {
      body += element('line', { x1: LEFT, y1: y(tick), x2: RIGHT, y2: y(tick), stroke: RULE, 'stroke-width': tick === 0 ? 0 : 1 });
      body += text(LEFT - 6, y(tick) + 4, `${tickText[index] ?? ''}%`, { 'text-anchor': 'end', fill: MUTED, 'font-size': 11 });
    });
    const showValues = points.length <= 15;
    for (const point of points) {
      const barWidth = Math.max(1, slot * 0.72);
      const x = pointX(point.point) - barWidth / 2;
      const fill = SENTIMENT_COLORS[point.sentiment];
      const tip = `${point.point} (${point.band}): ${formatNumber(point.percent, 1)}%, ${countOf(point.count, 'answer')}`;
      if (point.count > 0) body += element('rect', { x, y: y(point.percent), width: barWidth, height: Math.max(1, BOTTOM - y(point.percent)), fill }, `<title>${tip}</title>`);
      else body += element('rect', { x, y: BOTTOM - 2, width: barWidth, height: 2, fill: RULE }, `<title>${tip}</title>`);
      if (showValues) body += text(pointX(point.point), y(point.percent) - 5, `${formatNumber(point.percent, 1)}%`, { 'text-anchor': 'middle', 'font-size': 11, fill: MUTED });
    }
    // A label is read in one breath: the whole list for a short scale, the busiest point for a slider.
    const busiest = points.reduce((best, point) => (point.percent > best.percent ? point : best));
    const list = showValues ? points.map((point) => `${point.point}: ${formatNumber(point.percent, 1)}%`).join(', ') : `most at ${busiest.point} (${formatNumber(busiest.percent, 1)}%)`;
    return svgDocument({
      width: WIDTH,
      height,
      label: `${name} answers per point, n = ${formatCount(result.n)}: ${list}`,
      title: `${name}: answers per point of the ${scale.min}–${scale.max} scale`,
      description: `${scoreSentence(result)} Answers per point: ${points.map((point) => `${point.point} (${point.band}) ${formatNumber(point.percent, 1)}%, ${countOf(point.count, 'answer')}`).join('; ')}.`,
      body,
    });
  });
}
