import { guard } from '../internal/guard.js';
import { checkChoice } from '../internal/options.js';
import { agrestiCoullInterval } from './agrestiCoullInterval.js';
import { clopperPearsonInterval } from './clopperPearsonInterval.js';
import { criticalValue } from './criticalValue.js';
import type { Interval, IntervalOptions } from './Interval.js';
import { wilsonInterval } from './wilsonInterval.js';

/** The interval methods for a proportion. */
export type ProportionIntervalMethod = 'wilson' | 'agresti-coull' | 'clopper-pearson';

/** The proportion interval methods, in the order the docs present them. */
export const PROPORTION_INTERVAL_METHODS: readonly ProportionIntervalMethod[] = ['wilson', 'agresti-coull', 'clopper-pearson'];

/** Options for {@link proportionInterval}. */
export interface ProportionIntervalOptions extends IntervalOptions {
  /** The interval method: `'wilson'` (default), `'agresti-coull'` or `'clopper-pearson'`. */
  readonly interval?: ProportionIntervalMethod | undefined;
}

/**
 * A confidence interval for a proportion by the method named in the options: {@link wilsonInterval}
 * (default), {@link agrestiCoullInterval} or {@link clopperPearsonInterval}.
 *
 * @param successes - the count in the band, 0 ≤ successes ≤ n
 * @param n - the sample size, > 0
 * @param options - `interval` (the method), and `level` (default 0.95) or `z`
 * @returns the interval on 0…1
 * @throws {@link CxMetricsError} `invalid_argument` or `invalid_option` (an unknown method included)
 *
 * @example
 * ```ts
 * import { proportionInterval } from 'cx-metrics';
 *
 * proportionInterval(15, 148, { interval: 'wilson' }); // => { lower: 0.0624, upper: 0.1605, level: 0.95, method: "wilson", unit: "proportion" }
 * ```
 */
export function proportionInterval(successes: number, n: number, options?: ProportionIntervalOptions): Interval<ProportionIntervalMethod, 'proportion'> {
  return guard('proportionInterval', () => {
    const fn = 'proportionInterval';
    criticalValue(fn, options, ['interval']);
    const method = checkChoice(fn, options?.interval ?? 'wilson', PROPORTION_INTERVAL_METHODS, ['options', 'interval']);
    const rest: IntervalOptions = { level: options?.level, z: options?.z };
    if (method === 'agresti-coull') return agrestiCoullInterval(successes, n, rest);
    if (method === 'clopper-pearson') return clopperPearsonInterval(successes, n, rest);
    return wilsonInterval(successes, n, rest);
  });
}
