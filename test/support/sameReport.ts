// The check behind `report --engine duckdb|postgres`: the report counted inside a database equals
// the in-memory one (scores, intervals, segments, p-values and buckets).
import { expect } from 'vitest';

/** One metric of `report --format json`, as far as the comparison reads it. */
export type ReportedMetric = {
  column: string;
  result: { score: number; ci: unknown; n: number; responses: { total: number; answered: number; skipped: number; invalid: number } };
  segments?: { segments: { key: string[]; n: number; result: { score: number }; comparison?: { pValue: number; adjustedPValue: number } }[] };
  trend?: { buckets: { label: string; n: number; result?: { score: number }; change?: { pValue: number } }[] };
};

/** The metrics of a `report --format json` output. */
export const metricsOf = (stdout: string): ReportedMetric[] => (JSON.parse(stdout) as { metrics: ReportedMetric[] }).metrics;

const byKey = <T extends { key: string[] }>(rows: T[]): T[] => [...rows].sort((a, b) => a.key.join().localeCompare(b.key.join()));

/**
 * Asserts that the database's report equals the in-memory one, metric by metric. A cell that is
 * not an answer is a rejected row in memory and an invalid answer in the database: counted either way.
 */
export function expectSameReport(memory: readonly ReportedMetric[], counted: readonly ReportedMetric[]): void {
  expect(counted.map((metric) => metric.column)).toEqual(memory.map((metric) => metric.column));
  memory.forEach((metric, m) => {
    const other = counted[m] as ReportedMetric;
    expect(other.result.score).toBeCloseTo(metric.result.score, 12);
    expect([other.result.ci, other.result.n]).toEqual([metric.result.ci, metric.result.n]);
    const [mine, theirs] = [metric.result.responses, other.result.responses];
    expect([theirs.answered, theirs.skipped, theirs.total]).toEqual([mine.answered, mine.skipped, mine.total + theirs.invalid]);
    const segments = byKey(metric.segments?.segments ?? []);
    byKey(other.segments?.segments ?? []).forEach((row, i) => {
      expect([row.key, row.n]).toEqual([segments[i]?.key, segments[i]?.n]);
      expect(row.result.score).toBeCloseTo(segments[i]?.result.score as number, 12);
      expect(row.comparison?.adjustedPValue).toBeCloseTo(segments[i]?.comparison?.adjustedPValue as number, 12);
    });
    expect(other.trend?.buckets.map((bucket) => [bucket.label, bucket.n])).toEqual(metric.trend?.buckets.map((bucket) => [bucket.label, bucket.n]));
  });
}
