import type { Scale } from '../scales/defineScale.js';
import { studentTQuantile } from '../stats/studentTQuantile.js';
import type { Tally } from '../tally/Tally.js';
import type { ConfidenceInterval } from './MetricResult.js';
import { meanAndVariance, type TallyTotals } from './tallyStatistics.js';

/** The mean of the answers with its spread and t interval. */
export interface MeanSummary {
  /** The (weighted) mean on the scale's own numbers. */
  readonly value: number;
  /** The sample standard deviation; undefined with fewer than two (effective) answers. */
  readonly sd: number | undefined;
  /** sd/√n_eff; undefined with fewer than two (effective) answers. */
  readonly standardError: number | undefined;
  /**
   * The Student t interval x̄ ± t(n_eff − 1)·s/√n_eff, clipped to the scale. With fewer than two
   * (effective) answers there is no spread to estimate, and the interval is the whole scale
   * (`method: 'scale-range'`): all that is known is that the mean lies on the scale.
   */
  readonly ci: ConfidenceInterval<'t' | 'scale-range'>;
}

/** The mean of a non-empty tally with its t interval, shared by CES (its score) and CSAT (its secondary figure). */
export function meanSummary(tally: Tally, totals: TallyTotals, level: number): MeanSummary {
  const scale: Scale = tally.scale;
  const { mean, variance } = meanAndVariance(tally, totals);
  if (variance === undefined) {
    return { value: mean, sd: undefined, standardError: undefined, ci: { lower: scale.min, upper: scale.max, level, method: 'scale-range' } };
  }
  const sd = Math.sqrt(variance);
  const standardError = sd / Math.sqrt(totals.effectiveN);
  const half = studentTQuantile((1 + level) / 2, totals.effectiveN - 1) * standardError;
  return {
    value: mean,
    sd,
    standardError,
    ci: { lower: Math.max(scale.min, mean - half), upper: Math.min(scale.max, mean + half), level, method: 't' },
  };
}
