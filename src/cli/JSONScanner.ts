import { CxMetricsError } from '../errors/CxMetricsError.js';

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;
const LF = 10;

/**
 * A streaming reader of the elements of a JSON array: the top-level array (`[{…}, {…}]`), or the
 * first array property of a top-level object, as APIs wrap their pages (`{ "items": […] }`,
 * `{ "satisfaction_ratings": […] }`). Each element is parsed on its own with `JSON.parse`, so a
 * file of any size is read in the memory of one element. Every element carries its first line.
 */
export class JSONScanner {
  readonly #functionName: string;
  readonly #source: string;
  #text = '';
  /** Where scanning resumes in `#text`. */
  #at = 0;
  #depth = 0;
  #inString = false;
  #escaped = false;
  /** The depth of the elements read (1 for a top-level array, 2 inside an object); 0 until found. */
  #elementDepth = 0;
  /** Where the current element starts in `#text`, or -1. */
  #start = -1;
  #startLine = 0;
  #line = 1;
  #done = false;
  /** The property holding the array, for the notes ('' for a top-level array). */
  property: string | undefined;
  #lastKey = '';
  #keyStart = -1;

  constructor(functionName: string, source: string) {
    this.#functionName = functionName;
    this.#source = source;
  }

  /** Reads the complete elements so far into `rows` (and their first lines into `lines`). */
  push(text: string, final: boolean, rows: unknown[], lines: number[]): void {
    // Keep only what the current element needs: the text before it is read.
    const keepFrom = Math.min(this.#start >= 0 ? this.#start : this.#at, this.#keyStart >= 0 ? this.#keyStart : this.#at);
    this.#text = this.#text.slice(keepFrom) + text;
    if (this.#start >= 0) this.#start -= keepFrom;
    if (this.#keyStart >= 0) this.#keyStart -= keepFrom;
    let i = this.#at - keepFrom;
    const all = this.#text;
    const end = all.length;
    for (; i < end && !this.#done; i++) {
      const c = all.charCodeAt(i);
      if (c === LF) this.#line++;
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === BACKSLASH) this.#escaped = true;
        else if (c === QUOTE) {
          this.#inString = false;
          if (this.#keyStart >= 0) {
            this.#lastKey = all.slice(this.#keyStart, i);
            this.#keyStart = -1;
          }
        }
        continue;
      }
      if (c === QUOTE) {
        this.#inString = true;
        if (this.#elementDepth === 0 && this.#depth === 1) this.#keyStart = i + 1;
        this.#begin(i);
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === LF) continue;
      if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        if (this.#elementDepth === 0 && c === OPEN_BRACKET && this.#depth <= 1) {
          this.#depth++;
          this.#elementDepth = this.#depth;
          this.property = this.#depth === 1 ? '' : this.#lastKey;
          continue;
        }
        this.#begin(i);
        this.#depth++;
        continue;
      }
      if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
        if (this.#depth === this.#elementDepth) {
          this.#emit(i, rows, lines);
          this.#done = true;
          break;
        }
        this.#depth--;
        continue;
      }
      if (c === COMMA && this.#depth === this.#elementDepth) {
        this.#emit(i, rows, lines);
        continue;
      }
      this.#begin(i);
    }
    this.#at = i;
    if (final) {
      if (this.#elementDepth === 0) this.#fail('a JSON array, or an object with an array property', 'no array');
      if (!this.#done) this.#fail('the end of the array', 'the end of the file');
    }
  }

  /** Marks the start of an element at the element depth. */
  #begin(at: number): void {
    if (this.#start < 0 && this.#elementDepth > 0 && this.#depth === this.#elementDepth) {
      this.#start = at;
      this.#startLine = this.#line;
    }
  }

  #emit(at: number, rows: unknown[], lines: number[]): void {
    if (this.#start < 0) return;
    const text = this.#text.slice(this.#start, at);
    this.#start = -1;
    try {
      rows.push(JSON.parse(text));
    } catch (error) {
      this.#fail('a JSON value', `${(error as Error).message}`, this.#startLine);
    }
    lines.push(this.#startLine);
  }

  #fail(expected: string, received: string, line: number = this.#line): never {
    const message = `${this.#functionName}: expected ${expected} in ${this.#source} at line ${line}, got ${received}`;
    throw new CxMetricsError('invalid_input', message, [{ code: 'invalid_value', expected, received, path: ['line', line], message }]);
  }
}

