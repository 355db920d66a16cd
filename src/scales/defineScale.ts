import type { EveryKeyListed } from '../internal/options.js';
import { guard } from '../internal/guard.js';
import type { CxMetricsIssue } from '../errors/CxMetricsError.js';
import { makeIssue, throwIssues } from '../internal/issue.js';
import { didYouMean } from '../internal/nearNames.js';
import { normalizeLabel } from '../internal/normalizeLabel.js';

/** Which end of a scale is the good one. A CES 1.0 "2" is good (`lower-is-better`); a CES 2.0 "2" is bad. */
export type Polarity = 'higher-is-better' | 'lower-is-better';

/**
 * How a band reads: `positive` (promoters, satisfied, easy), `neutral` (passives), or
 * `negative` (detractors, dissatisfied, difficult). Metrics find their bands by sentiment, so a
 * custom scale works with `computeNPS`, `computeCSAT` and `computeCES` as soon as its bands say how they read.
 */
export type Sentiment = 'positive' | 'neutral' | 'negative';

/** Which metric a scale is for. `computeNPS`, `computeCSAT` and `computeCES` refuse a scale made for another metric. */
export type MetricKind = 'nps' | 'csat' | 'ces';

/** A named, inclusive range of points on a scale. */
export interface Band<Name extends string = string> {
  /** The band's name, such as `"promoter"`. */
  readonly name: Name;
  /** The lowest point in the band (inclusive). */
  readonly min: number;
  /** The highest point in the band (inclusive). */
  readonly max: number;
  /** How the band reads. */
  readonly sentiment: Sentiment;
}

/** What {@link defineScale} takes. */
export interface ScaleDefinition {
  /** A stable identifier; two scales are the same scale only if their ids (and ranges, polarity, bands) agree. */
  readonly id: string;
  /** A name for people; defaults to the id. */
  readonly name?: string | undefined;
  /** The survey question the scale answers, for documentation and reports. */
  readonly question?: string | undefined;
  /** The metric the scale is for; leave it out for a scale any metric may read. */
  readonly metric?: MetricKind | undefined;
  /** The lowest point, an integer. */
  readonly min: number;
  /** The highest point, an integer greater than `min`. */
  readonly max: number;
  /** Which end is good. */
  readonly polarity: Polarity;
  /** Named bands that together cover every point exactly once. */
  readonly bands: readonly Band[];
  /** Optional words for points, such as `{ 0: 'Not at all likely', 10: 'Extremely likely' }`. */
  readonly labels?: Readonly<Record<number, string>> | undefined;
}

/** A validated, frozen scale. Type parameters keep the literal id, range and band names. */
export interface Scale<Id extends string = string, Min extends number = number, Max extends number = number, BandName extends string = string> {
  /** The scale's identifier. */
  readonly id: Id;
  /** A name for people. */
  readonly name: string;
  /** The survey question, when known. */
  readonly question: string | undefined;
  /** The metric the scale is for, when it says. */
  readonly metric: MetricKind | undefined;
  /** The lowest point. */
  readonly min: Min;
  /** The highest point. */
  readonly max: Max;
  /** Which end is good. */
  readonly polarity: Polarity;
  /** The bands, ordered from the lowest point up, covering every point exactly once. */
  readonly bands: readonly Band<BandName>[];
  /** Words for points (possibly none). */
  readonly labels: Readonly<Record<number, string>>;
}

/** The largest number of points a scale may have (a 0–100 slider has 101). */
const MAX_POINTS = 10_001;
const POLARITIES: readonly string[] = ['higher-is-better', 'lower-is-better'];
const SENTIMENTS: readonly string[] = ['positive', 'neutral', 'negative'];
const METRICS: readonly string[] = ['nps', 'csat', 'ces'];
const DEFINITION_KEYS = ['id', 'name', 'question', 'metric', 'min', 'max', 'polarity', 'bands', 'labels'] as const satisfies readonly (keyof ScaleDefinition)[];
const BAND_KEYS = ['name', 'min', 'max', 'sentiment'] as const satisfies readonly (keyof Band)[];
// Both lists name every key of their interface: a key added there and not here is a type error.
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof ScaleDefinition, (typeof DEFINITION_KEYS)[number]>;
true satisfies EveryKeyListed<keyof Band, (typeof BAND_KEYS)[number]>;

/** Scales made by {@link defineScale} (the presets included): checked once, trusted after. */
const defined = new WeakSet<object>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Defines a survey scale: its integer range, which end is good, its named bands and optional
 * point labels. Every rule is checked at once and every broken rule is reported:
 * integer `min < max`; bands with integer bounds inside the range that do not overlap and
 * together cover every point (so no answer can fall in no band, a defect of several survey
 * platforms); on a `higher-is-better` scale every positive band lies above every negative band
 * (and below it on a `lower-is-better` one); labels on existing points, unique ignoring case and
 * spaces; no unknown keys (a misspelled `lables` is refused, with the near name offered) and no
 * holes in `bands`.
 *
 * The result is frozen, and the `const` type parameter keeps its literal id, range and band
 * names. Use one of the {@link scales} presets where one fits. A scale object made any other way
 * (read from JSON, say) is checked by the same rules wherever it is used.
 *
 * @param definition - the scale to define
 * @returns the frozen scale
 * @throws {@link CxMetricsError} with code `invalid_scale`, listing every broken rule
 *
 * @example
 * ```ts
 * import { defineScale, computeCSAT } from 'cx-metrics';
 *
 * const stars = defineScale({
 *   id: 'stars4',
 *   min: 1,
 *   max: 4,
 *   polarity: 'higher-is-better',
 *   bands: [
 *     { name: 'unhappy', min: 1, max: 2, sentiment: 'negative' },
 *     { name: 'happy', min: 3, max: 4, sentiment: 'positive' },
 *   ],
 *   labels: { 1: 'Poor', 4: 'Excellent' },
 * });
 * stars.id; // => "stars4"
 * computeCSAT([4, 3, 1, 4], { scale: stars }).score; // => 75
 * ```
 */
export function defineScale<const Definition extends ScaleDefinition>(
  definition: Definition,
): Scale<Definition['id'], Definition['min'], Definition['max'], Definition['bands'][number]['name']> {
  return guard('defineScale', () => {
    return buildScale('defineScale', definition, []) as unknown as Scale<Definition['id'], Definition['min'], Definition['max'], Definition['bands'][number]['name']>;
  });
}

/** Whether a value is a scale made by {@link defineScale} (and so already checked). */
export function isDefinedScale(value: unknown): value is Scale {
  return typeof value === 'object' && value !== null && defined.has(value);
}

/**
 * Checks a scale definition by every rule and returns the frozen scale, or throws
 * `invalid_scale` listing every broken rule, in the caller's name and at the caller's path.
 */
export function buildScale(functionName: string, definition: unknown, at: readonly (string | number)[]): Scale {
  const fn = functionName;
  const issues: CxMetricsIssue[] = [];
  const problem = (code: CxMetricsIssue['code'], expected: string, value: unknown, path: readonly (string | number)[]): void => {
    issues.push(makeIssue(fn, code, expected, value, [...at, ...path]));
  };
  if (!isRecord(definition)) {
    problem('invalid_value', 'a scale definition object', definition, []);
    return throwIssues(fn, 'invalid_scale', issues);
  }
  for (const key of Object.keys(definition)) {
    if (!(DEFINITION_KEYS as readonly string[]).includes(key)) problem('unknown_name', `a scale key (${DEFINITION_KEYS.join(', ')})${didYouMean(key, DEFINITION_KEYS)}`, key, [key]);
  }
  const { id, name, question, metric, min, max, polarity, bands, labels } = definition;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 100) problem('invalid_value', 'a non-empty id of at most 100 characters', id, ['id']);
  if (name !== undefined && typeof name !== 'string') problem('invalid_value', 'a string name', name, ['name']);
  if (question !== undefined && typeof question !== 'string') problem('invalid_value', 'a string question', question, ['question']);
  if (metric !== undefined && !METRICS.includes(metric as string)) problem('invalid_value', "'nps', 'csat' or 'ces'", metric, ['metric']);
  const rangeOk = Number.isSafeInteger(min) && Number.isSafeInteger(max) && (min as number) < (max as number) && (max as number) - (min as number) < MAX_POINTS;
  if (!Number.isSafeInteger(min)) problem('not_an_integer', 'an integer min', min, ['min']);
  if (!Number.isSafeInteger(max)) problem('not_an_integer', 'an integer max', max, ['max']);
  if (Number.isSafeInteger(min) && Number.isSafeInteger(max) && !rangeOk) {
    problem('out_of_range', `a max greater than min (${min as number}) and at most ${MAX_POINTS - 1} above it`, max, ['max']);
  }
  if (typeof polarity !== 'string' || !POLARITIES.includes(polarity)) problem('invalid_value', "'higher-is-better' or 'lower-is-better'", polarity, ['polarity']);

  const cleanBands: Band[] = [];
  if (!Array.isArray(bands) || bands.length === 0) {
    problem('invalid_value', 'a non-empty array of bands', bands, ['bands']);
  } else {
    const names = new Set<string>();
    for (let index = 0; index < bands.length; index++) {
      if (!(index in bands)) {
        problem('hole', 'a band at every index (no holes in the array)', undefined, ['bands', index]);
        continue;
      }
      const band: unknown = bands[index];
      if (!isRecord(band)) {
        problem('invalid_value', 'a band { name, min, max, sentiment }', band, ['bands', index]);
        continue;
      }
      for (const key of Object.keys(band)) {
        if (!(BAND_KEYS as readonly string[]).includes(key)) problem('unknown_name', `a band key (${BAND_KEYS.join(', ')})${didYouMean(key, BAND_KEYS)}`, key, ['bands', index, key]);
      }
      const { name: bandName, min: low, max: high, sentiment } = band;
      let ok = true;
      if (typeof bandName !== 'string' || bandName.trim() === '') {
        problem('invalid_value', 'a non-empty band name', bandName, ['bands', index, 'name']);
        ok = false;
      } else if (names.has(bandName)) {
        problem('duplicate', 'a band name not used by another band', bandName, ['bands', index, 'name']);
        ok = false;
      } else names.add(bandName);
      if (typeof sentiment !== 'string' || !SENTIMENTS.includes(sentiment)) {
        problem('invalid_value', "'positive', 'neutral' or 'negative'", sentiment, ['bands', index, 'sentiment']);
        ok = false;
      }
      for (const [key, bound] of [['min', low], ['max', high]] as const) {
        if (!Number.isSafeInteger(bound)) {
          problem('not_an_integer', `an integer band ${key}`, bound, ['bands', index, key]);
          ok = false;
        } else if (rangeOk && ((bound as number) < (min as number) || (bound as number) > (max as number))) {
          problem('out_of_range', `a band ${key} from ${min as number} to ${max as number}`, bound, ['bands', index, key]);
          ok = false;
        }
      }
      if (ok && (low as number) > (high as number)) {
        problem('out_of_range', `a band max of at least its min (${low as number})`, high, ['bands', index, 'max']);
        ok = false;
      }
      if (ok) cleanBands.push(Object.freeze({ name: bandName as string, min: low as number, max: high as number, sentiment: sentiment as Sentiment }));
    }
    if (rangeOk && cleanBands.length === bands.length) checkCoverage(cleanBands, min as number, max as number, polarity as Polarity, problem);
  }

  const cleanLabels: Record<number, string> = {};
  if (labels !== undefined) {
    if (!isRecord(labels)) problem('invalid_value', 'an object of point labels', labels, ['labels']);
    else {
      const seen = new Map<string, string>();
      for (const [key, label] of Object.entries(labels)) {
        const point = Number(key);
        if (!Number.isSafeInteger(point) || String(point) !== key || (rangeOk && (point < (min as number) || point > (max as number)))) {
          problem('out_of_range', `a label key that is a point from ${min as number} to ${max as number}`, key, ['labels', key]);
        } else if (typeof label !== 'string' || label.trim() === '') {
          problem('invalid_value', 'a non-empty label', label, ['labels', key]);
        } else {
          const normalized = normalizeLabel(label);
          const other = seen.get(normalized);
          if (other !== undefined) problem('duplicate', `a label different from the label of point ${other} (ignoring case and spaces)`, label, ['labels', key]);
          else {
            seen.set(normalized, key);
            cleanLabels[point] = label;
          }
        }
      }
    }
  }
  if (issues.length > 0) throwIssues(fn, 'invalid_scale', issues);

  cleanBands.sort((a, b) => a.min - b.min);
  const scale: Scale = Object.freeze({
    id: id as string,
    name: (name as string | undefined) ?? (id as string),
    question: question as string | undefined,
    metric: metric as MetricKind | undefined,
    min: min as number,
    max: max as number,
    polarity: polarity as Polarity,
    bands: Object.freeze(cleanBands),
    labels: Object.freeze(cleanLabels),
  });
  defined.add(scale);
  return scale;
}

/** Bands must partition the range, and good bands must sit at the good end. */
function checkCoverage(
  bands: readonly Band[],
  min: number,
  max: number,
  polarity: Polarity,
  problem: (code: CxMetricsIssue['code'], expected: string, value: unknown, path: readonly (string | number)[]) => void,
): void {
  const owner = new Array<number>(max - min + 1).fill(-1);
  bands.forEach((band, index) => {
    for (let point = band.min; point <= band.max; point++) {
      const previous = owner[point - min] as number;
      if (previous >= 0) problem('invalid_value', `bands that do not overlap (point ${point} is also in band '${bands[previous]?.name}')`, band.name, ['bands', index]);
      else owner[point - min] = index;
    }
  });
  const uncovered = owner.flatMap((index, offset) => (index < 0 ? [min + offset] : []));
  if (uncovered.length > 0) problem('invalid_value', `bands that cover every point from ${min} to ${max}`, `points ${uncovered.join(', ')} in no band`, ['bands']);
  const positive = bands.filter((band) => band.sentiment === 'positive');
  const negative = bands.filter((band) => band.sentiment === 'negative');
  if (!POLARITIES.includes(polarity)) return;
  for (const good of positive) {
    for (const bad of negative) {
      const misplaced = polarity === 'higher-is-better' ? good.min < bad.max : good.max > bad.min;
      if (misplaced) {
        problem('invalid_value', `positive bands at the ${polarity === 'higher-is-better' ? 'top' : 'bottom'} of a ${polarity} scale, beyond negative band '${bad.name}'`, good.name, ['bands']);
      }
    }
  }
}
