import type { MetricKind } from '../scales/defineScale.js';
import type { PValueAdjustment } from '../stats/adjustPValues.js';
import type { Interval } from '../stats/Interval.js';
import type { ComparisonTest } from '../stats/TestResult.js';
import type { Tally } from '../tally/Tally.js';
import type { SegmentKeyValue } from '../tally/KeyedGroups.js';
import type { MetricResult } from './metricFunctions.js';

/** A segment against the rest of the table (or the overall), with a p-value adjusted over the table. */
export interface SegmentComparison {
  /** What the segment was compared with. */
  readonly against: 'rest' | 'overall';
  /** The signed difference segment − rest (or − overall), in the metric's units. */
  readonly difference: number;
  /** Its interval, in the metric's units. */
  readonly ci: Interval<ComparisonTest>;
  /** The z or t statistic. */
  readonly statistic: number;
  /** The raw two-sided p-value. */
  readonly pValue: number;
  /** The p-value adjusted over every compared segment of the table (Holm by default). */
  readonly adjustedPValue: number;
  /** The test used. */
  readonly test: ComparisonTest;
}

/** One segment of a table. */
export interface SegmentRow {
  /** The segment's key: one value per `by` field (any string works, `__proto__` included). */
  readonly key: readonly SegmentKeyValue[];
  /** Answered responses in the segment. */
  readonly n: number;
  /** Whether n reaches the table's minimum (default 30). */
  readonly reliable: boolean;
  /** Whether the score was withheld because the segment is too small (`suppressSmall`). */
  readonly suppressed: boolean;
  /** The segment's full metric result; undefined when suppressed. */
  readonly result: MetricResult | undefined;
  /** The segment's tally (for merging tables of shards). */
  readonly tally: Tally;
  /** The segment against the rest (or the overall); undefined when suppressed, empty, or not asked for. */
  readonly comparison: SegmentComparison | undefined;
}

/** What `segmentBy` returns. */
export interface SegmentTable {
  /** The metric computed. */
  readonly metric: MetricKind;
  /** The fields segmented by (`'(function)'` for an accessor). */
  readonly by: readonly string[];
  /** Rows read, every one of them in a segment (rows without a `by` field are in the segment whose key is `undefined`). */
  readonly rows: number;
  /** The result over every row. */
  readonly overall: MetricResult;
  /** Every segment, in order of first appearance. */
  readonly segments: readonly SegmentRow[];
  /** The minimum n for a segment to be `reliable`. */
  readonly minimumN: number;
  /** How p-values were adjusted. */
  readonly adjust: PValueAdjustment;
  /**
   * Finds a segment by its key values.
   *
   * @param key - one value per `by` field
   * @returns the segment, or undefined
   */
  readonly get: (...key: readonly SegmentKeyValue[]) => SegmentRow | undefined;
}
