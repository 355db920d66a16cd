import { describe, expect, test } from 'vitest';
import { parseTimestamp } from 'cx-metrics';

const iso = (value: unknown, options = {}): string | undefined => {
  const parsed = parseTimestamp(value, { latest: new Date('2030-01-01T00:00:00Z'), ...options });
  return parsed.ok ? parsed.date?.toISOString() : parsed.code;
};

describe('parseTimestamp', () => {
  test.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T09:30', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01 09:30:15', '2026-03-01T09:30:15.000Z'],
    ['2026-03-01T09:30:15.25Z', '2026-03-01T09:30:15.250Z'],
    ['2026-03-01T09:30:00+01:00', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T09:30:00-0530', '2026-03-01T15:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    [Date.UTC(2026, 2, 1), '2026-03-01T00:00:00.000Z'],
    [String(Date.UTC(2026, 2, 1)), '2026-03-01T00:00:00.000Z'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01T00:00:00.000Z'],
  ])('reads %j', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  test('reads Unix seconds when told (Delighted sends created_at in seconds)', () => {
    expect(iso(1772323200, { timestampUnit: 's' })).toBe('2026-03-01T00:00:00.000Z');
  });

  test.each([
    ['2026-02-30', 'invalid_date'],
    ['2025-02-29', 'invalid_date'],
    ['2026-13-01', 'invalid_date'],
    ['2026-03-01T24:00', 'invalid_date'],
    ['2026-03-01T09:60', 'invalid_date'],
    ['2026-3-1', 'invalid_date'],
    ['March 1, 2026', 'invalid_date'],
    ['2026-03-01T09:30:00+25:00', 'invalid_date'],
    [new Date('nonsense'), 'invalid_date'],
    [NaN, 'not_finite'],
    [{}, 'invalid_type'],
    ['1999-12-31T23:59:59Z', 'out_of_range'],
    ['2031-01-01T00:00:00Z', 'out_of_range'],
    [-8.64e15, 'out_of_range'],
  ])('refuses %j as %s', (value, code) => {
    expect(iso(value)).toBe(code);
  });

  test('bounds are options, and a number that fits only as seconds gets a hint', () => {
    expect(iso('1990-06-01', { earliest: new Date('1980-01-01') })).toBe('1990-06-01T00:00:00.000Z');
    const parsed = parseTimestamp(1772323200, { latest: new Date('2030-01-01') });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toMatch(/this looks like Unix seconds: pass timestampUnit 's'/);
  });

  test('empty cells give no date', () => {
    for (const value of ['', '  ', null, undefined]) expect(parseTimestamp(value)).toEqual({ ok: true, date: undefined });
  });
});
