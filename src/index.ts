/**
 * cx-metrics: customer-experience survey metrics you can trust. NPS, CSAT and CES from raw
 * answers, records or tallies, with confidence intervals, weights, and every answer and every
 * row accounted for.
 *
 * ```ts
 * import { computeNPS } from 'cx-metrics';
 *
 * computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9]).score; // => 33.333333
 * ```
 *
 * @module
 */
import { registerDisplays } from './report/registerDisplays.js';

// Gives every result its notebook display (Symbol.for('Jupyter.display')); see src/internal/display.ts.
registerDisplays();

export { adjustPValues } from './stats/adjustPValues.js';
export { agrestiCoullInterval } from './stats/agrestiCoullInterval.js';
export { betaQuantile } from './stats/betaQuantile.js';
export { bootstrapInterval } from './metrics/bootstrapInterval.js';
export { classifyLoyaltyRisk } from './loyalty/classifyLoyaltyRisk.js';
export { classifyLoyaltyRiskAsync } from './loyalty/classifyLoyaltyRiskAsync.js';
export { clopperPearsonInterval } from './stats/clopperPearsonInterval.js';
export { cochranArmitageTest } from './stats/cochranArmitageTest.js';
export { compareCES } from './metrics/compareCES.js';
export { compareCSAT } from './metrics/compareCSAT.js';
export { compareNPS } from './metrics/compareNPS.js';
export { compareRiskSnapshots } from './loyalty/compareRiskSnapshots.js';
export { computeCES } from './metrics/computeCES.js';
export { computeCSAT } from './metrics/computeCSAT.js';
export { computeNPS } from './metrics/computeNPS.js';
export { convertTally } from './tally/convertTally.js';
export { CxMetricsError } from './errors/CxMetricsError.js';
export { defaultRiskPolicy } from './loyalty/defaultRiskPolicy.js';
export { defineScale } from './scales/defineScale.js';
export { effectiveSampleSize } from './stats/effectiveSampleSize.js';
export { evaluateRiskTiers } from './loyalty/evaluateRiskTiers.js';
export { ingest } from './records/ingest.js';
export { ingestAsync } from './records/ingestAsync.js';
export { ingestStream } from './records/ingestStream.js';
export { isResponseRecord } from './records/isResponseRecord.js';
export { isSameScale } from './scales/isSameScale.js';
export { marginOfError } from './stats/marginOfError.js';
export { mergeTallies } from './tally/mergeTallies.js';
export { newcombeInterval } from './stats/newcombeInterval.js';
export { normalCDF } from './stats/normalCDF.js';
export { normalQuantile } from './stats/normalQuantile.js';
export { npsDifferenceTest } from './stats/npsDifferenceTest.js';
export { npsInterval } from './stats/npsInterval.js';
export { npsVariance } from './stats/npsVariance.js';
export { parseAnswer } from './records/parseAnswer.js';
export { parseTimestamp } from './records/parseTimestamp.js';
export { proportionDifferenceTest } from './stats/proportionDifferenceTest.js';
export { proportionInterval } from './stats/proportionInterval.js';
export { responseStandardSchema } from './records/responseStandardSchema.js';
export { rollingWindows } from './segments/rollingWindows.js';
export { roundShares } from './stats/roundShares.js';
export { sampleSizeForNPS } from './stats/sampleSizeForNPS.js';
export { sampleSizeForProportion } from './stats/sampleSizeForProportion.js';
export { scales } from './scales/scales.js';
export { scoreStandardSchema } from './records/scoreStandardSchema.js';
export { segmentBy } from './segments/segmentBy.js';
export { segmentByAsync } from './segments/segmentByAsync.js';
export { studentTCDF } from './stats/studentTCDF.js';
export { studentTQuantile } from './stats/studentTQuantile.js';
export { Tally } from './tally/Tally.js';
export { tallyAnswers } from './tally/tallyAnswers.js';
export { tallyAnswersAsync } from './tally/tallyAnswersAsync.js';
export { TallyBuilder } from './tally/TallyBuilder.js';
export { tallyCounts } from './tally/tallyCounts.js';
export { tInterval } from './stats/tInterval.js';
export { trend } from './segments/trend.js';
export { vendorMappings } from './records/vendorMappings.js';
export { welchTTest } from './stats/welchTTest.js';
export { wilsonInterval } from './stats/wilsonInterval.js';

export type { AbortSignalLike, AnyRows, Rows } from './internal/readRows.js';
export type { AnswerOptions } from './tally/AnswerReader.js';
export type { AnswerInput, TallyOptions } from './tally/tallyAnswers.js';
export type { AttributeValue, ResponseRecord } from './records/ResponseRecord.js';
export type { Band, MetricKind, Polarity, Scale, ScaleDefinition, Sentiment } from './scales/defineScale.js';
export type { BandShare, Mean, MetricResultBase, PointRange, RangeShare, ResponseAccounting, Share } from './metrics/MetricResult.js';
export type { CESEmpty, CESIntervalMethods, CESOptions, CESParts, CESResult, CESScored, NetScore } from './metrics/computeCES.js';
export type { CochranArmitageOptions, TrendTest } from './stats/cochranArmitageTest.js';
export type { Comparison, ComparisonEmpty, ComparisonScored } from './metrics/ComparisonResult.js';
export type { ComparisonTest, DifferenceTest } from './stats/TestResult.js';
export type { AccountThresholds, Days, EffortColumn, EffortLevel, NextStep, PolicyTable, Relationship, RelationshipRollup, RelationshipRow, RiskPolicy, RiskPolicyInput, RiskTier } from './loyalty/riskPolicy.js';
export type { CompareRiskSnapshotsOptions, CustomerMove, RiskMovement, RiskMovementCounts, SnapshotTier, TierMove } from './loyalty/compareRiskSnapshots.js';
export type { CountColumns, CountValue, PointCounts, PointKey, TallyCountsOptions } from './tally/tallyCounts.js';
export type { CSATEmpty, CSATOptions, CSATParts, CSATResult, CSATScored } from './metrics/computeCSAT.js';
export type { CxMetricsErrorCode, CxMetricsIssue, CxMetricsIssueCode, NonEmptyList } from './errors/CxMetricsError.js';
export type { ExcludeRule, FieldReport, FieldSource, IngestAsyncOptions, IngestIssue, IngestMapping, IngestOptions, IngestResult, IngestStreamOptions, IngestSummary, RecordField, RejectedRow, SkipValue } from './records/IngestMapping.js';
export type { CustomerRisk, EvidenceRole, LoyaltyRiskResult, PortfolioShare, RiskCell, RiskEvidence, RiskReason, RiskReasonCode, RiskRecordAccounting, RiskSegment, RiskSummary, TierCount } from './loyalty/LoyaltyRiskResult.js';
export type { BootstrapInterval, BootstrapMethod, BootstrapOptions } from './metrics/bootstrapInterval.js';
export type { VarianceMethod } from './metrics/tallyStatistics.js';
export type { EvaluateRiskTiersOptions, RiskOutcomes, RiskTierEvaluation, TierOutcome } from './loyalty/evaluateRiskTiers.js';
export type { ExpectedNPSShares, SampleSizeForNPSOptions } from './stats/sampleSizeForNPS.js';
export type { IngestStream } from './records/ingestStream.js';
export type { InputOptions, MetricInput, OnInvalid } from './metrics/resolveTally.js';
export type { Interval, IntervalOptions, IntervalUnit } from './stats/Interval.js';
export type { InvalidAnswer, TallyJSON, TallyParts } from './tally/Tally.js';
export type { LoyaltyRiskAsyncOptions, LoyaltyRiskOptions } from './loyalty/LoyaltyCollector.js';
export type { MarginOfErrorOptions } from './stats/marginOfError.js';
export type { MergeTalliesOptions } from './tally/mergeTallies.js';
export type { MetricOptions, MetricResult } from './segments/metricFunctions.js';
export type { NPSCounts } from './stats/NPSCounts.js';
export type { NPSDifferenceTest, NPSDifferenceTestOptions } from './stats/npsDifferenceTest.js';
export type { NPSEmpty, NPSOptions, NPSParts, NPSResult, NPSScored } from './metrics/computeNPS.js';
export type { NPSIntervalMethod, NPSIntervalOptions } from './stats/npsInterval.js';
export type { ParseAnswerOptions, ParsedAnswer } from './records/parseAnswer.js';
export type { ParsedTimestamp, ParseTimestampOptions } from './records/parseTimestamp.js';
export type { ProportionCounts } from './stats/newcombeInterval.js';
export type { ProportionDifferenceTestOptions } from './stats/proportionDifferenceTest.js';
export type { ProportionIntervalMethod, ProportionIntervalOptions } from './stats/proportionInterval.js';
export type { PValueAdjustment } from './stats/adjustPValues.js';
export type { ResponseInput } from './records/ResponseInput.js';
export type { RollingWindow, RollingWindowOptions, RollingWindowSeries, WindowLength, WindowOfDays, WindowOfMonths } from './segments/rollingWindows.js';
export type { RoundSharesOptions } from './stats/roundShares.js';
export type { SampleSizeForProportionOptions } from './stats/sampleSizeForProportion.js';
export type { SampleSummary, TIntervalOptions } from './stats/tInterval.js';
export type { Scales } from './scales/scales.js';
export type { SegmentBy, SegmentOptions } from './segments/SegmentCollector.js';
export type { SegmentComparison, SegmentRow, SegmentTable } from './segments/SegmentTable.js';
export type { SegmentKeyValue } from './tally/KeyedGroups.js';
export type {
  StandardSchemaFailure,
  StandardSchemaIssue,
  StandardSchemaPathSegment,
  StandardSchemaProps,
  StandardSchemaResult,
  StandardSchemaSuccess,
  StandardSchemaTypes,
  StandardSchemaV1,
} from './records/StandardSchema.js';
export type { TallyAsyncOptions } from './tally/tallyAnswersAsync.js';
export type { TallyBuilderOptions } from './tally/TallyBuilder.js';
export type { TimeAccounting, TimeOptions, TimeSeriesBase, TimeSlot } from './segments/collectDays.js';
export type { TimeUnit } from './segments/calendar.js';
export type { TrendBucket, TrendOptions, TrendSeries } from './segments/trend.js';
export type { MetricMapping, VendorId, VendorMappingOptions, VendorMappings } from './records/vendorMappings.js';
export type { WelchTTestOptions } from './stats/welchTTest.js';
