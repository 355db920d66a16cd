import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { CSVScanner, type Delimiter, detectDelimiter } from '../../src/cli/CSVScanner.js';

/** Reads text given in pieces cut at `cuts`. */
function scan(text: string, cuts: readonly number[], delimiter: Delimiter = ',', wanted?: readonly boolean[]): { rows: string[][]; lines: number[] } {
  const scanner = new CSVScanner('test', 'input', delimiter);
  scanner.want(wanted);
  const rows: string[][] = [];
  const lines: number[] = [];
  const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const point of points) {
    scanner.push(text.slice(from, point), false, rows, lines);
    from = point;
  }
  scanner.push(text.slice(from), true, rows, lines);
  return { rows, lines };
}

const cell = fc.oneof(fc.constantFrom('', 'a', 'x y', '9', '-99', 'é', '"', '""', 'a,b', 'a;b', 'line\nbreak', 'crlf\r\nbreak', ' lead', 'tail '), fc.string({ maxLength: 6 }));
/** A cell as a writer following RFC 4180 writes it: quoted when it holds a quote, delimiter or line break. */
const quote = (value: string, delimiter: string): string => (/["\r\n]/.test(value) || value.includes(delimiter) || value === '' ? `"${value.replace(/"/g, '""')}"` : value);

describe('CSVScanner reads RFC 4180', () => {
  test('every cell written by RFC 4180 reads back the same, wherever the text is cut (papaparse agrees)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.array(fc.nat(200), { maxLength: 6 }), fc.boolean(), (table, delimiter, cuts, crlf) => {
        const text = table.map((row) => row.map((value) => quote(value, delimiter)).join(delimiter)).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
        const { rows } = scan(text, cuts, delimiter as Delimiter);
        expect(rows).toEqual(table);
        const papa = Papa.parse<string[]>(text, { delimiter, newline: crlf ? '\r\n' : '\n', skipEmptyLines: false }).data.filter((row) => !(row.length === 1 && row[0] === ''));
        expect(rows).toEqual(papa);
      }),
      { numRuns: 500 },
    );
  });

  test('rows carry the file line they start on, counting line breaks inside quoted fields', () => {
    const text = 'id,comment\n1,"two\nlines"\n2,plain\r\n\n3,"a ""quoted"" word"\n';
    const { rows, lines } = scan(text, []);
    expect(rows).toEqual([['id', 'comment'], ['1', 'two\nlines'], ['2', 'plain'], ['3', 'a "quoted" word']]);
    expect(lines).toEqual([1, 2, 4, 6]);
  });

  test('only wanted cells become strings, and a short row keeps its true length', () => {
    const { rows } = scan('a,b,c\n1,"x,y",3\n4,5\n', [7], ',', [false, true, false]);
    expect(rows).toEqual([['', 'b', ''], ['', 'x,y', ''], ['', '5']]);
  });

  test('a quote that never closes, or text after a closing quote, is an error naming the line', () => {
    expect(() => scan('a,b\n1,"open\n', [])).toThrow(/closing quote in input at line 2/);
    expect(() => scan('a,b\n1,"x"y\n', [])).toThrow(/after a closing quote in input at line 2/);
  });

  test('a lone CR is data; a last line without a line break is read', () => {
    expect(scan('a\rb,c\n1,2', []).rows).toEqual([['a\rb', 'c'], ['1', '2']]);
  });

  test('the delimiter is the most frequent of , ; and tab outside quotes', () => {
    expect([detectDelimiter('a,b,c'), detectDelimiter('a;b;"c,d,e"'), detectDelimiter('a\tb\tc,d'), detectDelimiter('single')]).toEqual([',', ';', '\t', ',']);
  });
});
