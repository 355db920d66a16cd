import { describe, expect, test } from 'vitest';
import { ingest, rollingWindows, scales, trend } from 'cx-metrics';

const at = (iso: string): { score: number; submittedAt: string } => ({ score: 9, submittedAt: iso });
const records = (rows: readonly { score: number | null; submittedAt?: string }[]) => ingest(rows, { scale: scales.nps }, { earliest: new Date('2000-01-01'), latest: new Date('2100-01-01') }).records;

describe('calendar buckets', () => {
  test('ISO weeks: 1 January 2027 is in 2026-W53, 1 January 2022 in 2021-W52, 1 January 2026 in 2026-W01', () => {
    const labels = (iso: string): string | undefined => trend(records([at(iso)]), { unit: 'isoWeek' }).buckets[0]?.label;
    expect(labels('2027-01-01T12:00:00Z')).toBe('2026-W53');
    expect(labels('2022-01-01T12:00:00Z')).toBe('2021-W52');
    expect(labels('2026-01-01T12:00:00Z')).toBe('2026-W01');
    expect(labels('2024-12-30T12:00:00Z')).toBe('2025-W01');
    const week = trend(records([at('2027-01-01T12:00:00Z')]), { unit: 'isoWeek' }).buckets[0];
    expect([week?.start.toISOString(), week?.end.toISOString()]).toEqual(['2026-12-28T00:00:00.000Z', '2027-01-04T00:00:00.000Z']);
  });

  test('ISO weeks follow the local calendar: late Sunday UTC is already Monday of the next week in Berlin', () => {
    const row = [at('2027-01-03T23:30:00Z')];
    expect(trend(records(row), { unit: 'isoWeek' }).buckets[0]?.label).toBe('2026-W53');
    const berlin = trend(records(row), { unit: 'isoWeek', timeZone: 'Europe/Berlin' }).buckets[0];
    expect([berlin?.label, berlin?.start.toISOString()]).toEqual(['2027-W01', '2027-01-03T23:00:00.000Z']);
    expect(trend(records(row), { unit: 'isoWeek', timeZone: 'America/New_York' }).buckets[0]?.label).toBe('2026-W53');
  });

  test('year ends in a time zone: 23:30 UTC on 31 December is already next year in Berlin, still this year in New York', () => {
    const row = [at('2026-12-31T23:30:00Z')];
    expect(trend(records(row), { unit: 'year', timeZone: 'Europe/Berlin' }).buckets[0]?.label).toBe('2027');
    expect(trend(records(row), { unit: 'year', timeZone: 'America/New_York' }).buckets[0]?.label).toBe('2026');
    expect(trend(records(row), { unit: 'year' }).buckets[0]?.label).toBe('2026');
  });

  test('days across DST changes start at local midnight: 23 and 25 hours long (New York, Berlin)', () => {
    // New York springs forward on 8 March 2026 and falls back on 1 November 2026.
    const spring = trend(records([at('2026-03-08T12:00:00Z')]), { unit: 'day', timeZone: 'America/New_York' }).buckets[0];
    expect([spring?.start.toISOString(), spring?.end.toISOString()]).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    const autumn = trend(records([at('2026-11-01T12:00:00Z')]), { unit: 'day', timeZone: 'America/New_York' }).buckets[0];
    expect((autumn?.end.getTime() ?? 0) - (autumn?.start.getTime() ?? 0)).toBe(25 * 3_600_000);
    // Berlin springs forward on 29 March 2026: 23:30 UTC on the 28th is already the 29th locally.
    const berlin = trend(records([at('2026-03-28T23:30:00Z'), at('2026-03-29T21:30:00Z')]), { unit: 'day', timeZone: 'Europe/Berlin' });
    expect(berlin.buckets.map((bucket) => [bucket.label, bucket.n])).toEqual([['2026-03-29', 2]]);
    expect(berlin.buckets[0]?.start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(berlin.buckets[0]?.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  test('months and quarters start at local midnight of their first day', () => {
    const march = trend(records([at('2026-03-15T12:00:00Z')]), { unit: 'month', timeZone: 'Europe/Berlin' }).buckets[0];
    expect([march?.start.toISOString(), march?.end.toISOString()]).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect(trend(records([at('2026-05-15T12:00:00Z')]), { unit: 'quarter' }).buckets[0]?.label).toBe('2026-Q2');
  });

  test('an unknown time zone is refused', () => {
    expect(() => trend(records([at('2026-03-15T12:00:00Z')]), { timeZone: 'Mars/Olympus' })).toThrow(/trend: expected an IANA time zone such as 'Europe\/Berlin' \(or 'UTC'\), got "Mars\/Olympus" at options.timeZone/);
  });
});

describe('trend', () => {
  test('lists empty buckets with n 0 and tests the change from the previous bucket', () => {
    const rows = [
      ...Array.from({ length: 30 }, () => ({ score: 10, submittedAt: '2026-01-10T10:00:00Z' })),
      ...Array.from({ length: 30 }, () => ({ score: 0, submittedAt: '2026-03-10T10:00:00Z' })),
    ];
    const series = trend(records(rows), { unit: 'month' });
    expect(series.buckets.map((bucket) => [bucket.label, bucket.n, bucket.reliable])).toEqual([
      ['2026-01', 30, true],
      ['2026-02', 0, false],
      ['2026-03', 30, true],
    ]);
    expect(series.buckets[1]?.change?.difference).toBeUndefined();
    const ofMarch = trend(records(rows), { unit: 'quarter' });
    expect(ofMarch.buckets).toHaveLength(1);
    const weekly = trend(records(rows), { unit: 'isoWeek', from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-03-16T00:00:00Z') });
    expect(weekly.buckets).toHaveLength(10);
    const change = trend(records([...rows.slice(0, 30), ...rows.slice(30).map((row) => ({ ...row, submittedAt: '2026-02-10T10:00:00Z' }))])).buckets[1]?.change;
    expect([change?.difference, (change?.pValue ?? 1) < 0.001]).toEqual([-200, true]);
  });

  test('counts rows without a timestamp instead of losing them', () => {
    const series = trend(records([at('2026-01-10T10:00:00Z'), { score: 9 }, { score: 5 }]));
    expect([series.rows.undated, series.buckets[0]?.n]).toEqual([2, 1]);
  });
});

describe('rollingWindows', () => {
  const days = Array.from({ length: 200 }, (_, day) => ({ at: Date.UTC(2026, 0, 1) + day * 86_400_000 + 43_200_000, nps: day % 5 === 0 ? 0 : 10 }));
  const base = { scale: scales.nps, value: (row: (typeof days)[number]) => row.nps, time: (row: (typeof days)[number]) => row.at };

  test('a 90-day trailing NPS every week covers exactly the 90 days before each week ends', () => {
    const series = rollingWindows(days, { ...base, window: { days: 90 }, step: 'isoWeek' });
    const window = series.windows.find((candidate) => candidate.label === '2026-W20');
    // W20 ends on Monday 18 May 2026; the window starts 90 days earlier, on 17 February.
    expect([window?.start.toISOString(), window?.end.toISOString(), window?.n]).toEqual(['2026-02-17T00:00:00.000Z', '2026-05-18T00:00:00.000Z', 90]);
    const inWindow = days.filter((row) => row.at >= Date.UTC(2026, 1, 17) && row.at < Date.UTC(2026, 4, 18));
    const expected = (100 * (inWindow.filter((row) => row.nps === 10).length - inWindow.filter((row) => row.nps === 0).length)) / inWindow.length;
    expect(window?.result.score).toBeCloseTo(expected, 10);
  });

  test('a trailing quarter (3 calendar months) every month, with the minimum-n rule', () => {
    const series = rollingWindows(days, { ...base, window: { months: 3 }, step: 'month', minimumN: 100 });
    const april = series.windows.find((window) => window.label === '2026-04');
    expect([april?.start.toISOString(), april?.end.toISOString(), april?.n, april?.reliable]).toEqual(['2026-02-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 89, false]);
    expect(series.windows[0]?.label).toBe('2026-01');
  });

  test('refuses a window that is neither days nor months', () => {
    expect(() => rollingWindows(days, { ...base, window: { weeks: 2 } as never })).toThrow(/rollingWindows: expected a known window key \(days, months\), got "weeks" at options.window.weeks/);
    expect(() => rollingWindows(days, { ...base, window: { day: 7 } as never })).toThrow(/did you mean "days"/);
    expect(() => rollingWindows(days, { ...base, window: {} as never })).toThrow(/rollingWindows: expected a window \{ days \} or \{ months \}/);
  });
});

describe('one timestamp rule for every series', () => {
  const base = { scale: scales.nps, value: 'nps', time: 'at' } as const;

  test('a time beyond what a Date holds is out of range, an impossible date is an invalid time: counted, never dropped, never mislabelled', () => {
    const rows = [
      { nps: 9, at: 1e20 },
      { nps: 9, at: '2026-02-30T10:00:00Z' },
      { nps: 9, at: Object.create(Date.prototype) as unknown },
      { nps: 9, at: null },
      { nps: 9, at: '2026-03-01T10:00:00Z' },
    ];
    const series = trend(rows, { ...base, unit: 'day' });
    expect(series.rows).toEqual({ total: 5, placed: 1, undated: 1, invalidTime: 2, outOfRange: 1 });
    expect(series.buckets.map((bucket) => bucket.label)).toEqual(['2026-03-01']);
  });

  test('years 0–99 are themselves, not 1900–1999, and far years are labelled as ISO 8601 writes them', () => {
    const rows = [
      { nps: 9, at: '0050-06-15T12:00:00Z' },
      { nps: 3, at: '0050-07-01T12:00:00Z' },
    ];
    // Plain rows are read like ingest reads them: 1970 to 100 years ahead unless the bounds say otherwise.
    expect(trend(rows, { ...base, unit: 'month' }).rows).toEqual({ total: 2, placed: 0, undated: 0, invalidTime: 0, outOfRange: 2 });
    const series = trend(rows, { ...base, unit: 'month', earliest: new Date('0001-01-01T00:00:00Z') });
    expect(series.buckets.map((bucket) => bucket.label)).toEqual(['0050-06', '0050-07']);
    expect(series.buckets[0]?.start.getUTCFullYear()).toBe(50);
    const far = trend([{ nps: 9, at: new Date(8.64e15) }], { ...base, unit: 'year', latest: new Date(8.64e15) });
    expect(far.buckets.map((bucket) => bucket.label)).toEqual(['+275760']);
  });

  test('Unix seconds with timestampUnit, and from must come before to', () => {
    const rows = [{ nps: 9, at: 1772323200 }, { nps: 3, at: '1772409600' }];
    expect(trend(rows, { ...base, unit: 'day' }).rows.outOfRange).toBe(2);
    expect(trend(rows, { ...base, unit: 'day', timestampUnit: 's' }).buckets.map((bucket) => [bucket.label, bucket.n])).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 1],
    ]);
    const at = new Date('2026-03-01T00:00:00Z');
    expect(() => trend(rows, { ...base, unit: 'day', from: at, to: at })).toThrow(/trend: expected a time "to" after "from"/);
  });

  test('a series of more buckets than anyone can read is refused before it is built', () => {
    const rows = [{ nps: 9, at: '2026-03-01T10:00:00Z' }];
    expect(() => trend(rows, { ...base, unit: 'day', from: new Date('1700-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => trend(rows, { ...base, unit: 'day', from: new Date('1700-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') })).toThrow(/from and to that span at most 100000 day buckets \(a shorter span, or a longer unit\), got "1700-01-01 to 2099-12-31" at options.from/);
    expect(() => trend([{ nps: 9, at: new Date(-8.64e15) }, { nps: 9, at: new Date(8.64e15) }], { ...base, unit: 'day', earliest: new Date(-8.64e15), latest: new Date(8.64e15) })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  test('wall-clock times without an offset are read in the series time zone', () => {
    const rows = [{ nps: 9, at: '2026-03-01 00:30' }];
    expect(trend(rows, { ...base, unit: 'day', timeZone: 'Asia/Tokyo' }).buckets[0]?.start.toISOString()).toBe('2026-02-28T15:00:00.000Z');
    expect(trend(rows, { ...base, unit: 'day' }).buckets[0]?.label).toBe('2026-03-01');
  });

  test('a time field that no row has is an error with the near names; from/to must be real Dates', () => {
    expect(() => trend([{ nps: 9, At: '2026-03-01' }], { ...base })).toThrow(/expected a time field that some row has \(did you mean "At"\?\), got "at" at options.time/);
    expect(() => trend([{ nps: 9, at: '2026-03-01' }], { ...base, from: Object.create(Date.prototype) as Date })).toThrow(/expected a valid Date, got an object posing as a Date at options.from/);
    expect(() => rollingWindows([{ nps: 9, at: '2026-03-01' }], { ...base, window: { days: 7 }, timeZone: 'Nowhere/Land' })).toThrow(/IANA time zone/);
  });
});
