import { afterAll, describe, expect, test } from 'vitest';
import { ingest, scales } from 'cx-metrics';

const latest = new Date('2030-01-01T00:00:00Z');
const outcome = (score: unknown): string => {
  const result = ingest([{ score }], { scale: scales.nps }, { latest });
  if (result.accepted === 1) return `accepted ${JSON.stringify(result.records[0]?.score)}`;
  return result.rejectedRows[0]?.issues.map((issue) => issue.code).join(',') ?? 'lost';
};

// Hostile and broken input, each with the outcome it must get. Nothing is lost: every row is
// either a record or a rejected row with a code.
describe('catalogue of hostile and broken scores', () => {
  test.each([
    ['NaN', 'not_finite', NaN],
    ['Infinity', 'not_finite', Infinity],
    ['-Infinity', 'not_finite', -Infinity],
    ['-0 (read as 0)', 'accepted 0', -0],
    ['1e309 (Infinity)', 'not_finite', 1e309],
    ['the string "1e309"', 'not_a_number', '1e309'],
    ['a numeric string with spaces', 'accepted 9', ' 9 '],
    ['a numeric string with inner spaces', 'not_a_number', '1 0'],
    ['hex', 'not_a_number', '0x9'],
    ['an empty string (skipped)', 'accepted null', ''],
    ['a blank string (skipped)', 'accepted null', ' '],
    ['null (skipped)', 'accepted null', null],
    ['undefined (skipped)', 'accepted null', undefined],
    ['true', 'invalid_type', true],
    ['false', 'invalid_type', false],
    ['an array', 'invalid_type', [9]],
    ['a nested object', 'invalid_type', { value: { score: 9 } }],
    ['a string of 1 MB', 'too_long', 'x'.repeat(1 << 20)],
    ['7.5', 'not_an_integer', '7.5'],
    ['11', 'out_of_range', 11],
    ['an unknown label', 'unknown_label', 'Somewhat likely'],
  ])('%s → %s', (_name, expected, score) => {
    expect(outcome(score)).toBe(expected);
  });
});

describe('hostile rows and keys', () => {
  afterAll(() => {
    // No prototype was polluted by anything above.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('rows that are null, numbers, strings or arrays are rejected, not crashed on', () => {
    const result = ingest([null, 42, 'score', [9], undefined], { scale: scales.nps });
    expect(result.rejectedRows.map((row) => row.issues[0]?.code)).toEqual(['invalid_type', 'invalid_type', 'invalid_type', 'invalid_type', 'invalid_type']);
    expect(result.accepted + result.rejected).toBe(5);
  });

  test('__proto__, constructor and prototype as attribute names and values stay plain data', () => {
    const rows = JSON.parse('[{"score": 9, "__proto__": "p0", "constructor": "c", "prototype": "p", "segment": "__proto__"}]') as unknown[];
    const result = ingest(rows, { scale: scales.nps, score: 'score', attributes: ['__proto__', 'constructor', 'prototype', 'segment'] });
    const attributes = result.records[0]?.attributes as Record<string, unknown>;
    expect(Object.keys(attributes)).toEqual(['__proto__', 'constructor', 'prototype', 'segment']);
    expect([attributes['__proto__'], attributes['segment']]).toEqual(['p0', '__proto__']);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(attributes))).toBeNull();
    expect(['toString' in attributes, 'hasOwnProperty' in attributes]).toEqual([false, false]);
    // The __proto__ column held an object: refused as an attribute value, never merged.
    const hostile = JSON.parse('[{"score": 9, "__proto__": {"polluted": true}}]') as unknown[];
    const strict = ingest(hostile, { scale: scales.nps, score: 'score', attributes: { proto: '__proto__' } });
    expect(strict.rejectedRows[0]?.issues[0]).toMatchObject({ field: 'attributes.proto', code: 'invalid_type' });
    const wire = ingest(JSON.parse('[{"score": 9, "attributes": {"__proto__": {"polluted": true}, "plan": "pro"}}]') as unknown[], { scale: scales.nps });
    expect(wire.rejectedRows[0]?.issues[0]).toMatchObject({ field: 'attributes.__proto__', code: 'invalid_type' });
  });

  test('a column named __proto__ is read only as an own key, never from the prototype', () => {
    const result = ingest([{ score: 9 }], { scale: scales.nps, score: 'score', channel: '__proto__', respondentId: 'constructor' });
    expect(result.records[0]).toMatchObject({ channel: undefined, respondentId: undefined });
    expect(result.absentColumns).toEqual(['constructor', '__proto__']);
  });

  test('frozen inputs are read, never mutated', () => {
    const rows = Object.freeze([Object.freeze({ score: '9', attributes: Object.freeze({ plan: 'pro' }) })]);
    const result = ingest(rows, { scale: scales.nps });
    expect(result.accepted).toBe(1);
    expect(rows[0]).toEqual({ score: '9', attributes: { plan: 'pro' } });
  });

  test('invalid Dates and timestamps far in the past or future are rejected; the bounds are options', () => {
    const rows = [{ score: 9, submittedAt: new Date('x') }, { score: 9, submittedAt: '1970-01-01T00:00:00Z' }, { score: 9, submittedAt: '2999-01-01T00:00:00Z' }];
    const result = ingest(rows, { scale: scales.nps }, { latest });
    expect(result.rejectedRows.map((row) => row.issues[0]?.code)).toEqual(['invalid_date', 'out_of_range', 'out_of_range']);
    expect(ingest(rows.slice(1), { scale: scales.nps }, { earliest: new Date(0), latest: new Date('3000-01-01') }).accepted).toBe(2);
  });

  test('duplicated column names in array rows are refused when mapped', () => {
    expect(() => ingest([[9, 10]], { scale: scales.nps, score: 'score' }, { columns: ['score', 'score'] })).toThrow(/appears more than once/);
    // An unmapped duplicate is harmless.
    expect(ingest([[9, 'x', 'y']], { scale: scales.nps, score: 'score' }, { columns: ['score', 'note', 'note'] }).accepted).toBe(1);
  });
});
