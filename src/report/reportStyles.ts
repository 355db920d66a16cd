import { INK, MUTED, RULE } from './palette.js';
import { FONT_FAMILY } from './svg.js';

/**
 * The report's one stylesheet, inline: system fonts, a readable measure, tables that line up
 * numbers, and a print layout (A4 or Letter, no navigation, no figure or table split across pages).
 */
export const REPORT_STYLES: string = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #F6F8FA; color: ${INK}; font: 15px/1.5 ${FONT_FAMILY}; }
.page { max-width: 880px; margin: 0 auto; padding: 32px 24px 48px; }
header.report { margin-bottom: 24px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 6px; overflow-wrap: anywhere; }
h2 { font-size: 21px; margin: 0 0 4px; }
h3 { font-size: 16px; margin: 28px 0 8px; }
.lead, .muted { color: ${MUTED}; }
.lead { margin: 0 0 12px; }
nav ol { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 0; }
nav a { color: #0B5CAD; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 0 0 24px; padding: 0; list-style: none; }
.card { background: #FFFFFF; border: 1px solid ${RULE}; border-radius: 8px; padding: 12px 16px; }
.card .name { font-size: 13px; font-weight: 600; color: ${MUTED}; text-transform: uppercase; letter-spacing: 0.04em; }
.card .value { font-size: 30px; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
.card .detail { font-size: 13px; color: ${MUTED}; }
section.block { background: #FFFFFF; border: 1px solid ${RULE}; border-radius: 8px; padding: 24px; margin: 0 0 24px; }
.headline { margin: 0 0 16px; }
.headline strong { font-size: 26px; margin-right: 6px; font-variant-numeric: tabular-nums; }
figure { margin: 16px 0; }
figure svg { display: block; max-width: 100%; height: auto; }
.table-scroll { overflow-x: auto; }
figcaption { font-size: 13px; color: ${MUTED}; margin-top: 6px; max-width: 640px; }
table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 13.5px; }
caption { text-align: left; color: ${MUTED}; font-size: 13px; padding-bottom: 6px; }
th, td { text-align: left; padding: 5px 10px 5px 0; border-bottom: 1px solid ${RULE}; vertical-align: top; }
thead th { border-bottom: 2px solid ${MUTED}; font-weight: 600; }
tbody th { font-weight: 500; overflow-wrap: anywhere; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.quality { max-width: 720px; }
table.worklist td:last-child { min-width: 280px; }
table.worklist th, table.worklist td:not(:last-child) { white-space: nowrap; }
code { font-size: 0.92em; }
.notes { margin: 8px 0 0; padding-left: 20px; }
footer { color: ${MUTED}; font-size: 13px; margin-top: 24px; }
@media print {
  @page { margin: 14mm; }
  body { background: #FFFFFF; font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  nav { display: none; }
  section.block { border: none; padding: 0; margin: 0 0 18pt; }
  .card { break-inside: avoid; }
  figure, table, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.block + section.block { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`;
