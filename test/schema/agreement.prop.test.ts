import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { responseStandardSchema, scales, scoreStandardSchema } from 'cx-metrics';
import { responseSchema, scoreSchema } from 'cx-metrics/schema';

const scale = scales.csat5;
const core = responseStandardSchema(scale)['~standard'];
const zod = responseSchema(scale);

const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constant(''), fc.string({ minLength: 250, maxLength: 260 }));
const number = fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, 0.5));
const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), text, number, fc.array(fc.integer(), { maxLength: 2 }), fc.constant(new Date(0)));
const timestamp = fc.oneof(
  fc.constantFrom('2026-03-01', '2026-03-01T09:30:00Z', '2026-03-01 09:30', '2026-02-30', '2026-03-01T09:30:00+01:00', '2026-3-1', '', 'now'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);
const attributeValue = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant({}), fc.constant([1]));
const attributes = fc.oneof(
  fc.dictionary(fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('__proto__', 'constructor', 'prototype')), attributeValue, { maxKeys: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), attributeValue, { maxKeys: 3, noNullPrototype: false }),
  junk,
);
// Records that are mostly right, with any field possibly wrong or missing.
const response = fc.record(
  {
    respondentId: fc.oneof(text, junk),
    score: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(null), junk),
    submittedAt: fc.oneof(timestamp, junk),
    customerId: fc.oneof(text, junk),
    weight: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), junk),
    interactionId: fc.oneof(text, junk),
    touchpoint: fc.oneof(text, junk),
    channel: fc.oneof(text, junk),
    attributes,
    extra: junk,
  },
  { requiredKeys: [] },
);

/** Compares outputs without caring for prototypes (ours has a null-prototype attributes object). */
const plain = (value: unknown): unknown => {
  const { attributes, ...rest } = value as { attributes?: object };
  return attributes === undefined ? rest : { ...rest, attributes: { ...attributes } };
};

describe('the zod schemas and the core validators agree', () => {
  test('responseSchema (zod) and responseStandardSchema (core) accept and reject the same responses, with the same output', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 8, arbitrary: response }, { weight: 1, arbitrary: fc.anything() }), (value) => {
        const ours = core.validate(value) as { value?: unknown; issues?: unknown };
        const theirs = zod.safeParse(value);
        expect(ours.issues === undefined, JSON.stringify(theirs.error?.issues ?? ours.issues)).toBe(theirs.success);
        if (theirs.success) expect(plain(ours.value)).toEqual(plain(theirs.data));
      }),
      { numRuns: 2000 },
    );
  });

  test('scoreSchema (zod) and scoreStandardSchema (core) agree on every value', () => {
    const ours = scoreStandardSchema(scales.nps)['~standard'];
    const theirs = scoreSchema(scales.nps);
    fc.assert(
      fc.property(fc.oneof(number, junk, fc.anything()), (value) => {
        expect((ours.validate(value) as { issues?: unknown }).issues === undefined).toBe(theirs.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });

  test('both are Standard Schemas: zod by its own ~standard, ours with vendor cx-metrics', async () => {
    expect(zod['~standard'].vendor).toBe('zod');
    expect(responseStandardSchema(scale)['~standard'].vendor).toBe('cx-metrics');
    const result = await zod['~standard'].validate({ respondentId: 'a', score: 5 });
    expect(result.issues).toBeUndefined();
  });
});
