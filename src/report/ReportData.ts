import type { RiskTierEvaluation } from '../loyalty/evaluateRiskTiers.js';
import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import type { IngestSummary } from '../records/IngestMapping.js';
import type { MetricResult } from '../segments/metricFunctions.js';
import type { SegmentTable } from '../segments/SegmentTable.js';
import type { TrendSeries } from '../segments/trend.js';

/** Where the report's answers came from, and what was detected about the file (never silently). */
export interface ReportSource {
  /** The file's name as given (`'-'` for standard input), or the database table's. */
  readonly name: string;
  /** How it was read (`'table'`: a database table, counted where it is). */
  readonly format: 'csv' | 'ndjson' | 'json' | 'parquet' | 'table';
  /** The CSV delimiter found or given; undefined for NDJSON and JSON. */
  readonly delimiter: ',' | ';' | '\t' | undefined;
  /** The vendor export the columns were read as (`'qualtrics'`, `'plain'`…), detected or forced. */
  readonly vendor: string;
  /** One line per decision made about the file: the delimiter, the vendor, each metric's column. */
  readonly notes: readonly string[];
}

/** One metric of a report: the column it was read from, its score overall, by segment and over time, and where every row went. */
export interface ReportMetric {
  /** The column the answers were read from. */
  readonly column: string;
  /** The score over every accepted row. */
  readonly result: MetricResult;
  /** The score per segment, when segment columns were given. */
  readonly segments: SegmentTable | undefined;
  /** The score per period, when a time unit was given. */
  readonly trend: TrendSeries | undefined;
  /** Where every row went for this metric: read, accepted, rejected by reason, excluded, skipped values. */
  readonly ingest: IngestSummary;
}

/** Everything a report shows: what `cx-metrics report` computes, and what {@link renderHTMLReport} draws. */
export interface ReportData {
  /** The report's title. */
  readonly title: string;
  /** The file read, when there was one. */
  readonly source: ReportSource | undefined;
  /** One entry per metric, in the order asked for. */
  readonly metrics: readonly ReportMetric[];
  /** The loyalty-risk classification, when it was run. */
  readonly risk: LoyaltyRiskResult | undefined;
  /** How the tiers foretold churn (`evaluateRiskTiers` on known outcomes), when outcomes were given. */
  readonly evaluation?: RiskTierEvaluation | undefined;
}
