import { guard } from '../internal/guard.js';
import type { RollingWindowSeries } from '../segments/rollingWindows.js';
import type { TrendSeries } from '../segments/trend.js';
import { formatScore, scoreAxisName, scoreRange, seriesSlots, seriesTitle } from './describe.js';
import { formatCount, formatInterval, formatLevel, METRIC_LABELS } from './format.js';
import { FADED, INK, MUTED, OKABE_ITO, RULE } from './palette.js';
import { axisScale, element, emptyMessage, escapeMarkup, fitText, legendItem, linear, px, svgDocument, text, tickLabels } from './svg.js';

const WIDTH = 640;
const LEFT = 56;
const RIGHT = WIDTH - 20;
const TOP = 58;
const BOTTOM = 238;
const LINE = OKABE_ITO.blue;
const BAND = '#BCD9EC';

/**
 * Draws a metric over time: the score of every period as a line with its confidence interval as
 * a band, so a reader sees at once whether a dip is larger than the noise. Periods without
 * answers are not bridged: the line breaks there and the period is marked `×` ("no answers"),
 * because joining the neighbours would invent a value. Periods below the series' minimum n are
 * drawn as hollow points ("not reliable").
 *
 * Takes the series of `trend` (buckets) or of `rollingWindows` (windows). The SVG is
 * self-contained and accessible (`role="img"`, `aria-label`, `<title>`, a `<desc>` that states
 * every period's score, interval and n), in the Okabe–Ito palette; a series without answers says
 * "no answers".
 *
 * @param series - a `trend` or `rollingWindows` series
 * @returns the SVG document as a string
 *
 * @example
 * ```ts
 * import { ingest, scales, trend } from 'cx-metrics';
 * import { trendSVG } from 'cx-metrics/report';
 *
 * const rows = [
 *   { score: 10, submittedAt: '2026-01-15T10:00:00Z' },
 *   { score: 3, submittedAt: '2026-01-20T10:00:00Z' },
 *   { score: 9, submittedAt: '2026-03-02T10:00:00Z' },
 * ];
 * const svg = trendSVG(trend(ingest(rows, { scale: scales.nps }).records, { unit: 'month' }));
 * /aria-label="([^"]*)"/.exec(svg)?.[1]; // => "NPS by month (UTC), 3 periods from 2026-01 to 2026-03: 0.0 in 2026-01, 100.0 in 2026-03; 1 without answers; 2 not reliable (small n)"
 * svg.includes('no answers'); // => true
 * ```
 */
export function trendSVG(series: TrendSeries | RollingWindowSeries): string {
  return guard('trendSVG', () => {
    const slots = seriesSlots(series);
    const name = METRIC_LABELS[series.metric];
    const title = seriesTitle(series);
    const scored = slots.filter((slot) => slot.result.score !== undefined);
    let body = text(16, 26, title, { 'font-size': 15, 'font-weight': 700 });
    const first = slots[0];
    const last = slots[slots.length - 1];
    if (first === undefined || last === undefined || scored.length === 0) {
      body += emptyMessage(LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP, 'no answers');
      return svgDocument({
        width: WIDTH,
        height: BOTTOM + 20,
        label: `${title}: no answers`,
        title: `${title}: no answers`,
        description: `${title}: no answers in ${slots.length === 0 ? 'any period' : `the ${slots.length} periods from ${first?.label} to ${last?.label}`}, so no score. ${formatCount(series.rows.total)} rows read.`,
        body,
      });
    }
    const level = scored[0]?.result.ci?.level ?? 0.95;
    body += text(16, 44, `${scoreAxisName(scored[0]!.result)} per period, ${formatLevel(level)} CI${series.timeZone === 'UTC' ? '' : `, ${series.timeZone} calendar`}`, { fill: MUTED, 'font-size': 12 });
    const values = scored.flatMap((slot) => [slot.result.score as number, slot.result.ci?.lower as number, slot.result.ci?.upper as number]);
    const { domain, ticks } = axisScale(values, scoreRange(scored[0]!.result));
    const y = linear(domain, [BOTTOM, TOP]);
    const step = (RIGHT - LEFT) / slots.length;
    const x = (index: number): number => LEFT + (index + 0.5) * step;
    const tickText = tickLabels(ticks);
    ticks.forEach((tick, index) => {
      body += element('line', { x1: LEFT, y1: y(tick), x2: RIGHT, y2: y(tick), stroke: tick === 0 && series.metric === 'nps' ? FADED : RULE, 'stroke-width': 1 });
      body += text(LEFT - 6, y(tick) + 4, tickText[index] ?? '', { 'text-anchor': 'end', fill: MUTED, 'font-size': 11 });
    });
    // Runs of consecutive periods with answers: the band and the line are drawn per run, never across an empty period.
    const runs: number[][] = [];
    slots.forEach((slot, index) => {
      if (slot.result.score === undefined) return;
      const run = runs[runs.length - 1];
      if (run !== undefined && run[run.length - 1] === index - 1) run.push(index);
      else runs.push([index]);
    });
    const clip = (value: number): number => Math.min(domain[1], Math.max(domain[0], value));
    for (const run of runs) {
      const ci = (index: number): { lower: number; upper: number } => slots[index]!.result.ci as { lower: number; upper: number };
      if (run.length === 1) {
        const index = run[0] as number;
        body += element('rect', { x: x(index) - 5, y: y(clip(ci(index).upper)), width: 10, height: Math.max(1, y(clip(ci(index).lower)) - y(clip(ci(index).upper))), fill: BAND, rx: 2 });
        continue;
      }
      const upper = run.map((index) => `${px(x(index))},${px(y(clip(ci(index).upper)))}`);
      const lower = run.map((index) => `${px(x(index))},${px(y(clip(ci(index).lower)))}`).reverse();
      body += element('polygon', { points: [...upper, ...lower].join(' '), fill: BAND });
      body += element('polyline', { points: run.map((index) => `${px(x(index))},${px(y(slots[index]!.result.score as number))}`).join(' '), fill: 'none', stroke: LINE, 'stroke-width': 2.5, 'stroke-linejoin': 'round' });
    }
    const labelEvery = Math.max(1, Math.ceil(slots.length / Math.floor((RIGHT - LEFT) / 64)));
    slots.forEach((slot, index) => {
      const tip = slotText(series.metric, slot);
      if (slot.result.score === undefined) {
        body += element('line', { x1: x(index), y1: TOP, x2: x(index), y2: BOTTOM, stroke: RULE, 'stroke-dasharray': '3 3' });
        body += text(x(index), BOTTOM - 6, '×', { 'text-anchor': 'middle', fill: MUTED, 'font-size': 16, 'font-weight': 700 }, tip);
      } else if (slot.reliable) {
        body += element('circle', { cx: x(index), cy: y(slot.result.score), r: 4.5, fill: LINE, stroke: '#FFFFFF', 'stroke-width': 1.5 }, `<title>${escapeMarkup(tip)}</title>`);
      } else {
        body += element('circle', { cx: x(index), cy: y(slot.result.score), r: 4.5, fill: '#FFFFFF', stroke: LINE, 'stroke-width': 2 }, `<title>${escapeMarkup(tip)}</title>`);
      }
      if (index % labelEvery === 0) {
        body += text(x(index), BOTTOM + 16, fitText(slot.label, 11, step * labelEvery - 4), { 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }, slot.label);
        if (slot.result.score === undefined && step * labelEvery >= 64) body += text(x(index), BOTTOM + 30, 'no answers', { 'text-anchor': 'middle', fill: MUTED, 'font-size': 10 });
      }
    });
    body += element('line', { x1: LEFT, y1: BOTTOM, x2: RIGHT, y2: BOTTOM, stroke: MUTED });
    let legendX = 16;
    const legendY = BOTTOM + 54;
    const add = (item: { readonly markup: string; readonly width: number }): void => {
      body += item.markup;
      legendX += item.width;
    };
    add(legendItem(legendX, legendY, BAND, `${formatLevel(level)} confidence interval`));
    add(legendItem(legendX, legendY, LINE, 'score', 'point'));
    if (scored.some((slot) => !slot.reliable)) add(legendItem(legendX, legendY, LINE, 'not reliable (small n)', 'hollow'));
    if (scored.length < slots.length) body += text(legendX, legendY, '× no answers', { fill: INK, 'font-size': 12 });
    const empties = slots.length - scored.length;
    const unreliable = scored.filter((slot) => !slot.reliable).length;
    const firstScored = scored[0]!;
    const lastScored = scored[scored.length - 1]!;
    const ends = firstScored === lastScored ? `${formatScore(series.metric, firstScored.result.score)} in ${firstScored.label}` : `${formatScore(series.metric, firstScored.result.score)} in ${firstScored.label}, ${formatScore(series.metric, lastScored.result.score)} in ${lastScored.label}`;
    return svgDocument({
      width: WIDTH,
      height: legendY + 14,
      label: `${title}, ${slots.length} periods from ${first.label} to ${last.label}: ${ends}${empties > 0 ? `; ${empties} without answers` : ''}${unreliable > 0 ? `; ${unreliable} not reliable (small n)` : ''}`,
      title: `${title}, ${first.label} to ${last.label}`,
      description: `${title}, ${name} per period with its ${formatLevel(level)} confidence interval: ${slots.map((slot) => slotText(series.metric, slot)).join('; ')}.`,
      body,
    });
  });
}

/** One period in words: `2026-03: 23.5 [12.1, 34.0], n = 60`, with `no answers` or `not reliable` where it applies. */
function slotText(metric: TrendSeries['metric'], slot: ReturnType<typeof seriesSlots>[number]): string {
  if (slot.result.score === undefined) return `${slot.label}: no answers`;
  return `${slot.label}: ${formatScore(metric, slot.result.score)} ${formatInterval(slot.result.ci)}, n = ${formatCount(slot.n)}${slot.reliable ? '' : ' (not reliable)'}`;
}

