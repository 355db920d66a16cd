import { expect } from 'vitest';

/** Decimals shown in a number as JavaScript prints it (0.2553 → 4, 1e-7 → 7). */
function decimalsOf(value: number): number {
  const text = String(value);
  const exponent = /e-(\d+)$/.exec(text);
  const fraction = /\.(\d+)/.exec(text.replace(/e.*$/, ''));
  return (fraction?.[1]?.length ?? 0) + (exponent ? Number(exponent[1]) : 0);
}

/** Compares as a reader of `// => expected` would: to the decimals shown, integers exactly. */
function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected)) return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= 0.5 * 10 ** -decimalsOf(expected) + 1e-12;
  }
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((item, index) => matches(actual[index], item));
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((key) => matches((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]));
  }
  return Object.is(actual, expected);
}

/** The assertion behind every `// => value` comment in a TSDoc example. */
export function check(actual: unknown, expected: unknown, where: string): void {
  if (!matches(actual, expected)) expect(actual, `the example at ${where} claims ${JSON.stringify(expected)}`).toEqual(expected);
}
