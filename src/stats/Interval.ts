/**
 * What the numbers of an interval are in, so that intervals of different kinds never mix by accident:
 *
 * - `'proportion'`: the natural scale, 0…1 for a share and −1…1 for a net score or a difference
 *   (what the functions of the statistics layer return);
 * - `'percent'`: a share ×100, 0…100 (CSAT, % easy), or a difference of shares in percentage points;
 * - `'points'`: a net score ×100, −100…100 (NPS, net easy), or a difference of them in points;
 * - `'scale'`: the units of the answers themselves (a CES mean on its 1–7 points).
 */
export type IntervalUnit = 'proportion' | 'percent' | 'points' | 'scale';

/** A two-sided confidence interval, with its level, the method that made it and the unit of its limits. */
export interface Interval<Method extends string = string, Unit extends IntervalUnit = IntervalUnit> {
  /** The lower limit. */
  readonly lower: number;
  /** The upper limit. */
  readonly upper: number;
  /** The confidence level, such as 0.95. */
  readonly level: number;
  /** The method, such as `'adjusted-wald'`, `'wilson'` or `'t'`. */
  readonly method: Method;
  /** What the limits are in. */
  readonly unit: Unit;
}

/** The confidence level of an interval: give `level` (default 0.95) or, to match a printed table, `z`. */
export interface IntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The two-sided normal critical value to use instead of `level` (e.g. 1.96 to match a textbook). */
  readonly z?: number | undefined;
}

/** The option names of {@link IntervalOptions}. */
const LISTED_INTERVAL_OPTION_NAMES = ['level', 'z'] as const satisfies readonly (keyof IntervalOptions)[];
/** The names, for checking at run time. */
export const INTERVAL_OPTION_NAMES: readonly (keyof IntervalOptions)[] = LISTED_INTERVAL_OPTION_NAMES;
