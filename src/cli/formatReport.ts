import type { MetricResult } from '../segments/metricFunctions.js';
import type { ReportData, ReportMetric } from '../report/ReportData.js';
import { digitsOf, formatInterval, formatNumber, METRIC_LABELS } from '../report/format.js';
import { type Column, formatTable, type Style } from './formatTable.js';

/** The output formats of `cx-metrics report`. */
export type ReportFormat = 'text' | 'json' | 'csv' | 'markdown' | 'html';

/** What a score is in: points for NPS and net scores, percent for CSAT, the scale's own numbers for a CES mean. */
function unitWord(result: MetricResult): string {
  const unit = result.ci?.unit;
  // A CES mean says which way is easy: CES 2.0 agreement (higher) or CES 1.0 effort (lower).
  const direction = result.metric === 'ces' ? ` (${result.scale.id}: ${result.scale.polarity === 'lower-is-better' ? 'lower' : 'higher'} is easier)` : '';
  return unit === 'points' ? 'points' : unit === 'percent' ? '%' : unit === 'scale' ? `of ${result.scale.min}–${result.scale.max}${direction}` : '';
}

/** The interval column's title: its level, as the overall result has it. */
const ciTitle = (result: MetricResult): string => `${result.ci === undefined ? 95 : Math.round(result.ci.level * 1000) / 10}% CI`;

const score = (result: MetricResult | undefined): string => (result?.ci === undefined ? '—' : formatNumber(result.score, digitsOf(result.ci.unit)));

/** Where a metric's rows went, in one sentence. */
export function accounting(metric: ReportMetric): string {
  const { ingest, result } = metric;
  const reasons = Object.entries(ingest.issueCounts)
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  const excluded = Object.entries(ingest.excludedReasons)
    .map(([reason, count]) => `${reason}: ${count}`)
    .join(', ');
  return (
    `${ingest.total} rows: ${result.n} scored, ${result.responses.skipped} skipped, ${ingest.rejected} rejected${reasons === '' ? '' : ` (${reasons})`}` +
    // Counted inside a database, a cell off the scale is an invalid answer, not a rejected row.
    `${result.responses.invalid > 0 ? `, ${result.responses.invalid} invalid (off the scale or not a number)` : ''}` +
    `${ingest.excluded > 0 ? `, ${ingest.excluded} excluded (${excluded})` : ''}`
  );
}

/** The report as aligned text tables: what a terminal shows. */
export function formatText(data: ReportData, style: Style, markdown = false): string {
  const out: string[] = [];
  const heading = (text: string, level: number): void => {
    out.push(markdown ? `${'#'.repeat(level)} ${text}` : level === 1 ? style.bold(text) : style.bold(text));
  };
  heading(data.title, 1);
  if (data.source !== undefined) {
    out.push('');
    for (const note of data.source.notes) out.push(markdown ? `- ${note}` : `  ${style.dim(note)}`);
  }
  for (const metric of data.metrics) {
    const { result } = metric;
    const label = METRIC_LABELS[result.metric];
    out.push('');
    heading(`${label} (column ${metric.column})`, 2);
    if (markdown) out.push('');
    const level = result.ci === undefined ? '' : `${Math.round(result.ci.level * 1000) / 10}% CI `;
    const line = `${label} ${score(result)} ${unitWord(result)}   ${level}${formatInterval(result.ci)}${result.ci === undefined ? '' : ` (${result.ci.method})`}   n ${result.n}${result.weighted ? ` (effective ${formatNumber(result.effectiveN, 1)}, ${result.varianceMethod})` : ''}`;
    out.push(markdown ? `**${line.trim()}**` : `  ${style.bold(line)}`);
    if (markdown) out.push('');
    out.push(markdown ? accounting(metric) : `  ${accounting(metric)}`);
    const table = (columns: readonly Column[], rows: readonly (readonly string[])[], dim: readonly boolean[]): void => {
      out.push('');
      for (const row of formatTable(columns, rows, markdown, style, dim)) out.push(markdown ? row : `  ${row}`);
    };
    if (metric.segments !== undefined) {
      const segments = metric.segments;
      const adjust = segments.adjust === 'holm' ? 'Holm' : segments.adjust === 'bonferroni' ? 'Bonferroni' : 'BH';
      const columns: Column[] = [...segments.by.map((name) => ({ title: name })), { title: 'n', right: true }, { title: label, right: true }, { title: ciTitle(result), right: true }, { title: `Δ vs ${segments.segments[0]?.comparison?.against ?? 'rest'}`, right: true }, { title: `p (${adjust})`, right: true }, { title: 'note' }];
      const rows = segments.segments.map((segment) => [
        ...segment.key.map((part) => (part === undefined ? '(none)' : String(part))),
        String(segment.n),
        segment.suppressed ? 'hidden' : score(segment.result),
        formatInterval(segment.result?.ci),
        segment.comparison === undefined ? '' : signed(segment.comparison.difference, digitsOf(segment.comparison.ci.unit)),
        segment.comparison === undefined ? '' : segment.comparison.adjustedPValue.toFixed(3),
        segment.reliable ? (segment.comparison !== undefined && segment.comparison.adjustedPValue < 0.05 ? 'differs' : '') : `small (n < ${segments.minimumN})`,
      ]);
      table(columns, rows, segments.segments.map((segment) => !segment.reliable));
    }
    if (metric.trend !== undefined) {
      const series = metric.trend;
      const columns: Column[] = [{ title: series.unit === 'isoWeek' ? 'week' : series.unit }, { title: 'n', right: true }, { title: label, right: true }, { title: ciTitle(result), right: true }, { title: 'change', right: true }, { title: 'p', right: true }, { title: 'note' }];
      const rows = series.buckets.map((bucket) => [
        bucket.label,
        String(bucket.n),
        score(bucket.result),
        formatInterval(bucket.result.ci),
        bucket.change?.difference === undefined ? '' : signed(bucket.change.difference, digitsOf(bucket.change.ci?.unit ?? 'points')),
        bucket.change?.pValue === undefined ? '' : bucket.change.pValue.toFixed(3),
        bucket.n === 0 ? 'no answers' : bucket.reliable ? '' : 'small',
      ]);
      table(columns, rows, series.buckets.map((bucket) => !bucket.reliable));
      const { undated, invalidTime, outOfRange } = series.rows;
      if (undated + invalidTime + outOfRange > 0) out.push(`${markdown ? '' : '  '}in no ${series.unit === 'isoWeek' ? 'week' : series.unit}: ${undated} without a time, ${invalidTime} with an invalid time, ${outOfRange} out of range`);
    }
  }
  if (data.risk !== undefined) out.push('', ...formatRiskText(data, style, markdown));
  return `${out.join('\n')}\n`;
}

/** The loyalty-risk summary and the start of the worklist. */
export function formatRiskText(data: ReportData, style: Style, markdown: boolean, limit = 20): string[] {
  const risk = data.risk;
  if (risk === undefined) return [];
  const out: string[] = [];
  const day = risk.asOf?.toISOString().slice(0, 10) ?? '—';
  out.push(markdown ? `## Loyalty risk` : style.bold('Loyalty risk'));
  const indent = markdown ? '' : '  ';
  out.push(`${indent}${risk.summary.customers} customers as of ${day}: ${risk.summary.tiers.map((tier) => `${tier.tier} ${tier.count} (${tier.rounded ?? 0}%)`).join(', ')}`);
  // Where every record went, so a record the classifier could not use is never lost silently.
  const records = risk.summary.records;
  const used = (Object.entries(records) as [keyof typeof records, number][]).filter(([key, count]) => key !== 'total' && count > 0).map(([key, count]) => `${RECORD_WORDS[key]} ${count}`);
  out.push(`${indent}${records.total} records read: ${used.join(', ') || 'none'}`);
  if (risk.summary.segments !== undefined) {
    const tiers = risk.summary.tiers.map((tier) => tier.tier);
    const rows = risk.summary.segments.map((segment) => [segment.key.map((part) => (part === undefined ? '(none)' : String(part))).join(' / '), String(segment.customers), ...tiers.map((tier) => String(segment.tiers.find((count) => count.tier === tier)?.count ?? 0))]);
    out.push('');
    for (const row of formatTable([{ title: 'segment' }, { title: 'customers', right: true }, ...tiers.map((tier) => ({ title: tier, right: true }))], rows, markdown, style, rows.map(() => false))) out.push(markdown ? row : `  ${row}`);
  }
  const columns: Column[] = [{ title: 'customer' }, { title: 'tier' }, { title: 'next step' }, { title: 'why' }];
  // The full explanation is in csv and json; a terminal line keeps its start.
  const brief = (text: string): string => (markdown || [...text].length <= 100 ? text : `${[...text].slice(0, 99).join('')}…`);
  const rows = risk.customers.slice(0, limit).map((customer) => [customer.customerId, customer.tier, customer.nextStep, brief(customer.explanation)]);
  out.push('');
  for (const row of formatTable(columns, rows, markdown, style, rows.map(() => false))) out.push(markdown ? row : `  ${row}`);
  if (risk.customers.length > limit) out.push(`${markdown ? '' : '  '}… and ${risk.customers.length - limit} more (--format csv or json lists every customer)`);
  return out;
}

/** How the record accounting of the classifier reads. */
const RECORD_WORDS: Readonly<Record<string, string>> = {
  relationship: 'latest NPS of a contact',
  superseded: 'older NPS',
  interactions: 'interactions in the effort window',
  beforeEffortWindow: 'interactions before it',
  skipped: 'skipped answers',
  otherMetric: 'of a metric the policy does not read',
  undated: 'without a time (not used)',
  afterAsOf: 'after the as-of date (not used)',
  noCustomer: 'without a customer or respondent id (not used)',
};

function signed(value: number, digits: number): string {
  const text = formatNumber(value, digits);
  return value > 0 && text !== formatNumber(0, digits) ? `+${text}` : text;
}

/** One CSV row per score: the overall, each segment, each period; numbers in full precision. */
export function formatCSV(data: ReportData): string {
  const header = ['metric', 'column', 'group', 'key', 'n', 'score', 'lower', 'upper', 'level', 'method', 'standard_error', 'reliable', 'difference', 'p_value', 'adjusted_p_value'];
  const lines = [header.join(',')];
  const push = (metric: ReportMetric, group: string, key: string, n: number, result: MetricResult | undefined, reliable: boolean, difference?: number, pValue?: number, adjusted?: number): void => {
    const cells = [result?.metric ?? metric.result.metric, metric.column, group, key, n, result?.score, result?.ci?.lower, result?.ci?.upper, result?.ci?.level, result?.ci?.method, result?.standardError, reliable, difference, pValue, adjusted];
    lines.push(cells.map(csvCell).join(','));
  };
  for (const metric of data.metrics) {
    push(metric, 'overall', '', metric.result.n, metric.result, true);
    for (const segment of metric.segments?.segments ?? []) {
      push(metric, 'segment', segment.key.map((part) => (part === undefined ? '' : String(part))).join(' / '), segment.n, segment.result, segment.reliable, segment.comparison?.difference, segment.comparison?.pValue, segment.comparison?.adjustedPValue);
    }
    for (const bucket of metric.trend?.buckets ?? []) push(metric, metric.trend?.unit ?? 'period', bucket.label, bucket.n, bucket.result, bucket.reliable, bucket.change?.difference, bucket.change?.pValue);
  }
  return `${lines.join('\n')}\n`;
}

/** A CSV cell: quoted when it must be (RFC 4180), empty for no value. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as JSON with the library's own names (`score`, `ci`, `n`, `standardError`,
 * `responses` with `skipped` and `invalid`…): a scale becomes its id, and tallies are left out.
 */
export function formatJSON(data: ReportData): string {
  return `${JSON.stringify(
    data,
    function replacer(this: unknown, key, value: unknown) {
      if (key === 'tally' || key === 'policy') return undefined;
      if (key === 'scale' && typeof value === 'object' && value !== null && 'id' in value) return (value as { id: string }).id;
      return value;
    },
    2,
  )}\n`;
}
