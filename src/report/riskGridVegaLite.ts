import { guard } from '../internal/guard.js';
import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import { EFFORT_COLUMNS, RELATIONSHIP_ROWS } from '../loyalty/riskPolicy.js';
import { EFFORT_NAMES, RELATIONSHIP_NAMES, TIER_NAMES } from './describe.js';
import { countOf, formatCount, formatNumber } from './format.js';
import { OKABE_ITO } from './palette.js';
import { emptyVegaLite, vegaLiteSpec } from './vegaLite.js';
import type { VegaLiteSpec } from './VegaLiteSpec.js';

/**
 * The relationship × effort heat map of {@link riskGridSVG} as a Vega-Lite spec: one cell per
 * relationship and effort, shaded by its number of customers and labelled with the count and
 * the tier the policy gives the cell. Plain JSON with the data inline (no dependency); without
 * customers the spec says "no answers".
 *
 * @param risk - a result of `classifyLoyaltyRisk` or `classifyLoyaltyRiskAsync`
 * @returns the Vega-Lite spec
 *
 * @example
 * ```ts
 * import { classifyLoyaltyRisk, ingest, scales } from 'cx-metrics';
 * import { riskGridVegaLite } from 'cx-metrics/report';
 *
 * const nps = ingest([{ score: 3, customerId: 'A', submittedAt: '2026-09-01T10:00:00Z' }, { score: 10, customerId: 'B', submittedAt: '2026-09-01T10:00:00Z' }], { scale: scales.nps });
 * const spec = riskGridVegaLite(classifyLoyaltyRisk(nps.records));
 * (spec.data as { values: { relationship: string; effort: string; count: number }[] }).values.filter((cell) => cell.count > 0).map((cell) => [cell.relationship, cell.effort, cell.count]); // => [["Promoter", "Easy or none", 1], ["Detractor", "Easy or none", 1]]
 * ```
 */
export function riskGridVegaLite(risk: LoyaltyRiskResult): VegaLiteSpec {
  return guard('riskGridVegaLite', () => {
    const { summary, policy } = risk;
    const title = `Relationship × effort of ${countOf(summary.customers, 'customer')}`;
    if (summary.customers === 0) return emptyVegaLite(title, 'No customers to place in the relationship × effort table: no answers.');
    const most = Math.max(1, ...summary.cells.map((cell) => cell.count));
    const values = RELATIONSHIP_ROWS.flatMap((row) =>
      EFFORT_COLUMNS.map((column) => {
        const cell = summary.cells.find((candidate) => candidate.relationship === row && candidate.effort === column);
        const tier = TIER_NAMES[cell?.tier ?? policy.tiers[row][column]];
        const count = cell?.count ?? 0;
        return { relationship: RELATIONSHIP_NAMES[row], effort: EFFORT_NAMES[column], count, percent: cell?.rounded ?? 0, tier, label: `${formatCount(count)} · ${tier}`, dark: count / most > 0.55 };
      }),
    );
    return vegaLiteSpec(`${title}, customers per relationship and effort (tier of the cell): ${values.map((value) => `${value.relationship}, ${value.effort.toLowerCase()}: ${formatCount(value.count)} (${formatNumber(value.percent, 1)}%, ${value.tier})`).join('; ')}.`, {
      title: { text: title, subtitle: 'Darker = more customers; each cell names the tier the policy gives it' },
      width: 450,
      height: 240,
      data: { values },
      encoding: {
        x: { field: 'effort', type: 'nominal', sort: EFFORT_COLUMNS.map((column) => EFFORT_NAMES[column]), axis: { title: 'Effort in recent interactions', orient: 'top', labelAngle: 0 } },
        y: { field: 'relationship', type: 'nominal', sort: RELATIONSHIP_ROWS.map((row) => RELATIONSHIP_NAMES[row]), axis: { title: 'Relationship' } },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: '#FFFFFF', strokeWidth: 2 },
          encoding: {
            color: { field: 'count', type: 'quantitative', scale: { domain: [0, most], range: ['#F3F8FC', OKABE_ITO.blue] }, legend: { title: 'Customers' } },
            tooltip: [
              { field: 'relationship', type: 'nominal', title: 'Relationship' },
              { field: 'effort', type: 'nominal', title: 'Effort' },
              { field: 'count', type: 'quantitative', title: 'Customers' },
              { field: 'percent', type: 'quantitative', title: 'Share (%)', format: '.1f' },
              { field: 'tier', type: 'nominal', title: 'Tier' },
            ],
          },
        },
        {
          mark: { type: 'text', fontSize: 13 },
          encoding: { text: { field: 'label', type: 'nominal' }, color: { condition: { test: 'datum.dark', value: '#FFFFFF' }, value: '#1F2328' } },
        },
      ],
    });
  });
}
