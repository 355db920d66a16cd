import type { EveryKeyListed } from '../internal/options.js';
import { fail } from '../internal/issue.js';
import { compareCESTallies } from '../metrics/compareCES.js';
import { compareCSATTallies } from '../metrics/compareCSAT.js';
import { compareNPSTallies } from '../metrics/compareNPS.js';
import type { Comparison } from '../metrics/ComparisonResult.js';
import { type CESOptions, type CESResult, cesSettings, scoreCES } from '../metrics/computeCES.js';
import { type CSATOptions, type CSATResult, csatSettings, scoreCSAT } from '../metrics/computeCSAT.js';
import { type NPSOptions, type NPSResult, npsSettings, scoreNPS } from '../metrics/computeNPS.js';
import { checkOnInvalid, type OnInvalid } from '../metrics/resolveTally.js';
import type { VarianceMethod } from '../metrics/tallyStatistics.js';
import type { MetricKind, Scale } from '../scales/defineScale.js';
import type { Tally } from '../tally/Tally.js';

/** Any metric result. */
export type MetricResult = NPSResult | CSATResult | CESResult;

/** The options of the metric computed for every segment, bucket or window; each metric takes its own. */
export interface MetricOptions {
  /** The metric: `'nps'`, `'csat'` or `'ces'`. Default: the scale's own metric. */
  readonly metric?: MetricKind | undefined;
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The interval method, as the metric takes it (see {@link NPSOptions}, {@link CSATOptions}, {@link CESOptions}). */
  readonly interval?: NPSOptions['interval'] | CSATOptions['interval'] | CESOptions['interval'];
  /** NPS: the denominator (`'answered'` or `'all'`). */
  readonly denominator?: NPSOptions['denominator'];
  /** CSAT: the satisfied range. */
  readonly satisfied?: CSATOptions['satisfied'];
  /** CES: the easy range. */
  readonly easy?: CESOptions['easy'];
  /** CES: the difficult range. */
  readonly difficult?: CESOptions['difficult'];
  /** With weights: `'linearization'` (default) or `'kish'` (see {@link VarianceMethod}). */
  readonly varianceMethod?: VarianceMethod | undefined;
  /** What to do with answers off the scale: `'throw'` (default) or `'exclude'`. */
  readonly onInvalid?: OnInvalid | undefined;
}

/** The metric option names, tied to {@link MetricOptions}. */
const LISTED_METRIC_OPTION_NAMES = ['metric', 'level', 'interval', 'denominator', 'satisfied', 'easy', 'difficult', 'varianceMethod', 'onInvalid'] as const satisfies readonly (keyof MetricOptions)[];
/** The names, for checking at run time. */
export const METRIC_OPTION_NAMES: readonly (keyof MetricOptions)[] = LISTED_METRIC_OPTION_NAMES;
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof MetricOptions, (typeof LISTED_METRIC_OPTION_NAMES)[number]>;

/** compute and compare for one metric, on tallies, with the options checked once. */
export interface MetricFunctions {
  readonly metric: MetricKind;
  readonly onInvalid: OnInvalid;
  readonly compute: (tally: Tally) => MetricResult;
  readonly compare: (a: Tally, b: Tally) => Comparison<MetricResult>;
}

const OWN: Record<MetricKind, readonly string[]> = {
  nps: ['level', 'interval', 'denominator'],
  csat: ['level', 'interval', 'satisfied'],
  ces: ['level', 'interval', 'easy', 'difficult'],
};

/** Picks the metric (the option, or the scale's own), checks its options once in the caller's name, and binds them. */
export function metricFunctions(functionName: string, options: MetricOptions, scale: Scale): MetricFunctions {
  const fn = functionName;
  const kind = options.metric ?? scale.metric;
  if (kind !== 'nps' && kind !== 'csat' && kind !== 'ces') {
    return fail(fn, 'invalid_option', 'invalid_value', `'nps', 'csat' or 'ces'${options.metric === undefined ? ` (scale '${scale.id}' names no metric)` : ''}`, kind, ['options', 'metric']);
  }
  for (const name of ['denominator', 'satisfied', 'easy', 'difficult'] as const) {
    if (options[name] !== undefined && !OWN[kind].includes(name)) fail(fn, 'invalid_option', 'invalid_value', `an option of ${kind.toUpperCase()} (${OWN[kind].join(', ')})`, name, ['options', name]);
  }
  const onInvalid = checkOnInvalid(fn, options.onInvalid, 'throw');
  if (kind === 'nps') {
    const settings = npsSettings(fn, options as NPSOptions<never>, scale);
    return { metric: kind, onInvalid, compute: (tally) => scoreNPS(tally, settings), compare: (a, b) => compareNPSTallies(fn, a, b, settings) };
  }
  if (kind === 'csat') {
    const settings = csatSettings(fn, options as CSATOptions<never>, scale);
    return { metric: kind, onInvalid, compute: (tally) => scoreCSAT(tally, settings), compare: (a, b) => compareCSATTallies(fn, a, b, settings) };
  }
  const settings = cesSettings(fn, options as CESOptions<never>, scale);
  return { metric: kind, onInvalid, compute: (tally) => scoreCES(tally, settings), compare: (a, b) => compareCESTallies(fn, a, b, settings) };
}
