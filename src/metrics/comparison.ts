import type { Scale } from '../scales/defineScale.js';
import { assertSameScale } from '../scales/isSameScale.js';
import type { DifferenceTest } from '../stats/TestResult.js';
import type { Comparison, ComparisonTest } from './ComparisonResult.js';

/** Builds a comparison result from two group results and a natural-scale test (or none). */
export function comparison<Result extends { readonly scale: Scale }>(
  functionName: string,
  a: Result,
  b: Result,
  test: ComparisonTest,
  run: () => DifferenceTest | undefined,
  factor: number,
  level: number,
): Comparison<Result> {
  assertSameScale(functionName, a.scale, b.scale, ['b', 'scale']);
  const result = run();
  if (result === undefined) {
    return Object.freeze({ a, b, difference: undefined, ci: undefined, standardError: undefined, statistic: undefined, pValue: undefined, df: undefined, test });
  }
  return Object.freeze({
    a,
    b,
    difference: result.difference * factor,
    ci: { lower: result.ci.lower * factor, upper: result.ci.upper * factor, level, method: test },
    standardError: result.standardError * factor,
    statistic: result.statistic,
    pValue: result.pValue,
    df: result.df,
    test,
  });
}
