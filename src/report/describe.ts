import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import type { EffortColumn, RelationshipRow, RiskPolicy, RiskTier } from '../loyalty/riskPolicy.js';
import type { NPSResult } from '../metrics/computeNPS.js';
import type { MetricKind, Scale, Sentiment } from '../scales/defineScale.js';
import { roundShares } from '../stats/roundShares.js';
import type { MetricResult } from '../segments/metricFunctions.js';
import type { TimeUnit } from '../segments/calendar.js';
import type { TimeSlot } from '../segments/collectDays.js';
import type { RollingWindowSeries } from '../segments/rollingWindows.js';
import type { SegmentRow, SegmentTable } from '../segments/SegmentTable.js';
import type { TrendSeries } from '../segments/trend.js';
import { digitsOf, formatCount, formatInterval, formatKey, formatLevel, formatNumber, METRIC_LABELS, methodName } from './format.js';

/** The unit a metric's score is in: NPS in points, CSAT in percent, CES on the scale's own numbers. */
export function scoreUnit(metric: MetricKind): 'points' | 'percent' | 'scale' {
  return metric === 'nps' ? 'points' : metric === 'csat' ? 'percent' : 'scale';
}

/** A score in its metric's digits, with `%` for CSAT; an em dash without one. */
export function formatScore(metric: MetricKind, value: number | undefined): string {
  const text = formatNumber(value, digitsOf(scoreUnit(metric)));
  return metric === 'csat' && value !== undefined ? `${text}%` : text;
}

/** The range a score can take: −100…100 for NPS, 0…100 for CSAT, the scale's points for CES. */
export function scoreRange(result: MetricResult): readonly [number, number] {
  if (result.metric === 'nps') return [-100, 100];
  if (result.metric === 'csat') return [0, 100];
  return [result.scale.min, result.scale.max];
}

/** How the score reads: which end is good, for a CES whose direction depends on its scale. */
export function directionNote(result: MetricResult): string {
  if (result.metric !== 'ces') return '';
  return result.scale.polarity === 'higher-is-better' ? ' (higher is easier)' : ' (lower is easier)';
}

/** The short line of a result: `NPS 23.5 (95% CI [12.1, 34.0]), n = 571`, or `NPS: no answers (n = 0)`. */
export function scoreLine(result: MetricResult): string {
  const name = METRIC_LABELS[result.metric];
  if (result.score === undefined) return `${name}: no answers (n = 0)`;
  return `${name} ${formatScore(result.metric, result.score)} (${formatLevel(result.ci.level)} CI ${formatInterval(result.ci)}), n = ${formatCount(result.n)}`;
}

/** The sentence a text alternative starts with: the score, its interval and method, and n. */
export function scoreSentence(result: MetricResult): string {
  const name = METRIC_LABELS[result.metric];
  if (result.score === undefined) return `${name}: no answers, so no score (n = 0).`;
  const unit = result.metric === 'nps' ? ' points' : result.metric === 'ces' ? ` on the ${result.scale.min}–${result.scale.max} scale${directionNote(result)}` : '';
  const digits = digitsOf(result.ci.unit);
  const interval = `${formatLevel(result.ci.level)} confidence interval ${formatNumber(result.ci.lower, digits)} to ${formatNumber(result.ci.upper, digits)}, ${methodName(result.ci.method)}`;
  return `${name} ${formatScore(result.metric, result.score)}${unit} (${interval}), from ${formatCount(result.n)} answers${result.weighted ? ` (weighted, effective n ${formatNumber(result.effectiveN, 1)})` : ''}.`;
}

/** The points of a scale's bands of one sentiment, `0–6`, or `9–10`; an em dash when it has none. */
export function sentimentPoints(scale: Scale, sentiment: Sentiment): string {
  const bands = scale.bands.filter((band) => band.sentiment === sentiment);
  if (bands.length === 0) return '—';
  const min = Math.min(...bands.map((band) => band.min));
  const max = Math.max(...bands.map((band) => band.max));
  return min === max ? String(min) : `${min}–${max}`;
}

/** The shares of an NPS's groups (detractors, passives, promoters) in percent, rounded to one decimal by largest remainders so they add up to 100; zeros without answers. */
export function roundedNPSShares(result: NPSResult): readonly [number, number, number] {
  if (result.score === undefined) return [0, 0, 0];
  const [detractors = 0, passives = 0, promoters = 0] = roundShares([result.detractors.weight, result.passives.weight, result.promoters.weight], { decimals: 1 });
  return [detractors, passives, promoters];
}

/** One of the three groups of an NPS, for drawing. */
export interface NPSGroup {
  readonly name: string;
  readonly sentiment: Sentiment;
  readonly count: number;
  readonly weight: number;
  readonly percent: number | undefined;
  readonly points: string;
}

/** The three groups of an NPS, in the order the bar stacks them (bad to good, left to right). */
export function npsGroups(result: NPSResult): readonly NPSGroup[] {
  const group = (name: string, sentiment: Sentiment, share: NPSResult['promoters']): NPSGroup => ({ name, sentiment, count: share.count, weight: share.weight, percent: share.percent, points: sentimentPoints(result.scale, sentiment) });
  return [group('Detractors', 'negative', result.detractors), group('Passives', 'neutral', result.passives), group('Promoters', 'positive', result.promoters)];
}

/** One point of a scale with its answers, for drawing a distribution. */
export interface PointShare {
  readonly point: number;
  readonly band: string;
  readonly sentiment: Sentiment;
  readonly count: number;
  /** The (weighted) share of answered responses at the point, 0 without answers. */
  readonly percent: number;
}

/** Every point of a result's scale with its count and share, read from the tally (`counts[i]` is point `scale.min + i`). */
export function pointShares(result: MetricResult): readonly PointShare[] {
  const { scale, tally } = result;
  let total = 0;
  for (const weight of tally.weightSums) total += weight;
  return tally.counts.map((count, index) => {
    const point = scale.min + index;
    const band = scale.bands.find((candidate) => point >= candidate.min && point <= candidate.max);
    return { point, band: band?.name ?? '', sentiment: band?.sentiment ?? 'neutral', count, percent: total > 0 ? (100 * (tally.weightSums[index] ?? 0)) / total : 0 };
  });
}

/** A scale as a reader knows it, with its range unless the name already says it: `Customer Satisfaction (1–5)`. */
export function scaleName(scale: Scale): string {
  return scale.name.includes(`${scale.min}–${scale.max}`) || scale.name.includes(`${scale.min}-${scale.max}`) ? scale.name : `${scale.name} (${scale.min}–${scale.max})`;
}

/** The periods of a series: a trend's buckets or the windows of a rolling series. */
export function seriesSlots(series: TrendSeries | RollingWindowSeries): readonly TimeSlot[] {
  return 'buckets' in series ? series.buckets : series.windows;
}

const UNIT_NAMES: Readonly<Record<TimeUnit, string>> = Object.freeze({ day: 'day', isoWeek: 'ISO week', month: 'month', quarter: 'quarter', year: 'year' });

/** What a series shows, in words: `NPS by month (UTC)`, or `CSAT, trailing 90 days, every ISO week (Europe/Berlin)`. */
export function seriesTitle(series: TrendSeries | RollingWindowSeries): string {
  const name = METRIC_LABELS[series.metric];
  if ('buckets' in series) return `${name} by ${UNIT_NAMES[series.unit]} (${series.timeZone})`;
  const length = series.window.days !== undefined ? `${series.window.days} ${series.window.days === 1 ? 'day' : 'days'}` : `${series.window.months} ${series.window.months === 1 ? 'month' : 'months'}`;
  return `${name}, trailing ${length}, every ${UNIT_NAMES[series.step]} (${series.timeZone})`;
}

/** What a score axis measures: `NPS (points)`, `CSAT (% satisfied)`, `CES (mean on 1–7, higher is easier)`. */
export function scoreAxisName(result: MetricResult): string {
  if (result.metric === 'nps') return 'NPS (points)';
  if (result.metric === 'csat') return 'CSAT (% satisfied)';
  return `CES (mean on ${result.scale.min}–${result.scale.max}${directionNote(result).replace(' (', ', ').replace(')', '')})`;
}

/** What a segment table shows: `NPS by channel`, `CSAT by channel × plan`. */
export function segmentsTitle(table: SegmentTable): string {
  return `${METRIC_LABELS[table.metric]} by ${table.by.length === 1 && table.by[0] === '(function)' ? 'segment' : table.by.join(' × ')}`;
}

/** A segment with a score, for drawing. */
export interface ScoredSegment {
  readonly row: SegmentRow;
  readonly score: number;
  readonly lower: number;
  readonly upper: number;
}

/** The segments with a score, highest first (then larger n, then by name), and the rest (suppressed or empty) in table order. */
export function sortedSegments(table: SegmentTable): { readonly scored: readonly ScoredSegment[]; readonly unscored: readonly SegmentRow[] } {
  const scored: ScoredSegment[] = [];
  const unscored: SegmentRow[] = [];
  for (const row of table.segments) {
    const result = row.result;
    if (result?.score === undefined) unscored.push(row);
    else scored.push({ row, score: result.score, lower: result.ci.lower, upper: result.ci.upper });
  }
  scored.sort((a, b) => b.score - a.score || b.row.n - a.row.n || formatKey(a.row.key).localeCompare(formatKey(b.row.key)));
  return { scored, unscored };
}

/** Tier names as reports print them. */
export const TIER_NAMES: Readonly<Record<RiskTier, string>> = Object.freeze({ stable: 'stable', watch: 'watch', 'at-risk': 'at risk', critical: 'critical', unknown: 'unknown' });

/** Rows of the relationship × effort table, in words. */
export const RELATIONSHIP_NAMES: Readonly<Record<RelationshipRow, string>> = Object.freeze({ promoter: 'Promoter', passive: 'Passive', detractor: 'Detractor', unknown: 'Unknown or stale' });

/** Columns of the relationship × effort table, in words. */
export const EFFORT_NAMES: Readonly<Record<EffortColumn, string>> = Object.freeze({ easy: 'Easy or none', single: 'One high-effort', repeated: 'Repeated high-effort' });

/** The tiers of a classification in words: `stable 82 (51.3%), watch 30 (18.8%), …`. */
export function tierList(risk: LoyaltyRiskResult): string {
  return risk.summary.tiers.map((tier) => `${TIER_NAMES[tier.tier]} ${formatCount(tier.count)} (${formatNumber(tier.rounded, 1)}%)`).join(', ');
}

/** The metrics a policy reads as interactions, in words: `CES`, or `CES and CSAT`. */
export function transactionalNames(policy: RiskPolicy): string {
  return policy.transactional.map((metric) => METRIC_LABELS[metric]).join(' and ');
}
