import { guard } from '../internal/guard.js';
import type { LoyaltyRiskResult, RiskCell } from '../loyalty/LoyaltyRiskResult.js';
import { EFFORT_COLUMNS, RELATIONSHIP_ROWS } from '../loyalty/riskPolicy.js';
import { EFFORT_NAMES, RELATIONSHIP_NAMES, TIER_NAMES, transactionalNames } from './describe.js';
import { countOf, formatCount, formatNumber } from './format.js';
import { INK, MUTED, OKABE_ITO, RULE, TIER_COLORS, mix, textColorOn } from './palette.js';
import { element, emptyMessage, svgDocument, text } from './svg.js';

const WIDTH = 640;
const LEFT = 16;
const HEADER_WIDTH = 136;
const TOP = 86;
const CELL_HEIGHT = 60;
const CELL_WIDTH = (WIDTH - LEFT * 2 - HEADER_WIDTH) / EFFORT_COLUMNS.length;
const LIGHTEST = '#F3F8FC';

/**
 * Draws the relationship × effort table of a classification as a heat map: one cell per
 * relationship (promoter, passive, detractor, unknown or stale) and effort (easy or none, one
 * high-effort interaction, repeated), shaded by how many customers are in it and labelled with
 * the count, its share and the tier the policy gives the cell. It shows where the portfolio sits
 * in the policy, such as many promoters with one hard interaction (a service-recovery case, not
 * a churn risk). Cells count customers before the drop rule raises a tier.
 *
 * The shade is one hue (Okabe–Ito blue) from light to dark, readable in any colour vision; the
 * counts are printed in every cell. The SVG is self-contained and accessible (`role="img"`,
 * `aria-label`, `<title>`, a `<desc>` that lists every cell); without customers it says
 * "no answers".
 *
 * @param risk - a result of `classifyLoyaltyRisk` or `classifyLoyaltyRiskAsync`
 * @returns the SVG document as a string
 *
 * @example
 * ```ts
 * import { classifyLoyaltyRisk, ingest, scales } from 'cx-metrics';
 * import { riskGridSVG } from 'cx-metrics/report';
 *
 * const nps = ingest([{ score: 3, customerId: 'A', submittedAt: '2026-09-01T10:00:00Z' }, { score: 10, customerId: 'B', submittedAt: '2026-09-01T10:00:00Z' }], { scale: scales.nps });
 * const svg = riskGridSVG(classifyLoyaltyRisk(nps.records));
 * /aria-label="([^"]*)"/.exec(svg)?.[1]; // => "Relationship × effort of 2 customers: most in promoter, easy or none (1, 50.0%)"
 * ```
 */
export function riskGridSVG(risk: LoyaltyRiskResult): string {
  return guard('riskGridSVG', () => {
    const { summary, policy } = risk;
    const title = `Relationship × effort of ${countOf(summary.customers, 'customer')}`;
    let body = text(LEFT, 26, title, { 'font-size': 15, 'font-weight': 700 });
    body += text(LEFT, 44, `Relationship from NPS in the last ${formatNumber(policy.relationshipWindow.days, 0)} days, effort from ${transactionalNames(policy)} in the last ${formatNumber(policy.effortWindow.days, 0)}; darker = more customers`, { fill: MUTED, 'font-size': 12 });
    if (summary.customers === 0) {
      return svgDocument({
        width: WIDTH,
        height: 124,
        label: `${title}: no answers`,
        title: `${title}: no answers`,
        description: `No customers to place in the relationship × effort table: no answers. ${countOf(summary.records.total, 'record')} read.`,
        body: body + emptyMessage(LEFT, 56, WIDTH - LEFT * 2, 52, 'no answers'),
      });
    }
    const cellOf = (row: RiskCell['relationship'], column: RiskCell['effort']): RiskCell | undefined => summary.cells.find((cell) => cell.relationship === row && cell.effort === column);
    const most = Math.max(1, ...summary.cells.map((cell) => cell.count));
    const gridLeft = LEFT + HEADER_WIDTH;
    body += text(gridLeft + (CELL_WIDTH * EFFORT_COLUMNS.length) / 2, 64, 'Effort in recent interactions', { 'text-anchor': 'middle', fill: MUTED, 'font-size': 12 });
    EFFORT_COLUMNS.forEach((column, index) => {
      body += text(gridLeft + (index + 0.5) * CELL_WIDTH, TOP - 6, EFFORT_NAMES[column], { 'text-anchor': 'middle', 'font-weight': 600 });
    });
    body += text(LEFT, TOP - 6, 'Relationship', { fill: MUTED, 'font-size': 12 });
    RELATIONSHIP_ROWS.forEach((row, rowIndex) => {
      const y = TOP + rowIndex * CELL_HEIGHT;
      body += text(LEFT, y + CELL_HEIGHT / 2 + 5, RELATIONSHIP_NAMES[row], { 'font-weight': 600 });
      EFFORT_COLUMNS.forEach((column, columnIndex) => {
        const cell = cellOf(row, column);
        const count = cell?.count ?? 0;
        const x = gridLeft + columnIndex * CELL_WIDTH;
        const fill = count === 0 ? '#FFFFFF' : mix(LIGHTEST, OKABE_ITO.blue, 0.15 + (0.85 * count) / most);
        const ink = textColorOn(fill);
        const tier = cell?.tier ?? policy.tiers[row][column];
        const share = `${formatNumber(cell?.rounded ?? 0, 1)}%`;
        body += element('rect', { x: x + 1, y: y + 1, width: CELL_WIDTH - 2, height: CELL_HEIGHT - 2, fill, stroke: RULE, rx: 3 }, `<title>${RELATIONSHIP_NAMES[row]}, ${EFFORT_NAMES[column].toLowerCase()}: ${formatCount(count)} customers (${share}), tier ${TIER_NAMES[tier]}</title>`);
        body += text(x + 12, y + 26, formatCount(count), { fill: ink, 'font-size': 18, 'font-weight': 700 });
        body += text(x + CELL_WIDTH - 10, y + 26, share, { 'text-anchor': 'end', fill: ink, 'font-size': 12 });
        // The tier tag: a swatch in the tier's colour (outlined, so a yellow one shows on white) and its name.
        body += element('circle', { cx: x + 17, cy: y + 44, r: 5, fill: TIER_COLORS[tier], stroke: ink === INK ? INK : '#FFFFFF', 'stroke-width': 1 });
        body += text(x + 27, y + 48, TIER_NAMES[tier], { fill: ink, 'font-size': 12 });
      });
    });
    const cells = RELATIONSHIP_ROWS.flatMap((row) => EFFORT_COLUMNS.map((column) => ({ row, column, cell: cellOf(row, column) })));
    const busiest = cells.reduce((best, entry) => ((entry.cell?.count ?? 0) > (best.cell?.count ?? 0) ? entry : best));
    const bottom = TOP + RELATIONSHIP_ROWS.length * CELL_HEIGHT;
    body += text(LEFT, bottom + 22, 'Tag: the tier the policy gives the cell (a drop in the relationship may raise a customer one tier).', { fill: MUTED, 'font-size': 12 });
    return svgDocument({
      width: WIDTH,
      height: bottom + 36,
      label: `${title}: most in ${RELATIONSHIP_NAMES[busiest.row].toLowerCase()}, ${EFFORT_NAMES[busiest.column].toLowerCase()} (${formatCount(busiest.cell?.count ?? 0)}, ${formatNumber(busiest.cell?.rounded ?? 0, 1)}%)`,
      title: `${title}: customers per cell of the policy table`,
      description: `${title}, customers per relationship and effort (tier of the cell): ${cells
        .map(({ row, column, cell }) => `${RELATIONSHIP_NAMES[row]}, ${EFFORT_NAMES[column].toLowerCase()}: ${formatCount(cell?.count ?? 0)} (${formatNumber(cell?.rounded ?? 0, 1)}%, ${TIER_NAMES[cell?.tier ?? policy.tiers[row][column]]})`)
        .join('; ')}.`,
      body,
    });
  });
}
