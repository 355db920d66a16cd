import { expectTypeOf, test } from 'vitest';
import { classifyLoyaltyRisk, type CustomerRisk, defaultRiskPolicy, type RiskTier, compareCSAT, compareNPS, computeCES, computeCSAT, computeNPS, convertTally, defineScale, ingest, ingestStream, type Interval, mergeTallies, type MetricResult, type NPSResult, type ResponseRecord, scales, type Scale, segmentBy, type Tally, tallyAnswers } from 'cx-metrics';

test('an empty sample has no score, and the type makes callers check', () => {
  const result = computeNPS([9, 10]);
  expectTypeOf(result).toEqualTypeOf<NPSResult<Scale>>();
  expectTypeOf(result.score).toEqualTypeOf<number | undefined>();
  if (result.score !== undefined) {
    expectTypeOf(result.ci).toEqualTypeOf<Interval<'adjusted-wald' | 'wald' | 'score', 'points'>>();
    expectTypeOf(result.promoters.percent).toEqualTypeOf<number>();
    expectTypeOf(result.promoters.ci).toEqualTypeOf<Interval<'wilson' | 'agresti-coull' | 'clopper-pearson', 'percent'>>();
  } else {
    expectTypeOf(result.ci).toEqualTypeOf<undefined>();
    expectTypeOf(result.promoters.ci).toEqualTypeOf<undefined>();
  }
});

test('defineScale keeps literal ids, ranges and band names', () => {
  const scale = defineScale({
    id: 'stars',
    min: 1,
    max: 4,
    polarity: 'higher-is-better',
    bands: [
      { name: 'low', min: 1, max: 2, sentiment: 'negative' },
      { name: 'high', min: 3, max: 4, sentiment: 'positive' },
    ],
  });
  expectTypeOf(scale.id).toEqualTypeOf<'stars'>();
  expectTypeOf(scale.max).toEqualTypeOf<4>();
  expectTypeOf(scale.bands[0]!.name).toEqualTypeOf<'low' | 'high'>();
  expectTypeOf(scales.ces5Effort.id).toEqualTypeOf<'ces5Effort'>();
});

test('a tally remembers its scale, and results are readonly', () => {
  const tally = tallyAnswers([1, 2], { scale: scales.ces7 });
  expectTypeOf(tally.scale.id).toEqualTypeOf<'ces7'>();
  const result = computeCES(tally);
  expectTypeOf(result.scale.id).toEqualTypeOf<'ces7'>();
  // @ts-expect-error results are readonly
  result.score = 3;
});

test('accessors see the row type', () => {
  computeNPS([{ answer: 9 }], { value: (row) => row.answer });
  // @ts-expect-error the row has no such field
  computeNPS([{ answer: 9 }], { value: (row) => row.missing });
});

test('a CES 1.0 record can never be read as a CES 2.0 record', () => {
  const { records } = ingest([{ score: 2 }], { scale: scales.ces5Effort });
  expectTypeOf(records[0]!.scaleId).toEqualTypeOf<'ces5Effort'>();
  const onlyCES2 = (input: readonly ResponseRecord<typeof scales.ces7>[]): number => input.length;
  // @ts-expect-error a CES 1.0 record is not a CES 2.0 record
  onlyCES2(records);
  expectTypeOf(computeCES(records).scale.id).toEqualTypeOf<'ces5Effort'>();
});

test('comparisons and segment rows make callers check for a missing difference or a suppressed result', () => {
  const change = compareNPS([9, 10], [3]);
  expectTypeOf(change.difference).toEqualTypeOf<number | undefined>();
  if (change.difference !== undefined) expectTypeOf(change.pValue).toEqualTypeOf<number>();
  const table = segmentBy([{ s: 9, g: 'a' }], 'g', { scale: scales.nps, value: (row) => row.s });
  expectTypeOf(table.segments[0]!.result).toEqualTypeOf<MetricResult | undefined>();
});

test('a tally keeps its scale through merge and convert', () => {
  const tally = tallyAnswers([1, 2], { scale: scales.ces5Effort });
  expectTypeOf(mergeTallies([tally, tally])).toEqualTypeOf<Tally<typeof scales.ces5Effort>>();
  expectTypeOf(convertTally(tally, scales.ces5, (point) => 6 - point)).toEqualTypeOf<Tally<typeof scales.ces5>>();
  // @ts-expect-error tallies of two scales do not merge
  mergeTallies([tally, tallyAnswers([4], { scale: scales.ces5 })]);
});

test('ingest: accessors and exclude see the row type; records carry the scale; the stream too', () => {
  const rows = [{ Q1: '9', Status: 'IP Address' }];
  const result = ingest(rows, { scale: scales.nps, score: (row) => row.Q1 }, { exclude: (row) => (row.Status === 'IP Address' ? undefined : 'test') });
  expectTypeOf(result.records[0]!.scaleId).toEqualTypeOf<'nps'>();
  // @ts-expect-error the row has no such field
  ingest(rows, { scale: scales.nps, score: (row) => row.Q2 });
  const stream = ingestStream(rows, { scale: scales.csat5, score: 'Q1' });
  expectTypeOf(stream.summary.accepted).toEqualTypeOf<number>();
  expectTypeOf<Awaited<ReturnType<typeof stream.next>>['value']>().toMatchTypeOf<ResponseRecord<typeof scales.csat5> | { readonly total: number }>();
});

test('intervals carry their unit in the type: points, percent or scale units', () => {
  const difference = compareNPS([9], [3]);
  if (difference.difference !== undefined) expectTypeOf(difference.ci.unit).toEqualTypeOf<'points'>();
  const csat = compareCSAT([5], [1]);
  if (csat.difference !== undefined) expectTypeOf(csat.ci.unit).toEqualTypeOf<'percent'>();
  const ces = computeCES([7], { scale: scales.ces7 });
  if (ces.score !== undefined) expectTypeOf(ces.ci.unit).toEqualTypeOf<'scale'>();
  const share = computeCSAT([5]).satisfied;
  expectTypeOf(share.percent).toEqualTypeOf<number | undefined>();
});

test('the loyalty classifier takes records of any scale and names its tiers, rows and steps', () => {
  const nps = ingest([{ score: 9, customerId: 'A' }], { scale: scales.nps }).records;
  const ces = ingest([{ score: 2, customerId: 'A' }], { scale: scales.ces5Effort }).records;
  const result = classifyLoyaltyRisk([...nps, ...ces]);
  const customer = result.customers[0] as CustomerRisk;
  expectTypeOf(customer.tier).toEqualTypeOf<RiskTier>();
  expectTypeOf(customer.nextStep).toEqualTypeOf<'close-the-loop' | 'executive-outreach' | 'product-feedback' | 'ask-relationship' | 'monitor'>();
  expectTypeOf(result.asOf).toEqualTypeOf<Date | undefined>();
  expectTypeOf(customer.weightedHighEffort).toEqualTypeOf<number | undefined>();
  // A policy table is given whole: a row without a cell does not type-check.
  // @ts-expect-error the repeated cell is missing
  classifyLoyaltyRisk(nps, { policy: { tiers: { ...defaultRiskPolicy.tiers, passive: { easy: 'stable', single: 'watch' } } } });
  // @ts-expect-error not a tier
  classifyLoyaltyRisk(nps, { policy: { tiers: { ...defaultRiskPolicy.tiers, passive: { easy: 'fine', single: 'watch', repeated: 'at-risk' } } } });
  // @ts-expect-error plain rows are not records
  classifyLoyaltyRisk([{ score: 9 }]);
});
