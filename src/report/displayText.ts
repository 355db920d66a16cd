import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import type { Comparison } from '../metrics/ComparisonResult.js';
import type { MetricResult } from '../segments/metricFunctions.js';
import type { RollingWindowSeries } from '../segments/rollingWindows.js';
import type { SegmentTable } from '../segments/SegmentTable.js';
import type { TrendSeries } from '../segments/trend.js';
import { formatScore, roundedNPSShares, scoreLine, segmentsTitle, seriesSlots, seriesTitle, tierList } from './describe.js';
import { countOf, formatCount, formatDay, formatInterval, formatKey, formatLevel, formatNumber, formatPValue, METRIC_LABELS, methodName } from './format.js';

/** Plain text of a metric result, as a notebook prints it without HTML: the score line, the shares, where the answers went. */
export function metricText(result: MetricResult): string {
  const lines = [scoreLine(result)];
  if (result.score !== undefined) {
    lines.push(`  interval: ${methodName(result.ci.method)}`);
    if (result.metric === 'nps') {
      const [detractors, passives, promoters] = roundedNPSShares(result);
      lines.push(`  promoters ${formatNumber(promoters, 1)}%, passives ${formatNumber(passives, 1)}%, detractors ${formatNumber(detractors, 1)}%`);
    }
    if (result.metric === 'csat') lines.push(`  satisfied ${result.satisfied.min}–${result.satisfied.max}; mean ${formatNumber(result.mean.value, 2)} ${formatInterval(result.mean.ci)}`);
    if (result.metric === 'ces') lines.push(`  easy ${formatNumber(result.easy.percent, 1)}%, difficult ${formatNumber(result.difficult.percent, 1)}%, net easy ${formatNumber(result.netEasy.score, 1)} ${formatInterval(result.netEasy.ci)}`);
  }
  const { total, answered, skipped, invalid } = result.responses;
  lines.push(`  responses: ${formatCount(total)} (${formatCount(answered)} answered, ${formatCount(skipped)} skipped, ${formatCount(invalid)} invalid)`);
  return lines.join('\n');
}

/** The unit a difference of a metric is in, in words. */
function differenceUnit(metric: MetricResult['metric']): string {
  return metric === 'nps' ? 'points' : metric === 'csat' ? 'percentage points' : 'scale points';
}

/** Plain text of a comparison: the difference a − b with its interval, test and p-value, then both groups. */
export function comparisonText(comparison: Comparison<MetricResult>): string {
  const metric = comparison.a.metric;
  const head =
    comparison.difference === undefined
      ? `${METRIC_LABELS[metric]} a − b: no difference (a group has no answers to compare; ${methodName(comparison.test)})`
      : `${METRIC_LABELS[metric]} a − b: ${formatNumber(comparison.difference, metric === 'ces' ? 2 : 1)} ${differenceUnit(metric)} (${formatLevel(comparison.ci.level)} CI ${formatInterval(comparison.ci)}, ${methodName(comparison.test)}), p ${formatPValue(comparison.pValue)}`;
  return [head, `  a: ${scoreLine(comparison.a)}`, `  b: ${scoreLine(comparison.b)}`].join('\n');
}

/** Plain text of a segment table: the overall line, then one line per segment. */
export function segmentsText(table: SegmentTable): string {
  const labels = table.segments.map((segment) => formatKey(segment.key));
  const width = Math.min(24, Math.max(7, ...labels.map((label) => label.length)));
  const lines = [`${segmentsTitle(table)}: overall ${scoreLine(table.overall).replace(/^\w+:? /, '')}`];
  table.segments.forEach((segment, index) => {
    const label = (labels[index] ?? '').slice(0, width).padEnd(width);
    const n = `n = ${formatCount(segment.n)}`.padEnd(10);
    if (segment.suppressed) return lines.push(`  ${label}  ${n}  suppressed (n below ${formatCount(table.minimumN)})`);
    const result = segment.result;
    if (result?.score === undefined) return lines.push(`  ${label}  ${n}  no answers`);
    const comparison = segment.comparison === undefined ? '' : `  Δ vs ${segment.comparison.against} ${formatNumber(segment.comparison.difference, table.metric === 'ces' ? 2 : 1)}, p ${formatPValue(segment.comparison.adjustedPValue)} (${table.adjust})`;
    return lines.push(`  ${label}  ${n}  ${formatScore(table.metric, result.score)} ${formatInterval(result.ci)}${segment.reliable ? '' : ' (not reliable)'}${comparison}`);
  });
  return lines.join('\n');
}

/** Plain text of a trend or rolling series: the title, then one line per period. */
export function seriesText(series: TrendSeries | RollingWindowSeries): string {
  const slots = seriesSlots(series);
  const lines = [`${seriesTitle(series)}: ${countOf(slots.length, 'period')}, ${formatCount(series.rows.placed)} of ${countOf(series.rows.total, 'row')} placed`];
  for (const slot of slots) {
    const n = `n = ${formatCount(slot.n)}`.padEnd(10);
    lines.push(`  ${slot.label.padEnd(10)}  ${n}  ${slot.result.score === undefined ? 'no answers' : `${formatScore(series.metric, slot.result.score)} ${formatInterval(slot.result.ci)}${slot.reliable ? '' : ' (not reliable)'}`}`);
  }
  return lines.join('\n');
}

/** Plain text of a classification: the tiers, then the first customers of the worklist. */
export function riskText(risk: LoyaltyRiskResult): string {
  const lines = [`Loyalty risk of ${countOf(risk.summary.customers, 'customer')}${risk.asOf === undefined ? '' : ` as of ${formatDay(risk.asOf)}`}: ${risk.summary.customers === 0 ? 'no answers' : tierList(risk)}`];
  for (const customer of risk.customers.slice(0, 5)) lines.push(`  ${customer.customerId}  ${customer.tier} → ${customer.nextStep}: ${customer.explanation}`);
  if (risk.customers.length > 5) lines.push(`  … and ${countOf(risk.customers.length - 5, 'more customer')}`);
  return lines.join('\n');
}
