import { guard } from '../internal/guard.js';
import type { SegmentRow, SegmentTable } from '../segments/SegmentTable.js';
import { formatScore, scoreAxisName, scoreRange, segmentsTitle, sortedSegments } from './describe.js';
import { countOf, formatCount, formatInterval, formatKey, formatLevel } from './format.js';
import { FADED, INK, MUTED, OKABE_ITO, RULE } from './palette.js';
import { axisScale, element, emptyMessage, escapeMarkup, fitText, legendItem, linear, svgDocument, text, tickLabels } from './svg.js';

const WIDTH = 640;
const LABEL_WIDTH = 168;
const PLOT_LEFT = 16 + LABEL_WIDTH + 12;
const PLOT_RIGHT = WIDTH - 96;
const TOP = 70;
const ROW = 28;
const DOT = OKABE_ITO.blue;

/**
 * Draws a segment table as a dot plot: one row per segment, its score as a dot with its
 * confidence interval as an error bar, sorted from the highest score down, and the overall score
 * as a dashed reference line, so a reader sees which segments stand out and by more than the
 * noise. Segments below the table's minimum n are grey with hollow dots ("not reliable");
 * suppressed segments (score withheld with `suppressSmall`) and segments without answers are
 * listed at the bottom as such, never silently left out.
 *
 * The SVG is self-contained and accessible (`role="img"`, `aria-label`, `<title>`, a `<desc>`
 * that states every segment's score, interval and n), in the Okabe–Ito palette; segment names
 * from the data are escaped (and cut short with an ellipsis in the chart only). A table without
 * answers says "no answers".
 *
 * @param table - a segment table from `segmentBy` or `segmentByAsync`
 * @returns the SVG document as a string
 *
 * @example
 * ```ts
 * import { segmentBy, scales } from 'cx-metrics';
 * import { segmentsSVG } from 'cx-metrics/report';
 *
 * const rows = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 6 : 10, channel: 'chat' })),
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 10 : 3, channel: 'phone' })),
 *   ...Array.from({ length: 10 }, () => ({ score: 8, channel: 'email' })),
 * ];
 * const svg = segmentsSVG(segmentBy(rows, 'channel', { scale: scales.nps, value: 'score' }));
 * /aria-label="([^"]*)"/.exec(svg)?.[1]; // => "NPS by channel, 3 segments, overall 0.0: highest chat 50.0, lowest phone -50.0; 1 not reliable (n below 30)"
 * ```
 */
export function segmentsSVG(table: SegmentTable): string {
  return guard('segmentsSVG', () => {
    const title = segmentsTitle(table);
    const { overall, minimumN } = table;
    const { scored, unscored } = sortedSegments(table);
    let body = text(16, 26, title, { 'font-size': 15, 'font-weight': 700 });
    if (overall.score === undefined || scored.length === 0) {
      const height = TOP + 80;
      body += emptyMessage(16, TOP - 30, WIDTH - 32, 80, 'no answers');
      return svgDocument({
        width: WIDTH,
        height: height + 16,
        label: `${title}: no answers`,
        title: `${title}: no answers`,
        description: `${title}: no segment has a score${table.segments.length > 0 ? ` (${table.segments.map((segment) => `${formatKey(segment.key)}: ${segmentState(segment, minimumN)}`).join('; ')})` : ''}.`,
        body,
      });
    }
    const level = overall.ci.level;
    body += text(16, 44, `${scoreAxisName(overall)} with its ${formatLevel(level)} confidence interval, highest first`, { fill: MUTED, 'font-size': 12 });
    const values = [overall.score, ...scored.flatMap((segment) => [segment.score, segment.lower, segment.upper])];
    const { domain, ticks } = axisScale(values, scoreRange(overall));
    const x = linear(domain, [PLOT_LEFT, PLOT_RIGHT]);
    const rowsBottom = TOP + (scored.length + unscored.length) * ROW;
    const clip = (value: number): number => Math.min(domain[1], Math.max(domain[0], value));
    const tickText = tickLabels(ticks);
    ticks.forEach((tick, index) => {
      body += element('line', { x1: x(tick), y1: TOP - 6, x2: x(tick), y2: TOP + scored.length * ROW, stroke: RULE });
      body += text(x(tick), TOP + scored.length * ROW + 16, tickText[index] ?? '', { 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 });
    });
    body += text(WIDTH - 16, TOP - 12, 'n', { 'text-anchor': 'end', fill: MUTED, 'font-size': 11, 'font-style': 'italic' });
    scored.forEach((segment, index) => {
      const y = TOP + index * ROW + ROW / 2;
      const label = formatKey(segment.row.key);
      const color = segment.row.reliable ? DOT : FADED;
      const tip = `${label}: ${formatScore(overall.metric, segment.score)} ${formatInterval(segment.row.result?.ci)}, n = ${formatCount(segment.row.n)}${segment.row.reliable ? '' : ' (not reliable)'}`;
      if (index % 2 === 0) body += element('rect', { x: 8, y: y - ROW / 2, width: WIDTH - 16, height: ROW, fill: '#F6F8FA' });
      body += text(16, y + 4, fitText(label, 13, LABEL_WIDTH), { fill: segment.row.reliable ? INK : MUTED }, label);
      body += element('line', { x1: x(clip(segment.lower)), y1: y, x2: x(clip(segment.upper)), y2: y, stroke: color, 'stroke-width': 2 });
      for (const end of [segment.lower, segment.upper]) body += element('line', { x1: x(clip(end)), y1: y - 5, x2: x(clip(end)), y2: y + 5, stroke: color, 'stroke-width': 2 });
      body += element('circle', { cx: x(segment.score), cy: y, r: 5.5, fill: segment.row.reliable ? color : '#FFFFFF', stroke: color, 'stroke-width': 2 }, `<title>${escapeMarkup(tip)}</title>`);
      body += text(WIDTH - 16, y + 4, formatCount(segment.row.n), { 'text-anchor': 'end', fill: segment.row.reliable ? INK : MUTED });
    });
    // The overall score runs through every scored row, labelled above them.
    const overallX = x(overall.score);
    body += element('line', { x1: overallX, y1: TOP - 4, x2: overallX, y2: TOP + scored.length * ROW, stroke: INK, 'stroke-width': 1.5, 'stroke-dasharray': '5 4' });
    body += text(overallX, TOP - 10, `overall ${formatScore(overall.metric, overall.score)}`, { 'text-anchor': overallX > PLOT_RIGHT - 40 ? 'end' : overallX < PLOT_LEFT + 40 ? 'start' : 'middle', 'font-size': 12, 'font-weight': 600 });
    let y = TOP + scored.length * ROW + 30;
    for (const row of unscored) {
      const label = formatKey(row.key);
      y += ROW - 6;
      body += text(16, y, fitText(label, 13, LABEL_WIDTH), { fill: MUTED }, label);
      body += text(PLOT_LEFT, y, segmentState(row, minimumN), { fill: MUTED, 'font-style': 'italic' });
      body += text(WIDTH - 16, y, formatCount(row.n), { 'text-anchor': 'end', fill: MUTED });
    }
    let legendX = 16;
    const legendY = Math.max(rowsBottom, y) + 34;
    const add = (item: { readonly markup: string; readonly width: number }): void => {
      body += item.markup;
      legendX += item.width;
    };
    add(legendItem(legendX, legendY, DOT, `n ≥ ${formatCount(minimumN)}`, 'point'));
    if (scored.some((segment) => !segment.row.reliable)) add(legendItem(legendX, legendY, FADED, `n < ${formatCount(minimumN)}: not reliable`, 'hollow'));
    body += element('line', { x1: legendX, y1: legendY - 4.5, x2: legendX + 18, y2: legendY - 4.5, stroke: INK, 'stroke-width': 1.5, 'stroke-dasharray': '5 4' });
    body += text(legendX + 24, legendY, 'overall', { 'font-size': 12 });
    const smallOnes = scored.filter((segment) => !segment.row.reliable).length;
    const suppressed = unscored.filter((row) => row.suppressed).length;
    const highest = scored[0]!;
    const lowest = scored[scored.length - 1]!;
    const lead = `${title}, ${countOf(table.segments.length, 'segment')}, overall ${formatScore(overall.metric, overall.score)}`;
    return svgDocument({
      width: WIDTH,
      height: legendY + 14,
      label: `${lead}: highest ${formatKey(highest.row.key)} ${formatScore(overall.metric, highest.score)}, lowest ${formatKey(lowest.row.key)} ${formatScore(overall.metric, lowest.score)}${smallOnes > 0 ? `; ${smallOnes} not reliable (n below ${formatCount(minimumN)})` : ''}${suppressed > 0 ? `; ${suppressed} suppressed` : ''}`,
      title,
      description:
        `${title}: overall ${formatScore(overall.metric, overall.score)} ${formatInterval(overall.ci)}, n = ${formatCount(overall.n)}. ` +
        `${[...scored.map((segment) => `${formatKey(segment.row.key)}: ${formatScore(overall.metric, segment.score)} ${formatInterval(segment.row.result?.ci)}, n = ${formatCount(segment.row.n)}${segment.row.reliable ? '' : ' (not reliable)'}`), ...unscored.map((row) => `${formatKey(row.key)}: ${segmentState(row, minimumN)}`)].join('; ')}.`,
      body,
    });
  });
}

/** Why a segment has no dot: its score was withheld, or it has no answers. */
function segmentState(row: SegmentRow, minimumN: number): string {
  if (row.suppressed) return `suppressed: n = ${formatCount(row.n)}, below ${formatCount(minimumN)}`;
  return row.n === 0 ? 'no answers' : 'no score';
}
