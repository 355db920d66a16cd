import type { RiskTierEvaluation } from '../loyalty/evaluateRiskTiers.js';
import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import type { SegmentTable } from '../segments/SegmentTable.js';
import type { TimeSlot } from '../segments/collectDays.js';
import type { RollingWindowSeries } from '../segments/rollingWindows.js';
import type { TrendBucket, TrendSeries } from '../segments/trend.js';
import { formatScore, seriesSlots, TIER_NAMES } from './describe.js';
import { formatCount, formatDay, formatInterval, formatKey, formatLevel, formatNumber, formatPValue, METRIC_LABELS } from './format.js';
import type { ReportMetric } from './ReportData.js';
import { escapeMarkup } from './svg.js';

/** A table cell: text (escaped here, so data can never become markup), or a number shown right-aligned. */
export type Cell = string | { readonly text: string; readonly numeric: true };

/** A number cell. */
export function numeric(text: string): Cell {
  return { text, numeric: true };
}

/**
 * A table with a caption and a header row. Every cell is text and escaped here: the callers never
 * build markup from data, so a segment named `<script>` prints as text.
 */
export function htmlTable(caption: string, head: readonly Cell[], rows: readonly (readonly Cell[])[], className = ''): string {
  const cell = (tag: 'th' | 'td', value: Cell, scope?: string): string => {
    const text = typeof value === 'string' ? value : value.text;
    const attributes = `${typeof value === 'string' ? '' : ' class="num"'}${scope === undefined ? '' : ` scope="${scope}"`}`;
    return `<${tag}${attributes}>${escapeMarkup(text)}</${tag}>`;
  };
  // On a narrow screen a wide table scrolls in its own box instead of widening the page.
  return (
    `<div class="table-scroll"><table${className === '' ? '' : ` class="${escapeMarkup(className)}"`}><caption>${escapeMarkup(caption)}</caption>` +
    `<thead><tr>${head.map((value) => cell('th', value, 'col')).join('')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${row.map((value, index) => (index === 0 ? cell('th', value, 'row') : cell('td', value))).join('')}</tr>`).join('')}</tbody></table></div>`
  );
}

/** A chart in a figure with its caption; the SVG carries its own text alternative (`aria-label`, `<desc>`). */
export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeMarkup(caption)}</figcaption></figure>`;
}

/** Every segment of a table: n, score, interval, the comparison with the rest (or overall) and why a row has no score. */
export function segmentsTable(table: SegmentTable): string {
  const metric = table.metric;
  const against = table.segments.find((segment) => segment.comparison !== undefined)?.comparison?.against ?? 'rest';
  const level = table.overall.ci === undefined ? '95%' : formatLevel(table.overall.ci.level);
  const rows = table.segments.map((segment): Cell[] => {
    const result = segment.result;
    const comparison = segment.comparison;
    const note = segment.suppressed
      ? `suppressed (n below ${formatCount(table.minimumN)})`
      : result?.score === undefined
        ? 'no answers'
        : [segment.reliable ? '' : `not reliable (n below ${formatCount(table.minimumN)})`, comparison !== undefined && comparison.adjustedPValue < 0.05 ? `differs from the ${against}` : ''].filter((part) => part !== '').join('; ');
    return [
      formatKey(segment.key),
      numeric(formatCount(segment.n)),
      numeric(segment.suppressed ? '—' : formatScore(metric, result?.score)),
      numeric(segment.suppressed ? '—' : formatInterval(result?.ci)),
      numeric(comparison === undefined ? '—' : formatNumber(comparison.difference, metric === 'ces' ? 2 : 1)),
      numeric(comparison === undefined ? '—' : formatPValue(comparison.adjustedPValue).replace(/^= /, '')),
      note,
    ];
  });
  const by = table.by.length === 1 && table.by[0] === '(function)' ? 'Segment' : table.by.join(' × ');
  rows.push(['Overall', numeric(formatCount(table.overall.n)), numeric(formatScore(metric, table.overall.score)), numeric(formatInterval(table.overall.ci)), numeric(''), numeric(''), '']);
  return htmlTable(
    `${METRIC_LABELS[metric]} by ${by === 'Segment' ? 'segment' : by}: every segment, in table order. The difference is the segment minus the ${against}; p-values are adjusted over the table (${table.adjust}).`,
    [by, numeric('n'), numeric('Score'), numeric(`${level} CI`), numeric(`Δ vs ${against}`), numeric('p (adjusted)'), 'Note'],
    rows,
  );
}

/** Every period of a series: n, score, interval and, for a trend, the change from the period before with its p-value. */
export function seriesTable(series: TrendSeries | RollingWindowSeries): string {
  const metric = series.metric;
  const slots: readonly (TimeSlot & { readonly change?: TrendBucket['change'] })[] = seriesSlots(series);
  const isTrend = 'buckets' in series;
  const level = formatLevel(slots.find((slot) => slot.result.ci !== undefined)?.result.ci?.level ?? 0.95);
  const rows = slots.map((slot): Cell[] => {
    const change = slot.change;
    const note = slot.result.score === undefined ? 'no answers' : slot.reliable ? '' : 'not reliable (small n)';
    return [
      slot.label,
      numeric(formatCount(slot.n)),
      numeric(formatScore(metric, slot.result.score)),
      numeric(formatInterval(slot.result.ci)),
      ...(isTrend ? [numeric(change?.difference === undefined ? '—' : formatNumber(change.difference, metric === 'ces' ? 2 : 1)), numeric(change?.pValue === undefined ? '—' : formatPValue(change.pValue).replace(/^= /, ''))] : []),
      note,
    ];
  });
  return htmlTable(
    `${METRIC_LABELS[metric]} per period${isTrend ? '; the change is from the period before, with its two-sided p-value (not adjusted)' : ''}. Periods without answers are listed.`,
    ['Period', numeric('n'), numeric('Score'), numeric(`${level} CI`), ...(isTrend ? [numeric('Change'), numeric('p')] : []), 'Note'],
    rows,
  );
}

/** Where every row of a metric went: read, accepted, rejected by reason, excluded by reason, skipped and scored. */
export function qualityTable(metric: ReportMetric): string {
  const { ingest, result } = metric;
  const byReason = (counts: Readonly<Partial<Record<string, number>>>): string =>
    Object.entries(counts)
      .filter(([, count]) => (count ?? 0) > 0)
      .map(([reason, count]) => `${reason} ${formatCount(count ?? 0)}`)
      .join(', ');
  const rows: Cell[][] = [
    ['Rows read', numeric(formatCount(ingest.total)), ingest.headerRows > 0 ? `after ${formatCount(ingest.headerRows)} header or skipped rows` : ''],
    ['Accepted', numeric(formatCount(ingest.accepted)), 'rows that became records'],
    ['Rejected', numeric(formatCount(ingest.rejected)), ingest.rejected > 0 ? `issues by code: ${byReason(ingest.issueCounts)}` : ''],
    ['Excluded', numeric(formatCount(ingest.excluded)), ingest.excluded > 0 ? `by rule: ${byReason(ingest.excludedReasons)}` : ''],
    ['Skipped answers', numeric(formatCount(result.responses.skipped)), 'accepted rows without an answer: counted, not scored'],
    ...(result.responses.invalid > 0 ? [['Invalid answers', numeric(formatCount(result.responses.invalid)), 'answers off the scale, excluded'] as Cell[]] : []),
    ['Scored', numeric(formatCount(result.n)), `answers the ${METRIC_LABELS[result.metric]} is computed from`],
  ];
  if (ingest.absentColumns.length > 0) rows.push(['Absent columns', numeric(formatCount(ingest.absentColumns.length)), `named but in no row: ${ingest.absentColumns.join(', ')}`]);
  return htmlTable(`Data quality of column ${metric.column}: where every row went.`, ['Stage', numeric('Rows'), 'Detail'], rows, 'quality');
}

/** Where every record of a classification went. */
export function riskRecordsTable(risk: LoyaltyRiskResult): string {
  const records = risk.summary.records;
  const rows: Cell[][] = [
    ['Records read', numeric(formatCount(records.total)), ''],
    ['Relationship answers', numeric(formatCount(records.relationship)), "each contact's latest NPS answer"],
    ['Superseded', numeric(formatCount(records.superseded)), 'older NPS answers of a contact'],
    ['Interactions', numeric(formatCount(records.interactions)), 'transactional answers in the effort window'],
    ['Before the effort window', numeric(formatCount(records.beforeEffortWindow)), 'transactional answers too old to count'],
    ['Skipped', numeric(formatCount(records.skipped)), 'answers left empty'],
    ['Other metric', numeric(formatCount(records.otherMetric)), 'records of a metric the policy does not read'],
    ['Undated', numeric(formatCount(records.undated)), 'records without a time'],
    ['After the as-of date', numeric(formatCount(records.afterAsOf)), ''],
    ['No customer', numeric(formatCount(records.noCustomer)), 'neither a customer nor a respondent id'],
  ];
  return htmlTable('Where every record of the classification went.', ['Stage', numeric('Records'), 'Detail'], rows, 'quality');
}

/** The first customers of the worklist (critical first), with their tier, next step and reasons. */
export function worklistTable(risk: LoyaltyRiskResult, limit: number): string {
  const rows = risk.customers.slice(0, limit).map((customer): Cell[] => [customer.customerId, TIER_NAMES[customer.tier], customer.nextStep, formatDay(customer.lastAnswerAt), customer.explanation]);
  return htmlTable(`Worklist: the first ${formatCount(rows.length)} of ${formatCount(risk.customers.length)} customers, most at risk first.`, ['Customer', 'Tier', 'Next step', 'Last answer', 'Why'], rows, 'worklist');
}

/** How often each tier's customers churned afterwards, with the trend test: the calibration of the policy on known outcomes. */
export function evaluationTable(evaluation: RiskTierEvaluation): string {
  const rows = evaluation.tiers.map((tier): Cell[] => [
    TIER_NAMES[tier.tier],
    numeric(formatCount(tier.withOutcome)),
    numeric(formatCount(tier.events.count)),
    numeric(tier.events.percent === undefined ? '—' : `${formatNumber(tier.events.percent, 1)}%`),
    numeric(tier.events.ci === undefined ? '—' : `[${formatNumber(tier.events.ci.lower, 1)}, ${formatNumber(tier.events.ci.upper, 1)}]`),
  ]);
  const trend = evaluation.trend === undefined ? (evaluation.trendNote ?? 'no trend test') : `one-sided p = ${evaluation.trend.pValueIncreasing.toPrecision(2)} that churn rises with the tier (Cochran–Armitage)`;
  return htmlTable(`Churn per tier, for the ${formatCount(evaluation.withOutcome)} of ${formatCount(evaluation.customers)} customers with a known outcome; ${trend}.`, ['Tier', numeric('Customers'), numeric('Churned'), numeric('Rate'), numeric('95% CI')], rows, 'quality');
}
