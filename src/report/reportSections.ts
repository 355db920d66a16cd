import type { RiskTierEvaluation } from '../loyalty/evaluateRiskTiers.js';
import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import type { MetricResult } from '../segments/metricFunctions.js';
import { directionNote, formatScore, roundedNPSShares, scaleName, segmentsTitle, seriesTitle, TIER_NAMES } from './describe.js';
import { distributionSVG } from './distributionSVG.js';
import { countOf, formatCount, formatDay, formatInterval, formatLevel, formatNumber, METRIC_LABELS, methodName } from './format.js';
import { evaluationTable, figure, qualityTable, riskRecordsTable, segmentsTable, seriesTable, worklistTable } from './htmlParts.js';
import { npsBarSVG } from './npsBarSVG.js';
import type { ReportMetric, ReportSource } from './ReportData.js';
import { riskGridSVG } from './riskGridSVG.js';
import { riskTiersSVG } from './riskTiersSVG.js';
import { segmentsSVG } from './segmentsSVG.js';
import { escapeMarkup } from './svg.js';
import { trendSVG } from './trendSVG.js';

/** Numbers figures through the report: "Figure 1", "Figure 2"… */
export class FigureCounter {
  #count = 0;

  /** A figure with the next number in its caption. */
  figure(svg: string, caption: string): string {
    this.#count++;
    return figure(svg, `Figure ${this.#count}. ${caption}`);
  }
}

/** What the score is, in words after the number: `points`, `% satisfied (4–5)`, `mean on 1–7 (higher is easier)`. */
function scoreUnitWords(result: MetricResult): string {
  if (result.metric === 'nps') return 'points';
  if (result.metric === 'csat') return `satisfied (${result.satisfied.min}–${result.satisfied.max})`;
  return `mean on ${result.scale.min}–${result.scale.max}${directionNote(result)}`;
}

/** The secondary figures of a metric: CSAT's mean, CES's easy, difficult and net easy. */
function secondary(result: MetricResult): string {
  if (result.score === undefined) return '';
  if (result.metric === 'csat') return `Mean answer ${formatNumber(result.mean.value, 2)} of ${result.scale.max} ${formatInterval(result.mean.ci)}.`;
  if (result.metric === 'ces') return `Easy ${formatNumber(result.easy.percent, 1)}% ${formatInterval(result.easy.ci)}, difficult ${formatNumber(result.difficult.percent, 1)}% ${formatInterval(result.difficult.ci)}, net easy ${formatNumber(result.netEasy.score, 1)} ${formatInterval(result.netEasy.ci)}.`;
  const [detractors, passives, promoters] = roundedNPSShares(result);
  return `Promoters ${formatNumber(promoters, 1)}%, passives ${formatNumber(passives, 1)}%, detractors ${formatNumber(detractors, 1)}% of ${countOf(result.n, 'answer')}.`;
}

/** The score cards at the top: one per metric, and the size of the worklist when risk was classified. */
export function scoreCards(metrics: readonly ReportMetric[], risk: LoyaltyRiskResult | undefined): string {
  const cards = metrics.map(({ column, result }, index) => {
    const name = METRIC_LABELS[result.metric];
    const detail = result.score === undefined ? `no answers · column ${column}` : `${formatLevel(result.ci.level)} CI ${formatInterval(result.ci)} · n = ${formatCount(result.n)}`;
    return `<li class="card"><a href="#metric-${index + 1}" class="name">${escapeMarkup(name)}</a><div class="value">${escapeMarkup(result.score === undefined ? '—' : formatScore(result.metric, result.score))}</div><div class="detail">${escapeMarkup(detail)}</div></li>`;
  });
  if (risk !== undefined) {
    const critical = risk.summary.tiers.find((tier) => tier.tier === 'critical')?.count ?? 0;
    const atRisk = risk.summary.tiers.find((tier) => tier.tier === 'at-risk')?.count ?? 0;
    cards.push(`<li class="card"><a href="#risk" class="name">Loyalty risk</a><div class="value">${escapeMarkup(formatCount(critical + atRisk))}</div><div class="detail">${escapeMarkup(`at risk or critical, of ${countOf(risk.summary.customers, 'customer')}`)}</div></li>`);
  }
  return `<ul class="cards" aria-label="Scores at a glance">${cards.join('')}</ul>`;
}

/** One metric: its score, charts, trend, segments and data quality. */
export function metricSection(metric: ReportMetric, index: number, figures: FigureCounter): string {
  const { result } = metric;
  const name = METRIC_LABELS[result.metric];
  const id = `metric-${index + 1}`;
  const level = result.ci === undefined ? '95%' : formatLevel(result.ci.level);
  let html = `<section class="block" id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${escapeMarkup(name)}</h2>`;
  html += `<p class="muted">From column <code>${escapeMarkup(metric.column)}</code> on the ${escapeMarkup(scaleName(result.scale))} scale.</p>`;
  html +=
    result.score === undefined
      ? `<p class="headline"><strong>—</strong> no answers (n = 0), so no score.</p>`
      : `<p class="headline"><strong>${escapeMarkup(formatScore(result.metric, result.score))}</strong> ${escapeMarkup(`${scoreUnitWords(result)} · ${level} CI ${formatInterval(result.ci)} (${methodName(result.ci.method)}) · n = ${formatCount(result.n)}`)}</p>`;
  const more = secondary(result);
  if (more !== '') html += `<p>${escapeMarkup(more)}</p>`;
  if (result.metric === 'nps') {
    html += figures.figure(npsBarSVG(result), `What the NPS is made of: detractors, passives and promoters as shares of the answers, and the score on its −100 to 100 scale with its ${level} confidence interval.`);
  }
  html += figures.figure(distributionSVG(result), `${name} answers per point of the scale, coloured by band (negative, neutral, positive).`);
  if (metric.trend !== undefined) {
    html += `<h3>Over time</h3>`;
    html += figures.figure(trendSVG(metric.trend), `${seriesTitle(metric.trend)}: the score per period with its ${level} confidence interval; × marks a period without answers, a hollow point one with too few answers to rely on.`);
    html += seriesTable(metric.trend);
  }
  if (metric.segments !== undefined) {
    html += `<h3>By segment</h3>`;
    html += figures.figure(segmentsSVG(metric.segments), `${segmentsTitle(metric.segments)}: each segment's score with its ${level} confidence interval, highest first; grey segments have fewer than ${formatCount(metric.segments.minimumN)} answers; the dashed line is the overall score.`);
    html += segmentsTable(metric.segments);
  }
  html += `<h3>Data quality</h3>${qualityTable(metric)}`;
  return `${html}</section>`;
}

/** The loyalty-risk section: tiers, the relationship × effort grid, the first of the worklist and where every record went. */
export function riskSection(risk: LoyaltyRiskResult, figures: FigureCounter, evaluation?: RiskTierEvaluation): string {
  const asOf = risk.asOf === undefined ? '' : ` as of ${formatDay(risk.asOf)}`;
  let html = `<section class="block" id="risk" aria-labelledby="risk-heading"><h2 id="risk-heading">Loyalty risk</h2>`;
  html += `<p class="muted">${escapeMarkup(`${countOf(risk.summary.customers, 'customer')}${asOf}, each placed by their relationship (NPS in the last ${formatNumber(risk.policy.relationshipWindow.days, 0)} days) and their recent effort (the last ${formatNumber(risk.policy.effortWindow.days, 0)} days).`)}</p>`;
  html += figures.figure(riskTiersSVG(risk), `Customers by tier${asOf}: ${risk.summary.tiers.map((tier) => `${TIER_NAMES[tier.tier]} ${formatCount(tier.count)}`).join(', ')}.`);
  html += figures.figure(riskGridSVG(risk), 'Customers per cell of the policy table, relationship by effort, with the tier the policy gives each cell.');
  if (risk.customers.length > 0) html += worklistTable(risk, 10);
  if (evaluation !== undefined) html += `<h3>Checked against outcomes</h3>${evaluationTable(evaluation)}`;
  html += riskRecordsTable(risk);
  return `${html}</section>`;
}

/** What was read and what was detected about the file. */
export function sourceSection(source: ReportSource | undefined): string {
  let html = `<section class="block" id="source" aria-labelledby="source-heading"><h2 id="source-heading">About the data</h2>`;
  if (source === undefined) return `${html}<p>No file: the results were computed from data passed in directly.</p></section>`;
  const format = `${source.format.toUpperCase()}${source.delimiter === undefined ? '' : `, delimiter ${source.delimiter === '\t' ? 'tab' : `"${source.delimiter}"`}`}`;
  const what =
    source.format === 'table'
      ? `Table ${source.name}, counted inside the database, columns read by name.`
      : `File ${source.name === '-' ? 'standard input' : source.name}, read as ${format}, columns read as a ${source.vendor} export.`;
  html += `<p>${escapeMarkup(what)}</p>`;
  if (source.notes.length > 0) html += `<h3>What was detected</h3><ul class="notes">${source.notes.map((note) => `<li>${escapeMarkup(note)}</li>`).join('')}</ul>`;
  return `${html}</section>`;
}
