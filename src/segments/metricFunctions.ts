import { fail } from '../internal/issue.js';
import type { MetricKind, Scale } from '../scales/defineScale.js';
import { compareCES } from '../metrics/compareCES.js';
import { compareCSAT } from '../metrics/compareCSAT.js';
import { compareNPS } from '../metrics/compareNPS.js';
import type { Comparison } from '../metrics/ComparisonResult.js';
import { computeCES, type CESOptions, type CESResult } from '../metrics/computeCES.js';
import { computeCSAT, type CSATOptions, type CSATResult } from '../metrics/computeCSAT.js';
import { computeNPS, type NPSOptions, type NPSResult } from '../metrics/computeNPS.js';
import type { NPSIntervalMethod } from '../stats/npsInterval.js';
import type { ProportionIntervalMethod } from '../stats/proportionInterval.js';
import type { Tally } from '../tally/Tally.js';

/** Any metric result. */
export type MetricResult = NPSResult | CSATResult | CESResult;

/** The options of the metric computed for every segment, bucket or window; each metric takes its own. */
export interface MetricOptions {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The interval method: for NPS `'adjusted-wald'`, `'wald'` or `'score'`; for CSAT and CES shares `'wilson'`, `'agresti-coull'` or `'clopper-pearson'`. */
  readonly interval?: NPSIntervalMethod | ProportionIntervalMethod | undefined;
  /** NPS: the denominator (`'answered'` or `'all'`). */
  readonly denominator?: NPSOptions['denominator'];
  /** CSAT: the satisfied range. */
  readonly satisfied?: CSATOptions['satisfied'];
  /** CES: the easy range. */
  readonly easy?: CESOptions['easy'];
  /** CES: the difficult range. */
  readonly difficult?: CESOptions['difficult'];
  /** CES: the interval method of net easy. */
  readonly netInterval?: CESOptions['netInterval'];
  /** What to do with answers off the scale: `'throw'` (default) or `'exclude'`. */
  readonly onInvalid?: 'throw' | 'exclude' | undefined;
}

/** The metric option names passed through to compute functions. */
export const METRIC_OPTION_NAMES: readonly string[] = ['level', 'interval', 'denominator', 'satisfied', 'easy', 'difficult', 'netInterval', 'onInvalid'];

/** compute and compare for one metric, on tallies. */
export interface MetricFunctions {
  readonly metric: MetricKind;
  readonly compute: (tally: Tally) => MetricResult;
  readonly compare: (a: Tally, b: Tally) => Comparison<MetricResult>;
}

const NAMES: Record<MetricKind, readonly string[]> = {
  nps: ['level', 'interval', 'denominator', 'onInvalid'],
  csat: ['level', 'interval', 'satisfied', 'onInvalid'],
  ces: ['level', 'interval', 'netInterval', 'easy', 'difficult', 'onInvalid'],
};

/** Picks the metric (the option, or the scale's own) and binds its options. */
export function metricFunctions(functionName: string, metric: unknown, scale: Scale, options: MetricOptions): MetricFunctions {
  const kind = metric ?? scale.metric;
  if (kind !== 'nps' && kind !== 'csat' && kind !== 'ces') {
    return fail(functionName, 'invalid_option', 'invalid_value', `'nps', 'csat' or 'ces' (scale '${scale.id}' names no metric)`, kind, ['options', 'metric']);
  }
  const picked: Record<string, unknown> = {};
  for (const name of METRIC_OPTION_NAMES) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (!NAMES[kind].includes(name)) fail(functionName, 'invalid_option', 'invalid_value', `an option of ${kind.toUpperCase()} (${NAMES[kind].join(', ')})`, name, ['options', name]);
    picked[name] = value;
  }
  const bound = picked as never;
  if (kind === 'nps') return { metric: kind, compute: (tally) => computeNPS(tally, bound), compare: (a, b) => compareNPS(a, b, bound) };
  if (kind === 'csat') return { metric: kind, compute: (tally) => computeCSAT(tally, bound), compare: (a, b) => compareCSAT(a, b, bound) };
  return { metric: kind, compute: (tally) => computeCES(tally, bound), compare: (a, b) => compareCES(a, b, bound) };
}
