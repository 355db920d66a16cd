import { guard } from '../internal/guard.js';
import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import { TIER_NAMES, tierList, transactionalNames } from './describe.js';
import { countOf, formatCount, formatDay, formatNumber } from './format.js';
import { MUTED, TIER_COLORS, textColorOn } from './palette.js';
import { element, emptyMessage, legendRows, linear, svgDocument, text, textWidth } from './svg.js';

const WIDTH = 640;
const LEFT = 16;
const RIGHT = WIDTH - 16;

/**
 * Draws the loyalty tiers of a classification as one bar of all customers stacked by tier, from
 * stable to critical, then unknown, with the count and share of each, so the size of the
 * worklist is seen against the whole portfolio. Shares are the result's rounded ones (largest
 * remainders, adding up to 100). Tier colours run from Okabe–Ito's green through yellow and orange
 * to vermillion; unknown is grey, and every tier is named in the legend, not told by colour alone.
 *
 * The SVG is self-contained and accessible (`role="img"`, `aria-label`, `<title>`, a `<desc>`
 * with every tier's count and share); without customers it says "no answers".
 *
 * @param risk - a result of `classifyLoyaltyRisk` or `classifyLoyaltyRiskAsync`
 * @returns the SVG document as a string
 *
 * @example
 * ```ts
 * import { classifyLoyaltyRisk, ingest, scales } from 'cx-metrics';
 * import { riskTiersSVG } from 'cx-metrics/report';
 *
 * const nps = ingest([{ score: 3, customerId: 'A', submittedAt: '2026-09-01T10:00:00Z' }, { score: 10, customerId: 'B', submittedAt: '2026-09-01T10:00:00Z' }], { scale: scales.nps });
 * const svg = riskTiersSVG(classifyLoyaltyRisk(nps.records));
 * /aria-label="([^"]*)"/.exec(svg)?.[1]; // => "Loyalty risk of 2 customers: stable 1 (50.0%), watch 0 (0.0%), at risk 1 (50.0%), critical 0 (0.0%), unknown 0 (0.0%)"
 * ```
 */
export function riskTiersSVG(risk: LoyaltyRiskResult): string {
  return guard('riskTiersSVG', () => {
    const { summary } = risk;
    const title = `Loyalty risk of ${countOf(summary.customers, 'customer')}`;
    let body = text(LEFT, 26, title, { 'font-size': 15, 'font-weight': 700 });
    body += text(LEFT, 44, `${risk.asOf === undefined ? 'Each' : `As of ${formatDay(risk.asOf)}, each`} customer's tier from their relationship (NPS) and recent effort (${transactionalNames(risk.policy)})`, { fill: MUTED, 'font-size': 12 });
    if (summary.customers === 0) {
      return svgDocument({
        width: WIDTH,
        height: 124,
        label: `${title}: no answers`,
        title: `${title}: no answers`,
        description: `No customers to classify: no answers. ${countOf(summary.records.total, 'record')} read.`,
        body: body + emptyMessage(LEFT, 56, RIGHT - LEFT, 52, 'no answers'),
      });
    }
    const x = linear([0, summary.customers], [LEFT, RIGHT]);
    let at = 0;
    for (const tier of summary.tiers) {
      const start = x(at);
      const width = x(at + tier.count) - start;
      at += tier.count;
      if (tier.count === 0) continue;
      const fill = TIER_COLORS[tier.tier];
      const share = `${formatNumber(tier.rounded, 1)}%`;
      body += element('rect', { x: start, y: 56, width, height: 36, fill, stroke: '#FFFFFF', 'stroke-width': 1 }, `<title>${TIER_NAMES[tier.tier]}: ${formatCount(tier.count)} (${share})</title>`);
      if (width >= textWidth(share, 13) + 10) body += text(start + width / 2, 79, share, { 'text-anchor': 'middle', fill: textColorOn(fill), 'font-weight': 600 });
    }
    const legend = legendRows(
      summary.tiers.map((tier) => ({ color: TIER_COLORS[tier.tier], label: `${TIER_NAMES[tier.tier]} ${formatCount(tier.count)} (${formatNumber(tier.rounded, 1)}%)` })),
      LEFT,
      118,
      RIGHT,
      4,
    );
    body += legend.markup;
    return svgDocument({
      width: WIDTH,
      height: legend.bottom + 16,
      label: `${title}: ${tierList(risk)}`,
      title: `${title} by tier`,
      description: `${title} as of ${formatDay(risk.asOf)}, by tier: ${tierList(risk)}. Shares are rounded to add up to 100%.`,
      body,
    });
  });
}
