import { fail } from '../internal/issue.js';
import { guard } from '../internal/guard.js';
import type { NPSResult } from '../metrics/computeNPS.js';
import { npsGroups, roundedNPSShares, scoreLine, scoreSentence } from './describe.js';
import { countOf, formatCount, formatInterval, formatLevel, formatNumber } from './format.js';
import { INK, MUTED, RULE, SENTIMENT_COLORS, textColorOn } from './palette.js';
import { element, emptyMessage, legendItem, linear, svgDocument, text, textWidth } from './svg.js';

const WIDTH = 640;
const LEFT = 16;
const RIGHT = WIDTH - 16;

/**
 * Draws an NPS as a chart: a bar of detractors, passives and promoters stacked to 100 % (each
 * with its share), and below it the score on its −100…100 axis with its confidence interval, so
 * a reader sees both what the score is made of and how sure it is. Shares are shown rounded by
 * largest remainders, so they add up to 100.
 *
 * The SVG is self-contained (no script, no font or image to fetch), accessible (`role="img"`, an
 * `aria-label` with the score, a `<title>` and a `<desc>` that states every number), coloured with
 * the colour-blind-safe Okabe–Ito palette, and every string in it is escaped. An empty result
 * draws a chart that says "no answers".
 *
 * @param result - an NPS result from `computeNPS` (or a segment's, bucket's or window's)
 * @returns the SVG document as a string
 * @throws `CxMetricsError` (from `cx-metrics`) with code `invalid_argument` when the result is not an NPS
 *
 * @example
 * ```ts
 * import { computeNPS } from 'cx-metrics';
 * import { npsBarSVG } from 'cx-metrics/report';
 *
 * const svg = npsBarSVG(computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9]));
 * svg.startsWith('<svg'); // => true
 * /aria-label="([^"]*)"/.exec(svg)?.[1]; // => "NPS 33.3 (95% CI [-20.5, 70.5]), n = 9: 55.6% promoters, 22.2% passives, 22.2% detractors"
 * npsBarSVG(computeNPS([])).includes('no answers'); // => true
 * ```
 */
export function npsBarSVG(result: NPSResult): string {
  return guard('npsBarSVG', () => {
    if (typeof result !== 'object' || result === null || result.metric !== 'nps') fail('npsBarSVG', 'invalid_argument', 'invalid_value', 'an NPS result (metric "nps")', result, ['result']);
    const groups = npsGroups(result);
    if (result.score === undefined) {
      const skipped = result.responses.skipped > 0 ? ` (${formatCount(result.responses.skipped)} skipped)` : '';
      return svgDocument({
        width: WIDTH,
        height: 104,
        label: `NPS: no answers${skipped}`,
        title: 'NPS: no answers',
        description: `${scoreSentence(result)} ${formatCount(result.responses.total)} responses in all, ${formatCount(result.responses.skipped)} skipped.`,
        body: text(LEFT, 28, 'NPS', { 'font-size': 18, 'font-weight': 700 }) + emptyMessage(LEFT, 44, RIGHT - LEFT, 44, `no answers${skipped}`),
      });
    }
    const rounded = roundedNPSShares(result);
    const shareText = (at: number): string => `${formatNumber(rounded[at], 1)}%`;
    let body = text(LEFT, 28, `NPS ${formatNumber(result.score, 1)}`, { 'font-size': 20, 'font-weight': 700 });
    body += text(LEFT + textWidth(`NPS ${formatNumber(result.score, 1)}`, 20, true) + 12, 28, `${formatLevel(result.ci.level)} CI ${formatInterval(result.ci)} · n = ${formatCount(result.n)}`, { fill: MUTED });
    // The stacked bar: widths from the exact shares, labels from the rounded ones.
    const barX = linear([0, 100], [LEFT, RIGHT]);
    let at = 0;
    groups.forEach((group, index) => {
      const share = group.percent ?? 0;
      const x = barX(at);
      const width = barX(at + share) - x;
      at += share;
      if (width <= 0) return;
      const fill = SENTIMENT_COLORS[group.sentiment];
      body += element('rect', { x, y: 42, width, height: 34, fill, stroke: '#FFFFFF', 'stroke-width': 1 }, `<title>${group.name}: ${shareText(index)} (${formatCount(group.count)})</title>`);
      if (width >= textWidth(shareText(index), 13) + 10) body += text(x + width / 2, 64, shareText(index), { 'text-anchor': 'middle', fill: textColorOn(fill), 'font-weight': 600 });
    });
    let legendX = LEFT;
    groups.forEach((group, index) => {
      const item = legendItem(legendX, 102, SENTIMENT_COLORS[group.sentiment], `${group.name} ${group.points}: ${shareText(index)} (${formatCount(group.count)})`);
      body += item.markup;
      legendX += Math.max(item.width, (RIGHT - LEFT) / 3);
    });
    // The score on its own axis, with its interval.
    const axisY = 156;
    const x = linear([-100, 100], [LEFT + 12, RIGHT - 12]);
    body += text(LEFT, 126, `Score on its −100 to 100 scale, with its ${formatLevel(result.ci.level)} confidence interval`, { fill: MUTED, 'font-size': 12 });
    body += element('line', { x1: x(-100), y1: axisY, x2: x(100), y2: axisY, stroke: RULE, 'stroke-width': 2 });
    for (const tick of [-100, -50, 0, 50, 100]) {
      body += element('line', { x1: x(tick), y1: axisY - 5, x2: x(tick), y2: axisY + 5, stroke: tick === 0 ? MUTED : RULE, 'stroke-width': 1 });
      body += text(x(tick), axisY + 20, String(tick), { 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 });
    }
    const lower = x(Math.max(-100, result.ci.lower));
    const upper = x(Math.min(100, result.ci.upper));
    body += element('rect', { x: lower, y: axisY - 4, width: Math.max(1, upper - lower), height: 8, rx: 4, fill: '#7FB8DA' }, `<title>${formatLevel(result.ci.level)} confidence interval ${formatInterval(result.ci)}</title>`);
    body += element('circle', { cx: x(result.score), cy: axisY, r: 6.5, fill: INK, stroke: '#FFFFFF', 'stroke-width': 2 });
    body += text(x(result.score), axisY - 11, formatNumber(result.score, 1), { 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700 });
    const description =
      `${scoreSentence(result)} ` +
      groups.map((group, index) => `${group.name} (${group.points}): ${shareText(index)}, ${countOf(group.count, 'answer')}`).join('; ') +
      `.${result.responses.skipped > 0 ? ` ${countOf(result.responses.skipped, 'skipped answer')} not scored.` : ''}`;
    return svgDocument({
      width: WIDTH,
      height: 192,
      label: `${scoreLine(result)}: ${shareText(2)} promoters, ${shareText(1)} passives, ${shareText(0)} detractors`,
      title: `NPS ${formatNumber(result.score, 1)}: detractors, passives and promoters`,
      description,
      body,
    });
  });
}
