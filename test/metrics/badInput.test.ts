import { describe, expect, test } from 'vitest';
import { thrown } from '../support/thrown.js';
import { compareNPS, computeCES, computeCSAT, computeNPS, CxMetricsError, scales } from 'cx-metrics';


// Each bad answer gets an error naming the function, the value, what was expected and where.
describe('bad answers are refused with a clear error', () => {
  test.each([
    ['NaN', NaN, 'not_finite', 'NaN'],
    ['Infinity', Infinity, 'not_finite', 'Infinity'],
    ['-Infinity', -Infinity, 'not_finite', '-Infinity'],
    ['a numeric string', '9', 'not_a_number', '"9"'],
    ['an empty string', '', 'not_a_number', '""'],
    ['a boolean', true, 'not_a_number', 'true'],
    ['an object', { score: 9 }, 'not_a_number', 'an object'],
    ['an array', [9], 'not_a_number', 'an array of length 1'],
    ['a bigint', 9n, 'not_a_number', '9n'],
    ['7.5 on an integer scale', 7.5, 'not_an_integer', '7.5'],
    ['a value above the scale', 11, 'out_of_range', '11'],
    ['a value below the scale', -1, 'out_of_range', '-1'],
  ])('%s', (_name, value, code, received) => {
    const error = thrown(() => computeNPS([10, value]));
    expect(error.code).toBe('invalid_answers');
    expect(error.issues).toEqual([
      {
        code,
        received,
        path: [1],
        expected: 'an integer from 0 to 10, or null/undefined for a skipped answer',
        message: `computeNPS: expected an integer from 0 to 10, or null/undefined for a skipped answer, got ${received} at index 1`,
      },
    ]);
    expect(error.message).toBe(error.issues[0]?.message);
  });

  test('an answer object is never coerced: its valueOf is not called', () => {
    const hostile = {
      valueOf(): number {
        throw new Error('valueOf was called');
      },
    };
    const error = thrown(() => computeNPS([hostile, Symbol('x')]));
    expect(error.issues.map((issue) => issue.received)).toEqual(['an object', 'a symbol']);
  });

  test.each([
    ['null', null],
    ['a string of answers', '10,9,8'],
    ['a number', 10],
  ])('an input that is %s is refused as invalid_input', (_name, input) => {
    const error = thrown(() => computeNPS(input as never));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^computeNPS: expected an array, typed array or iterable of answers, got /);
  });

  test('a 1 MB string is cut short in the message', () => {
    const error = thrown(() => computeCSAT(['x'.repeat(1_000_000)]));
    expect(error.message.length).toBeLessThan(200);
    expect(error.issues[0]?.received).toMatch(/… \(1000000 characters\)$/);
  });

  test('the same rules hold for every metric', () => {
    expect(thrown(() => computeCSAT([6])).message).toBe('computeCSAT: expected an integer from 1 to 5, or null/undefined for a skipped answer, got 6 at index 0');
    expect(thrown(() => computeCES([1, 2, 9], { scale: scales.ces7 })).message).toBe(
      'computeCES: expected an integer from 1 to 7, or null/undefined for a skipped answer, got 9 at index 2',
    );
  });
});

describe('bad options and weights are refused with a clear error', () => {
  test.each([
    ['a level outside (0, 1)', () => computeNPS([9], { level: 95 }), 'invalid_option', 'computeNPS: expected a confidence level strictly between 0 and 1, such as 0.95, got 95 at options.level'],
    ['a level of 1', () => computeCSAT([5], { level: 1 }), 'invalid_option', 'computeCSAT: expected a confidence level strictly between 0 and 1, such as 0.95, got 1 at options.level'],
    ['an unknown interval method', () => computeNPS([9], { interval: 'bootstrap' as never }), 'invalid_option', `computeNPS: expected one of 'adjusted-wald', 'wald', 'score', got "bootstrap" at options.interval`],
    ['an unknown onInvalid', () => computeNPS([9], { onInvalid: 'ignore' as never }), 'invalid_option', `computeNPS: expected one of 'throw', 'exclude', got "ignore" at options.onInvalid`],
    ['an unknown denominator', () => computeNPS([9], { denominator: 'total' as never }), 'invalid_option', `computeNPS: expected one of 'answered', 'all', got "total" at options.denominator`],
    ['an unknown option name', () => computeCSAT([5], { satisfiedFrom: 4 } as never), 'invalid_option', /computeCSAT: expected a known option name \(.*\), got "satisfiedFrom" at options.satisfiedFrom/],
    ['a negative weight', () => computeNPS([9, 10], { weights: [1, -1] }), 'invalid_weights', 'computeNPS: expected a weight of 0, or from 1e-100 to 1e+100, got -1 at weights[1]'],
    ['a NaN weight', () => computeNPS([9, 10], { weights: [NaN, 1] }), 'invalid_weights', 'computeNPS: expected a weight of 0, or from 1e-100 to 1e+100, got NaN at weights[0]'],
    ['a weight so large its square overflows', () => computeNPS([9], { weights: [1.5e154] }), 'invalid_weights', 'computeNPS: expected a weight of 0, or from 1e-100 to 1e+100, got 1.5e+154 at weights[0]'],
    ['a string weight', () => computeNPS([9], { weights: ['2'] as never }), 'invalid_weights', 'computeNPS: expected a weight of 0, or from 1e-100 to 1e+100, got "2" at weights[0]'],
    ['weights of the wrong length', () => computeNPS([9, 10], { weights: [1] }), 'invalid_weights', 'computeNPS: expected 2 weights, one per answer, got "1 weights" at options.weights'],
    ['a CES without a scale', () => computeCES([3]), 'invalid_option', /computeCES: expected a scale/],
    ['a bad weight field in group b of a comparison names the group', () => compareNPS([{ s: 9, w: 1 }], [{ s: 9, w: -1 }], { value: 's', weights: 'w' }), 'invalid_weights', 'compareNPS: expected a weight of 0, or from 1e-100 to 1e+100, got -1 at b[0].w'],
    ['an async iterable names the async route', () => computeNPS((async function* () { yield 9; })() as never), 'invalid_input', 'computeNPS: expected an array, typed array or iterable of answers (for async iterables, tally them with await tallyAnswersAsync(rows, { scale }) and pass the tally to computeNPS), got an object'],
  ])('%s', (_name, run, code, message) => {
    const error = thrown(run);
    expect(error.code).toBe(code);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  test('never NaN: zero total weight is an empty result', () => {
    const result = computeNPS([9, 10], { weights: [0, 0] });
    expect([result.score, result.n, result.effectiveN]).toEqual([undefined, 2, 0]);
  });
});
