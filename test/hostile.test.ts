import { afterAll, describe, expect, test } from 'vitest';
import * as cx from 'cx-metrics';
import { CxMetricsError, scales } from 'cx-metrics';

// The catalogue of hostile and broken input, across every public entry: each bad input must end
// as a CxMetricsError with a code, or as a result that accounts for it (and holds no NaN), never
// as a raw TypeError or RangeError, a hang, or a change to Object.prototype.

const revocable = Proxy.revocable({}, {});
revocable.revoke();
const trap = (): never => {
  throw new Error('a trap of a hostile proxy');
};
const hostile: Readonly<Record<string, unknown>> = {
  null: null,
  undefined: undefined,
  NaN: Number.NaN,
  '-0': -0,
  Infinity: Number.POSITIVE_INFINITY,
  'a huge number': 1e308,
  'a bigint': 10n,
  'a symbol': Symbol('hostile'),
  'a 1 MB string': 'x'.repeat(1 << 20),
  'an empty object': {},
  'an empty array': [],
  'a function': () => 1,
  '{ length: Infinity }': { length: Number.POSITIVE_INFINITY },
  '{ length: -1 }': { length: -1 },
  '{ length: 2 ** 53 }': { length: 2 ** 53 },
  '{ length: 1.5 }': { length: 1.5 },
  'a fake Date': Object.create(Date.prototype) as unknown,
  'an invalid Date': new Date(Number.NaN),
  'a revoked proxy': revocable.proxy,
  'a proxy whose every trap throws': new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap }),
  'an object whose getter throws': Object.defineProperty({}, 'score', { get: trap, enumerable: true }),
  'a __proto__ key from JSON': JSON.parse('{"__proto__": {"polluted": true}, "score": 9}') as unknown,
  'a sparse array': [1, , 3],
  'an iterable that throws': { [Symbol.iterator]: () => ({ next: trap }) },
  'an async iterable that rejects': { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('the source failed')) }) },
  'a scale with overlapping bands': {
    id: 'overlap',
    min: 0,
    max: 10,
    polarity: 'higher-is-better',
    bands: [
      { name: 'low', min: 0, max: 6, sentiment: 'negative' },
      { name: 'high', min: 5, max: 10, sentiment: 'positive' },
    ],
  },
};

/** Numbers anywhere in a result (a few levels deep), to check that none is NaN. */
function numbersIn(value: unknown, depth = 0, seen = new Set<unknown>()): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value !== 'object' || value === null || depth > 6 || seen.has(value)) return [];
  seen.add(value);
  return Object.values(value).flatMap((item) => numbersIn(item, depth + 1, seen));
}

type Outcome = { kind: 'result'; value: unknown } | { kind: 'error'; error: unknown };
async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    const value = run();
    return { kind: 'result', value: value instanceof Promise ? await value : isAsyncIterator(value) ? await drain(value) : value };
  } catch (error) {
    return { kind: 'error', error };
  }
}
const isAsyncIterator = (value: unknown): value is AsyncIterable<unknown> => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
async function drain(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** Every call shape of an entry, with the hostile value in one place. */
type Shapes = readonly ((value: unknown) => unknown)[];
const any = (value: unknown): never => value as never;
const records = cx.ingest([{ score: 9 }, { score: 3 }], { scale: scales.nps }).records;
const tally = cx.tallyAnswers([9, 3], { scale: scales.nps });
const loyaltyRecords = [
  ...cx.ingest([{ score: 9, customerId: 'A', submittedAt: '2026-06-01T00:00:00Z' }, { score: 3, customerId: 'B', submittedAt: '2026-06-01T00:00:00Z' }], { scale: scales.nps }).records,
  ...cx.ingest([{ score: 1, customerId: 'A', submittedAt: '2026-07-01T00:00:00Z' }], { scale: scales.ces7 }).records,
];
const loyalty = cx.classifyLoyaltyRisk(loyaltyRecords);
const entries: Readonly<Record<string, Shapes>> = {
  adjustPValues: [(v) => cx.adjustPValues(any(v)), (v) => cx.adjustPValues([0.1, any(v)]), (v) => cx.adjustPValues([0.1], any(v))],
  agrestiCoullInterval: [(v) => cx.agrestiCoullInterval(any(v), 10), (v) => cx.agrestiCoullInterval(3, any(v)), (v) => cx.agrestiCoullInterval(3, 10, any(v))],
  betaQuantile: [(v) => cx.betaQuantile(any(v), 2, 3), (v) => cx.betaQuantile(0.5, any(v), 3), (v) => cx.betaQuantile(0.5, 2, any(v))],
  bootstrapInterval: [
    (v) => cx.bootstrapInterval(any(v), { metric: 'nps', replicates: 100 }),
    (v) => cx.bootstrapInterval([9, 3], { metric: any(v) }),
    (v) => cx.bootstrapInterval([9, 3], any(v)),
    (v) => cx.bootstrapInterval([9, 3], { metric: 'nps', replicates: any(v) }),
    (v) => cx.bootstrapInterval([9, 3], { metric: 'nps', seed: any(v), replicates: 100 }),
    (v) => cx.bootstrapInterval([9, 3], { metric: 'nps', weights: any(v), replicates: 100 }),
    (v) => cx.bootstrapInterval([v], { metric: 'nps', replicates: 100 }),
  ],
  clopperPearsonInterval: [(v) => cx.clopperPearsonInterval(any(v), 10), (v) => cx.clopperPearsonInterval(3, 10, any(v))],
  classifyLoyaltyRisk: [
    (v) => cx.classifyLoyaltyRisk(any(v)),
    (v) => cx.classifyLoyaltyRisk([...loyaltyRecords, v] as never),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, any(v)),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { asOf: any(v) }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { by: any(v) }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { by: () => any(v) }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { timeZone: any(v) }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { policy: any(v) }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { policy: { effortWindow: { days: any(v) } } }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { policy: { tiers: any(v) } }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { policy: { tiers: { ...cx.defaultRiskPolicy.tiers, promoter: any(v) } } }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { policy: { transactional: any(v) } }),
    (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { policy: { accountThresholds: any(v) } }),
  ],
  classifyLoyaltyRiskAsync: [(v) => cx.classifyLoyaltyRiskAsync(any(v)), (v) => cx.classifyLoyaltyRiskAsync(loyaltyRecords, { signal: any(v) }), (v) => cx.classifyLoyaltyRiskAsync(loyaltyRecords, { policy: any(v) })],
  cochranArmitageTest: [(v) => cx.cochranArmitageTest(any(v), [10, 10]), (v) => cx.cochranArmitageTest([1, 2], any(v)), (v) => cx.cochranArmitageTest([1, any(v)], [10, 10]), (v) => cx.cochranArmitageTest([1, 2], [10, 10], any(v)), (v) => cx.cochranArmitageTest([1, 2], [10, 10], { scores: [1, any(v)] })],
  compareRiskSnapshots: [(v) => cx.compareRiskSnapshots(any(v), loyalty), (v) => cx.compareRiskSnapshots(loyalty, any(v)), (v) => cx.compareRiskSnapshots(loyalty, loyalty, any(v)), (v) => cx.compareRiskSnapshots(loyalty, { ...loyalty, customers: [v] } as never)],
  defaultRiskPolicy: [(v) => cx.classifyLoyaltyRisk(loyaltyRecords, { policy: { ...cx.defaultRiskPolicy, rollup: any(v) } }), (v) => cx.classifyLoyaltyRisk(loyaltyRecords, { policy: { ...cx.defaultRiskPolicy, nextSteps: { ...cx.defaultRiskPolicy.nextSteps, unknown: any(v) } } })],
  evaluateRiskTiers: [
    (v) => cx.evaluateRiskTiers(any(v), new Map()),
    (v) => cx.evaluateRiskTiers(loyalty, any(v)),
    (v) => cx.evaluateRiskTiers(loyalty, new Map([['A', any(v)]])),
    (v) => cx.evaluateRiskTiers(loyalty, { A: any(v) }),
    (v) => cx.evaluateRiskTiers(loyalty, [{ customerId: v, churned: true }]),
    (v) => cx.evaluateRiskTiers(loyalty, [{ customerId: 'A', churned: true }], any(v)),
    (v) => cx.evaluateRiskTiers(loyalty, [{ customerId: 'A', churned: true }], { scores: any(v) }),
  ],
  compareCES: [(v) => cx.compareCES(any(v), [1, 2], { scale: scales.ces7 }), (v) => cx.compareCES([1, 2], [any(v)], { scale: scales.ces7 }), (v) => cx.compareCES([1, 2], [1, 2], any(v))],
  compareCSAT: [(v) => cx.compareCSAT(any(v), [5]), (v) => cx.compareCSAT([5], [any(v)]), (v) => cx.compareCSAT([5], [4], any(v))],
  compareNPS: [(v) => cx.compareNPS(any(v), [9]), (v) => cx.compareNPS([9], [any(v)]), (v) => cx.compareNPS([9], [3], any(v)), (v) => cx.compareNPS([9], [3], { level: any(v) })],
  computeCES: [(v) => cx.computeCES(any(v), { scale: scales.ces7 }), (v) => cx.computeCES([7, any(v)], { scale: scales.ces7 }), (v) => cx.computeCES([7], any(v)), (v) => cx.computeCES([7], { scale: any(v) }), (v) => cx.computeCES([7], { scale: scales.ces7, interval: any(v) })],
  computeCSAT: [(v) => cx.computeCSAT(any(v)), (v) => cx.computeCSAT([5, any(v)]), (v) => cx.computeCSAT([5], any(v)), (v) => cx.computeCSAT([5], { satisfied: any(v) })],
  computeNPS: [
    (v) => cx.computeNPS(any(v)),
    (v) => cx.computeNPS([9, any(v)]),
    (v) => cx.computeNPS([9], any(v)),
    (v) => cx.computeNPS([9], { scale: any(v) }),
    (v) => cx.computeNPS([{ s: 9 }], { value: any(v) }),
    (v) => cx.computeNPS([9, 3], { weights: any(v) }),
    (v) => cx.computeNPS([9, 3], { weights: [1, any(v)] }),
    (v) => cx.computeNPS([any(v)], { value: 's' }),
    (v) => cx.computeNPS(records, { weights: any(v) }),
  ],
  convertTally: [(v) => cx.convertTally(any(v), scales.nps, (p) => p), (v) => cx.convertTally(tally, any(v), (p) => p), (v) => cx.convertTally(tally, scales.nps, any(v)), (v) => cx.convertTally(tally, scales.nps, () => any(v))],
  CxMetricsError: [(v) => new cx.CxMetricsError('invalid_input', 'x', any(v))],
  defineScale: [(v) => cx.defineScale(any(v)), (v) => cx.defineScale({ ...scales.nps, bands: any(v) }), (v) => cx.defineScale({ ...scales.nps, labels: any(v) }), (v) => cx.defineScale({ ...scales.nps, min: any(v) })],
  effectiveSampleSize: [(v) => cx.effectiveSampleSize(any(v)), (v) => cx.effectiveSampleSize([1, any(v)])],
  ingest: [
    (v) => cx.ingest(any(v), { scale: scales.nps }),
    (v) => cx.ingest([v], { scale: scales.nps }),
    (v) => cx.ingest([{ score: v }], { scale: scales.nps }),
    (v) => cx.ingest([{ s: 9, t: v }], { scale: scales.nps, score: 's', submittedAt: 't' }),
    (v) => cx.ingest([{ s: 9 }], any(v)),
    (v) => cx.ingest([{ s: 9 }], { scale: any(v), score: 's' }),
    (v) => cx.ingest([{ s: 9 }], { scale: scales.nps, score: 's' }, any(v)),
    (v) => cx.ingest([{ s: 9 }], { scale: scales.nps, score: 's' }, { columns: any(v) }),
    (v) => cx.ingest([{ s: 9 }], { scale: scales.nps, score: 's' }, { skipValues: any(v) }),
    (v) => cx.ingest([{ s: 9 }], { scale: scales.nps, score: 's' }, { timeZone: any(v) }),
    (v) => cx.ingest([{ s: 9 }], { scale: scales.nps, score: 's' }, { exclude: any(v) }),
    (v) => cx.ingest([{ s: 9 }], { scale: scales.nps, score: () => v }),
  ],
  ingestAsync: [(v) => cx.ingestAsync(any(v), { scale: scales.nps }), (v) => cx.ingestAsync([{ score: v }], { scale: scales.nps }), (v) => cx.ingestAsync([{ score: 9 }], { scale: scales.nps }, { signal: any(v) })],
  ingestStream: [(v) => cx.ingestStream(any(v), { scale: scales.nps }), (v) => cx.ingestStream([v], { scale: scales.nps }), (v) => cx.ingestStream([{ score: 9 }], { scale: scales.nps }, { onRejected: any(v) })],
  isResponseRecord: [(v) => cx.isResponseRecord(v)],
  isSameScale: [(v) => cx.isSameScale(any(v), scales.nps), (v) => cx.isSameScale(scales.nps, any(v))],
  marginOfError: [(v) => cx.marginOfError(any(v)), (v) => cx.marginOfError({ metric: 'nps', n: any(v) }), (v) => cx.marginOfError({ metric: 'mean', n: 10, sd: any(v) })],
  mergeTallies: [(v) => cx.mergeTallies(any(v)), (v) => cx.mergeTallies([tally, any(v)]), (v) => cx.mergeTallies([tally], any(v))],
  newcombeInterval: [(v) => cx.newcombeInterval(any(v), { successes: 1, n: 2 }), (v) => cx.newcombeInterval({ successes: 1, n: any(v) }, { successes: 1, n: 2 })],
  normalCDF: [(v) => cx.normalCDF(any(v))],
  normalQuantile: [(v) => cx.normalQuantile(any(v))],
  npsDifferenceTest: [(v) => cx.npsDifferenceTest(any(v), { detractors: 1, passives: 1, promoters: 1 }), (v) => cx.npsDifferenceTest({ detractors: any(v), passives: 1, promoters: 1 }, { detractors: 1, passives: 1, promoters: 1 })],
  npsInterval: [(v) => cx.npsInterval(any(v)), (v) => cx.npsInterval({ detractors: 1, passives: any(v), promoters: 2 }), (v) => cx.npsInterval({ detractors: 1, passives: 1, promoters: 2 }, any(v))],
  npsVariance: [(v) => cx.npsVariance(any(v))],
  parseAnswer: [(v) => cx.parseAnswer(v, scales.nps), (v) => cx.parseAnswer('9', any(v)), (v) => cx.parseAnswer('9', scales.nps, any(v))],
  parseTimestamp: [(v) => cx.parseTimestamp(v), (v) => cx.parseTimestamp('2026-03-01', any(v)), (v) => cx.parseTimestamp('2026-03-01', { earliest: any(v) }), (v) => cx.parseTimestamp('2026-03-01 09:00', { timeZone: any(v) })],
  proportionDifferenceTest: [(v) => cx.proportionDifferenceTest(any(v), { successes: 1, n: 2 }), (v) => cx.proportionDifferenceTest({ successes: 1, n: 2 }, { successes: any(v), n: 2 })],
  proportionInterval: [(v) => cx.proportionInterval(any(v), 10), (v) => cx.proportionInterval(3, 10, any(v))],
  responseStandardSchema: [(v) => cx.responseStandardSchema(any(v)), (v) => cx.responseStandardSchema(scales.nps)['~standard'].validate(v)],
  rollingWindows: [
    (v) => cx.rollingWindows(any(v), { window: { days: 7 }, scale: scales.nps, value: 's', time: 't' }),
    (v) => cx.rollingWindows([{ s: 9, t: v }], { window: { days: 7 }, scale: scales.nps, value: 's', time: 't' }),
    (v) => cx.rollingWindows(records, any(v)),
    (v) => cx.rollingWindows(records, { window: any(v) }),
  ],
  roundShares: [(v) => cx.roundShares(any(v)), (v) => cx.roundShares([1, any(v)]), (v) => cx.roundShares([1, 2], any(v))],
  sampleSizeForNPS: [(v) => cx.sampleSizeForNPS(any(v))],
  sampleSizeForProportion: [(v) => cx.sampleSizeForProportion(any(v))],
  scoreStandardSchema: [(v) => cx.scoreStandardSchema(any(v)), (v) => cx.scoreStandardSchema(scales.nps)['~standard'].validate(v)],
  segmentBy: [
    (v) => cx.segmentBy(any(v), 'g', { scale: scales.nps, value: 's' }),
    (v) => cx.segmentBy([{ s: 9, g: v }], 'g', { scale: scales.nps, value: 's', minimumN: 0 }),
    (v) => cx.segmentBy([{ s: 9, g: 'a' }], any(v), { scale: scales.nps, value: 's' }),
    (v) => cx.segmentBy([{ s: 9, g: 'a' }], 'g', any(v)),
    (v) => cx.segmentBy([{ s: 9, g: 'a' }, v], 'g', { scale: scales.nps, value: 's' }),
    (v) => cx.segmentBy([...records, v], 'channel'),
    (v) => cx.segmentBy([{ s: 9 }, { s: 3 }], (_row, index) => (index === 0 ? 'a' : any(v)), { scale: scales.nps, value: 's' }),
  ],
  segmentByAsync: [(v) => cx.segmentByAsync(any(v), 'g', { scale: scales.nps, value: 's' }), (v) => cx.segmentByAsync([{ s: 9, g: 'a' }], 'g', { scale: scales.nps, value: 's', signal: any(v) })],
  studentTCDF: [(v) => cx.studentTCDF(any(v), 5), (v) => cx.studentTCDF(1, any(v))],
  studentTQuantile: [(v) => cx.studentTQuantile(any(v), 5), (v) => cx.studentTQuantile(0.9, any(v))],
  Tally: [(v) => cx.Tally.fromJSON(v), (v) => cx.Tally.fromJSON({ ...tally.toJSON(), counts: v }), (v) => cx.Tally.fromJSON({ ...tally.toJSON(), scale: v })],
  tallyAnswers: [(v) => cx.tallyAnswers(any(v), { scale: scales.nps }), (v) => cx.tallyAnswers([9], any(v)), (v) => cx.tallyAnswers([9], { scale: scales.nps, offset: any(v) }), (v) => cx.tallyAnswers([9], { scale: scales.nps, maxInvalidExamples: any(v) })],
  tallyAnswersAsync: [(v) => cx.tallyAnswersAsync(any(v), { scale: scales.nps }), (v) => cx.tallyAnswersAsync([9], { scale: scales.nps, signal: any(v) })],
  TallyBuilder: [(v) => new cx.TallyBuilder(any(v)), (v) => new cx.TallyBuilder({ scale: scales.nps }).add(v), (v) => new cx.TallyBuilder({ scale: scales.nps }).add(9, any(v)), (v) => new cx.TallyBuilder({ scale: scales.nps }).addAll(any(v))],
  tallyCounts: [(v) => cx.tallyCounts(any(v), [1]), (v) => cx.tallyCounts(scales.nps, any(v)), (v) => cx.tallyCounts(scales.nps, { 9: any(v) }), (v) => cx.tallyCounts(scales.nps, [{ point: v, count: 1 }]), (v) => cx.tallyCounts(scales.nps, { 9: 1 }, any(v))],
  tInterval: [(v) => cx.tInterval(any(v)), (v) => cx.tInterval([1, 2, any(v)]), (v) => cx.tInterval([1, 2, 3], any(v))],
  trend: [
    (v) => cx.trend(any(v), { scale: scales.nps, value: 's', time: 't' }),
    (v) => cx.trend([{ s: 9, t: v }], { scale: scales.nps, value: 's', time: 't' }),
    (v) => cx.trend(records, any(v)),
    (v) => cx.trend(records, { from: any(v) }),
    (v) => cx.trend(records, { timeZone: any(v) }),
    (v) => cx.trend(records, { unit: any(v) }),
  ],
  vendorMappings: [
    (v) => cx.vendorMappings(any(v)),
    (v) => cx.vendorMappings([v]),
    (v) => cx.vendorMappings([['nps', any(v)], ['9', '1']]),
    (v) => cx.vendorMappings([['nps'], ['9']], any(v)),
    (v) => cx.vendorMappings([['nps'], ['9']], { columns: any(v) }),
    (v) => cx.vendorMappings([['nps'], ['9']], { columns: { nps: any(v) } }),
    (v) => cx.vendorMappings([['nps'], ['9']], { scales: { nps: any(v) } }),
    (v) => cx.vendorMappings([['nps'], ['9']], { attributes: any(v) }),
    (v) => cx.vendorMappings([['nps'], ['9']], { vendor: any(v) }),
  ],
  welchTTest: [(v) => cx.welchTTest(any(v), [1, 2]), (v) => cx.welchTTest([1, 2], [1, any(v)]), (v) => cx.welchTTest([1, 2], [1, 2], any(v))],
  wilsonInterval: [(v) => cx.wilsonInterval(any(v), 10), (v) => cx.wilsonInterval(3, any(v)), (v) => cx.wilsonInterval(3, 10, any(v))],
};

describe('every public entry meets hostile input with a CxMetricsError or an accounted result', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  afterAll(() => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  test('the catalogue covers every value the package exports', () => {
    const exported = Object.keys(cx).filter((name) => name !== 'scales');
    expect(exported.filter((name) => !(name in entries))).toEqual([]);
  });

  test.each(Object.entries(entries))('%s', async (_name, shapes) => {
    const problems: string[] = [];
    for (const [label, value] of Object.entries(hostile)) {
      for (const [at, shape] of shapes.entries()) {
        const result = await outcome(() => shape(value));
        const where = `call shape ${at} with ${label}`;
        if (result.kind === 'error') {
          if (!(result.error instanceof CxMetricsError)) problems.push(`${where}: threw ${String((result.error as Error)?.name)}: ${String((result.error as Error)?.message).slice(0, 120)}`);
          else if (result.error.issues.length === 0 || !/^[A-Z]?[\w.]+(:| \()/.test(result.error.message)) problems.push(`${where}: an error without issues or function name`);
        } else if (numbersIn(result.value).some((number) => Number.isNaN(number)) && !['normalCDF', 'parseAnswer'].includes(_name)) {
          problems.push(`${where}: a result with NaN`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
