import { guard } from '../internal/guard.js';
import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import { TIER_NAMES, tierList } from './describe.js';
import { countOf, formatDay, formatNumber } from './format.js';
import { INK, TIER_COLORS } from './palette.js';
import { emptyVegaLite, vegaLiteSpec } from './vegaLite.js';
import type { VegaLiteSpec } from './VegaLiteSpec.js';

/**
 * The tier chart of {@link riskTiersSVG} as a Vega-Lite spec: every customer in one bar stacked
 * by tier, stable to critical, then unknown, with counts and rounded shares. Plain JSON with the
 * data inline (no dependency); without customers the spec says "no answers".
 *
 * @param risk - a result of `classifyLoyaltyRisk` or `classifyLoyaltyRiskAsync`
 * @returns the Vega-Lite spec
 *
 * @example
 * ```ts
 * import { classifyLoyaltyRisk, ingest, scales } from 'cx-metrics';
 * import { riskTiersVegaLite } from 'cx-metrics/report';
 *
 * const nps = ingest([{ score: 3, customerId: 'A', submittedAt: '2026-09-01T10:00:00Z' }, { score: 10, customerId: 'B', submittedAt: '2026-09-01T10:00:00Z' }], { scale: scales.nps });
 * const spec = riskTiersVegaLite(classifyLoyaltyRisk(nps.records));
 * (spec.data as { values: { tier: string; count: number }[] }).values.map((row) => `${row.tier} ${row.count}`); // => ["stable 1", "watch 0", "at risk 1", "critical 0", "unknown 0"]
 * ```
 */
export function riskTiersVegaLite(risk: LoyaltyRiskResult): VegaLiteSpec {
  return guard('riskTiersVegaLite', () => {
    const { summary } = risk;
    const title = `Loyalty risk of ${countOf(summary.customers, 'customer')}`;
    if (summary.customers === 0) return emptyVegaLite(title, 'No customers to classify: no answers.');
    const tiers = summary.tiers.map((tier) => TIER_NAMES[tier.tier]);
    let start = 0;
    const values = summary.tiers.map((tier, order) => {
      const middle = start + tier.count / 2;
      start += tier.count;
      const share = `${formatNumber(tier.rounded, 1)}%`;
      return { tier: TIER_NAMES[tier.tier], order, count: tier.count, percent: tier.rounded ?? 0, middle, label: tier.count / summary.customers >= 0.06 ? share : '' };
    });
    return vegaLiteSpec(`${title}${risk.asOf === undefined ? '' : ` as of ${formatDay(risk.asOf)}`}, by tier: ${tierList(risk)}.`, {
      title: { text: title, subtitle: risk.asOf === undefined ? 'Tiers from relationship and recent effort' : `As of ${formatDay(risk.asOf)}` },
      width: 560,
      height: 40,
      data: { values },
      layer: [
        {
          mark: { type: 'bar', stroke: '#FFFFFF', strokeWidth: 1 },
          encoding: {
            x: { field: 'count', type: 'quantitative', stack: 'zero', scale: { domain: [0, summary.customers] }, axis: { title: 'Customers' } },
            order: { field: 'order', type: 'quantitative' },
            color: { field: 'tier', type: 'nominal', sort: tiers, scale: { domain: tiers, range: summary.tiers.map((tier) => TIER_COLORS[tier.tier]) }, legend: { orient: 'bottom', title: null } },
            tooltip: [
              { field: 'tier', type: 'nominal', title: 'Tier' },
              { field: 'count', type: 'quantitative', title: 'Customers' },
              { field: 'percent', type: 'quantitative', title: 'Share (%)', format: '.1f' },
            ],
          },
        },
        { mark: { type: 'text', fontWeight: 600, color: INK }, encoding: { x: { field: 'middle', type: 'quantitative', stack: null }, text: { field: 'label', type: 'nominal' } } },
      ],
    });
  });
}
