import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cochranArmitageTest, CxMetricsError, proportionDifferenceTest } from 'cx-metrics';

// Values printed by R's prop.trend.test: test/reference/r/cochranArmitage.R wrote this file.
interface Case {
  readonly name: string;
  readonly events: number[];
  readonly n: number[];
  readonly scores: number[];
  readonly chiSquare: number;
  readonly z: number;
  readonly pValue: number;
  readonly pValueIncreasing: number;
}
const { cases } = JSON.parse(readFileSync(new URL('../reference/cochranArmitage.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('cochranArmitageTest reproduces R prop.trend.test', () => {
  test.each(cases.map((each) => [each.name, each] as const))('%s', (_name, each) => {
    const result = cochranArmitageTest(each.events, each.n, { scores: each.scores });
    expect(result.chiSquare).toBeCloseTo(each.chiSquare, 9);
    expect(result.statistic).toBeCloseTo(each.z, 9);
    expect(result.pValue).toBeCloseTo(each.pValue, 12);
    expect(result.pValueIncreasing).toBeCloseTo(each.pValueIncreasing, 12);
  });

  test('with two groups it is the pooled two-proportion z test', () => {
    const trend = cochranArmitageTest([12, 25], [80, 90]);
    const pooled = proportionDifferenceTest({ successes: 25, n: 90 }, { successes: 12, n: 80 });
    expect(trend.pValue).toBeCloseTo(pooled.pValue, 12);
  });

  test('refuses what has no trend to test, never NaN', () => {
    expect(() => cochranArmitageTest([0, 0, 0], [10, 10, 10])).toThrow(/cochranArmitageTest: expected events in some groups and non-events in some/);
    expect(() => cochranArmitageTest([1, 2], [10, 10], { scores: [3, 3] })).toThrow(/expected scores that differ between groups with members/);
    expect(() => cochranArmitageTest([1, 12], [10, 10])).toThrow(/events: a whole number from 0 to the group size 10, got 12 at events\[1\]/);
    expect(() => cochranArmitageTest([1], [10])).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => cochranArmitageTest([1, 2], [10, 10], { scores: [1] })).toThrow(CxMetricsError);
    expect(() => cochranArmitageTest([1, 2], [10, 10], { scroes: [1, 2] } as never)).toThrow(/did you mean "scores"/);
  });
});
