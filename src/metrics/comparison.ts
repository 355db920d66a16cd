import type { Scale } from '../scales/defineScale.js';
import { withDisplay } from '../internal/display.js';
import { assertSameScale } from '../scales/isSameScale.js';
import type { IntervalUnit } from '../stats/Interval.js';
import type { ComparisonTest, DifferenceTest } from '../stats/TestResult.js';
import type { Comparison } from './ComparisonResult.js';

/**
 * Builds a comparison result from two group results and a test on the natural scale (or none),
 * scaling the difference into the metric's unit (×100 for points and percent).
 */
export function comparison<Result extends { readonly scale: Scale }, Unit extends IntervalUnit>(
  functionName: string,
  a: Result,
  b: Result,
  test: ComparisonTest,
  run: () => DifferenceTest | undefined,
  unit: Unit,
): Comparison<Result, Unit> {
  assertSameScale(functionName, a.scale, b.scale, ['b', 'scale']);
  const result = run();
  if (result === undefined) {
    return Object.freeze(withDisplay({ a, b, difference: undefined, ci: undefined, standardError: undefined, statistic: undefined, pValue: undefined, df: undefined, test }, 'comparison'));
  }
  const factor = unit === 'scale' ? 1 : 100;
  return Object.freeze(withDisplay({
    a,
    b,
    difference: result.difference * factor,
    ci: { lower: result.ci.lower * factor, upper: result.ci.upper * factor, level: result.ci.level, method: test, unit },
    standardError: result.standardError * factor,
    statistic: result.statistic,
    pValue: result.pValue,
    df: result.df,
    test,
  }, 'comparison'));
}
