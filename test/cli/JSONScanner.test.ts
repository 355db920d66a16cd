import { describe, expect, test } from 'vitest';
import { JSONScanner } from '../../src/cli/JSONScanner.js';

function scan(text: string, size: number): { rows: unknown[]; lines: number[]; property: string | undefined } {
  const scanner = new JSONScanner('test', 'input.json');
  const rows: unknown[] = [];
  const lines: number[] = [];
  for (let at = 0; at < text.length; at += size) scanner.push(text.slice(at, at + size), at + size >= text.length, rows, lines);
  if (text.length === 0) scanner.push('', true, rows, lines);
  return { rows, lines, property: scanner.property };
}

describe('JSONScanner reads the elements of an array one at a time', () => {
  const wrapped = '{\n  "total_items": 2,\n  "items": [\n    {"token": "a", "answers": [{"n": 1}], "note": "],}{\\""},\n    {"token": "b", "answers": []}\n  ],\n  "page_count": 1\n}\n';
  test.each([1, 2, 3, 7, 1000])('a wrapped array, read in pieces of %i characters', (size) => {
    const { rows, lines, property } = scan(wrapped, size);
    expect(rows).toEqual([
      { token: 'a', answers: [{ n: 1 }], note: '],}{"' },
      { token: 'b', answers: [] },
    ]);
    expect(lines).toEqual([4, 5]);
    expect(property).toBe('items');
  });

  test('a top-level array of objects and scalars', () => {
    expect(scan('[{"a":1}, 2, "x", null]', 3).rows).toEqual([{ a: 1 }, 2, 'x', null]);
    expect(scan('[]', 1).rows).toEqual([]);
  });

  test('a file without an array, or cut short, is an error', () => {
    expect(() => scan('{"a": 1}', 4)).toThrow(/expected a JSON array, or an object with an array property/);
    expect(() => scan('[{"a": 1}, {"b"', 4)).toThrow(/expected the end of the array in input.json/);
    expect(() => scan('[{"a": }]', 100)).toThrow(/expected a JSON value in input.json at line 1/);
  });
});
