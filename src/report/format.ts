import type { MetricKind } from '../scales/defineScale.js';
import type { Interval, IntervalUnit } from '../stats/Interval.js';

/** How a metric is named in reports: `'NPS'`, `'CSAT'`, `'CES'`. */
export const METRIC_LABELS: Readonly<Record<MetricKind, string>> = Object.freeze({ nps: 'NPS', csat: 'CSAT', ces: 'CES' });

/** The digits a number in a unit is shown with: a mean on the scale's points gets two, shares and net scores one. */
export function digitsOf(unit: IntervalUnit): number {
  return unit === 'scale' ? 2 : unit === 'proportion' ? 3 : 1;
}

/**
 * A number as reports show it: fixed digits, a minus sign for negatives, and an em dash for no
 * value (an empty sample has no score, and a report must not print `NaN` or `undefined`).
 */
export function formatNumber(value: number | undefined, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const text = value.toFixed(digits);
  // -0.0 reads as a change of sign that is not there.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** An interval as reports show it, `[25.1, 41.2]`, in its unit's digits; an em dash without one. */
export function formatInterval(ci: Interval | undefined): string {
  if (ci === undefined) return '—';
  const digits = digitsOf(ci.unit);
  return `[${formatNumber(ci.lower, digits)}, ${formatNumber(ci.upper, digits)}]`;
}

/** A count as reports show it: whole numbers with thousands separators (`1,234`), a weight sum with one decimal. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = Number.isInteger(value) ? String(Math.abs(value)) : Math.abs(value).toFixed(1);
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A percentage with one decimal and its sign, `45.2%`; an em dash without one. */
export function formatPercent(value: number | undefined, digits = 1): string {
  const text = formatNumber(value, digits);
  return text === '—' ? text : `${text}%`;
}

/** A confidence level as a percentage, `95%` (`99.5%` when it has a decimal). */
export function formatLevel(level: number): string {
  const percent = Math.round(level * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** A p-value as reports show it: three decimals, and `< 0.001` below that (a printed 0.000 reads as impossible). */
export function formatPValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value < 0.001 ? '< 0.001' : `= ${value.toFixed(3)}`;
}

/** Interval methods and tests as a reader knows them. */
const METHOD_NAMES: Readonly<Record<string, string>> = Object.freeze({
  'adjusted-wald': 'adjusted Wald',
  wald: 'Wald',
  score: 'score',
  wilson: 'Wilson',
  'agresti-coull': 'Agresti–Coull',
  'clopper-pearson': 'Clopper–Pearson',
  t: 'Student t',
  'scale-range': 'whole scale, too few answers for a spread',
  mover: 'MOVER of the two groups’ intervals',
  'adjusted-wald-z': 'adjusted-Wald z test',
  'newcombe-score': 'Newcombe score interval',
  'welch-t': 'Welch t test',
});

/** The name of an interval method or test for people (`'adjusted-wald'` → `adjusted Wald`). */
export function methodName(method: string): string {
  return METHOD_NAMES[method] ?? method;
}

/** A date as its UTC calendar day, `2026-09-30`; an em dash without one. */
export function formatDay(date: Date | undefined): string {
  return date === undefined || Number.isNaN(date.getTime()) ? '—' : date.toISOString().slice(0, 10);
}

/** One part of a segment key as text: values read from a file, or a visible name for a missing one. */
export function formatKeyPart(part: unknown): string {
  if (part === undefined) return '(missing)';
  if (part === null) return '(null)';
  if (part === '') return '(empty)';
  return String(part);
}

/** A segment key as one label: its parts joined by ` · ` (a cross-tab of channel and plan reads `chat · pro`). */
export function formatKey(key: readonly unknown[]): string {
  return key.length === 0 ? '(all)' : key.map(formatKeyPart).join(' · ');
}

/** A count with its noun, singular for one: `1 answer`, `2 answers`, `1,204 answers`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
