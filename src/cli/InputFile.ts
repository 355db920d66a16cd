import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createGunzip } from 'node:zlib';
import { CxMetricsError } from '../errors/CxMetricsError.js';
import { CSVScanner, type Delimiter, detectDelimiter } from './CSVScanner.js';
import { JSONScanner } from './JSONScanner.js';
import { checkReadableFile } from './checkReadableFile.js';
import { usageError } from './usageError.js';

/** How a file is read. */
export type InputFormat = 'csv' | 'ndjson' | 'json';

/** Rows read from one piece of a file, each with the line it starts on. */
export interface RowBatch {
  readonly rows: unknown[];
  readonly lines: number[];
}

/** How to open a file. */
export interface OpenOptions {
  /** The format; default from the extension, else from the first characters. */
  readonly format?: InputFormat | undefined;
  /** The CSV delimiter; default detected from the first line. */
  readonly delimiter?: Delimiter | undefined;
  /** The text encoding (any WHATWG label: `utf-8`, `windows-1252`, `utf-16le`); default UTF-8. */
  readonly encoding?: string | undefined;
  /** Standard input, for the path `-`. */
  readonly stdin?: AsyncIterable<Uint8Array> | undefined;
  /** Only these bytes of the file (a part read by a worker thread; it starts at a row and ends after one). */
  readonly range?: { readonly start: number; readonly end: number } | undefined;
}

/** Bytes read at a time: large enough that a piece's overhead is nothing, small enough for constant memory. */
const PIECE = 1 << 18;

/**
 * A file of answers, read as a stream of row batches: CSV (RFC 4180, delimiter detected), NDJSON
 * (one JSON object a line) or JSON (an array, or an object wrapping one), plain or gzip-compressed,
 * from a path or standard input. Memory stays that of one piece, whatever the file's size.
 */
export class InputFile {
  readonly path: string;
  readonly format: InputFormat;
  readonly delimiter: Delimiter | undefined;
  /** The file's size in bytes when known (not for standard input or compressed files). */
  readonly size: number | undefined;
  /** Bytes read so far (of the file as stored), counted as the pieces arrive. */
  readonly #counted: { bytes: number };
  readonly #pieces: AsyncIterator<Uint8Array>;
  readonly #first: string;
  readonly #decoder: TextDecoder;
  readonly #utf8: boolean;
  readonly #csv: CSVScanner | undefined;
  readonly #json: JSONScanner | undefined;
  #ndjsonRest = '';
  #ndjsonLine = 1;
  /** Whether the format and delimiter were detected (true) or given (false). */
  readonly detected: { readonly format: boolean; readonly delimiter: boolean };

  private constructor(path: string, format: InputFormat, delimiter: Delimiter | undefined, size: number | undefined, read: { bytes: number }, pieces: AsyncIterator<Uint8Array>, first: string, decoder: TextDecoder, detected: { format: boolean; delimiter: boolean }, functionName: string) {
    this.path = path;
    this.format = format;
    this.delimiter = delimiter;
    this.size = size;
    this.#counted = read;
    this.#pieces = pieces;
    this.#first = first;
    this.#decoder = decoder;
    this.#utf8 = decoder.encoding === 'utf-8';
    this.detected = detected;
    if (format === 'csv') this.#csv = new CSVScanner(functionName, path, delimiter as Delimiter);
    if (format === 'json') this.#json = new JSONScanner(functionName, path);
  }

  /** Opens a file (or `-` for standard input), reads its first piece and decides how to read it. */
  static async open(functionName: string, path: string, options: OpenOptions = {}): Promise<InputFile> {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(options.encoding ?? 'utf-8');
    } catch {
      throw usageError(functionName, `a text encoding such as utf-8 or windows-1252`, options.encoding ?? '', '--encoding');
    }
    let size: number | undefined;
    let bytes: AsyncIterable<Uint8Array>;
    const compressed = path.endsWith('.gz');
    if (path === '-') {
      if (options.stdin === undefined) throw usageError(functionName, 'a file (standard input is not available)', path, 'file');
      // gzip on standard input is known by its first two bytes (1f 8b), as zcat knows it.
      const source = options.stdin[Symbol.asyncIterator]();
      const head = await source.next();
      const rest = (async function* () {
        if (head.done !== true) yield head.value;
        for (let next = await source.next(); next.done !== true; next = await source.next()) yield next.value;
      })();
      const gzip = head.done !== true && head.value[0] === 0x1f && head.value[1] === 0x8b;
      bytes = gzip ? Readable.from(rest).pipe(createGunzip()) : rest;
    } else {
      const fileSize = checkReadableFile(functionName, path);
      size = compressed ? undefined : options.range === undefined ? fileSize : options.range.end - options.range.start;
      const range = options.range;
      const stream = createReadStream(path, { highWaterMark: PIECE, ...(range === undefined ? {} : { start: range.start, end: range.end - 1 }) });
      bytes = compressed ? stream.pipe(createGunzip()) : stream;
    }
    const read = { bytes: 0 };
    const pieces = (async function* () {
      for await (const piece of bytes) {
        const chunk = typeof piece === 'string' ? new TextEncoder().encode(piece) : piece;
        read.bytes += chunk.length;
        yield chunk;
      }
    })();
    const first = await pieces.next();
    let firstText = '';
    let carry: Buffer | undefined;
    if (first.done !== true) {
      if (decoder.encoding === 'utf-8') {
        // As #decode does: whole lines now, the bytes after the last line feed with the next piece.
        const bytes = Buffer.from(first.value.buffer, first.value.byteOffset, first.value.byteLength);
        const last = bytes.lastIndexOf(10);
        firstText = bytes.toString('utf8', 0, last + 1).replace(/^\uFEFF/, '');
        carry = last + 1 < bytes.length ? Buffer.from(bytes.subarray(last + 1)) : undefined;
      } else firstText = decoder.decode(first.value, { stream: true });
    }
    const base = compressed ? path.slice(0, -3) : path;
    const extension = /\.([a-z]+)$/i.exec(base)?.[1]?.toLowerCase();
    const byExtension: InputFormat | undefined =
      extension === 'csv' || extension === 'tsv' || extension === 'txt' ? 'csv' : extension === 'ndjson' || extension === 'jsonl' ? 'ndjson' : extension === 'json' ? 'json' : undefined;
    // A first piece without a line feed (one long line) is judged by its bytes so far.
    const head = firstText !== '' || carry === undefined ? firstText : carry.toString('utf8').replace(/^\uFEFF/, '');
    const format = options.format ?? byExtension ?? sniffFormat(head);
    const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = format === 'csv' ? (options.delimiter ?? (extension === 'tsv' ? '\t' : detectDelimiter(firstLine))) : undefined;
    const input = new InputFile(path, format, delimiter, size, read, pieces, firstText, decoder, { format: options.format === undefined, delimiter: options.delimiter === undefined && extension !== 'tsv' }, functionName);
    input.#carry = carry;
    input.#count(firstText);
    return input;
  }

  /** Bytes read so far (of the file as stored). */
  get bytesRead(): number {
    return this.#counted.bytes;
  }

  /** Stops reading (a file read by threads instead). */
  async close(): Promise<void> {
    await this.#pieces.return?.(undefined);
  }

  /** Reads only these CSV columns into strings from now on (the others hold ''). */
  want(columns: readonly boolean[] | undefined): void {
    this.#csv?.want(columns);
  }

  /** Line breaks read so far in a CSV file (those inside quoted fields included). */
  get lineBreaks(): number {
    return (this.#csv?.line ?? 1) - 1;
  }

  /** Blank lines skipped in a CSV file. */
  get blankLines(): number {
    return this.#csv?.blankLines ?? 0;
  }

  /** The array property a JSON file's rows were read from (`''` for a top-level array). */
  get jsonProperty(): string | undefined {
    return this.#json?.property;
  }

  /** The rows, a batch per piece of the file. */
  async *batches(): AsyncGenerator<RowBatch> {
    let text = this.#first;
    for (;;) {
      const next = await this.#pieces.next();
      const final = next.done === true;
      const batch: RowBatch = { rows: [], lines: [] };
      this.#read(text + (final ? this.#decode(undefined) : ''), final, batch);
      if (batch.rows.length > 0) yield batch;
      if (final) return;
      text = this.#decode(next.value);
    }
  }

  /** Bytes of UTF-8 after the last line feed of a piece, kept for the next. */
  #carry: Buffer | undefined;

  /**
   * Decodes a piece: UTF-8 up to its last line feed with Buffer's decoder (a line feed byte is never
   * inside a multi-byte character, so nothing is cut; measured twice as fast as TextDecoder, and with
   * half the memory), the rest carried; other encodings through TextDecoder's stream.
   */
  /** Characters that were not valid in the encoding (decoded as U+FFFD). */
  invalidCharacters = 0;

  /** Counts U+FFFD in decoded text: a file in another encoding than the one read must not pass unsaid. */
  #count(text: string): string {
    for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) this.invalidCharacters++;
    return text;
  }

  #decode(piece: Uint8Array | undefined): string {
    return this.#count(this.#decodeRaw(piece));
  }

  #decodeRaw(piece: Uint8Array | undefined): string {
    if (!this.#utf8) return piece === undefined ? this.#decoder.decode() : this.#decoder.decode(piece, { stream: true });
    if (piece === undefined) {
      const rest = this.#carry;
      this.#carry = undefined;
      return rest === undefined ? '' : rest.toString('utf8');
    }
    const bytes = this.#carry === undefined ? Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength) : Buffer.concat([this.#carry, piece]);
    const last = bytes.lastIndexOf(10);
    if (last < 0) {
      this.#carry = bytes;
      return '';
    }
    this.#carry = last + 1 < bytes.length ? Buffer.from(bytes.subarray(last + 1)) : undefined;
    return bytes.toString('utf8', 0, last + 1);
  }

  #read(text: string, final: boolean, batch: RowBatch): void {
    if (this.#csv !== undefined) this.#csv.push(text, final, batch.rows as string[][], batch.lines);
    else if (this.#json !== undefined) this.#json.push(text, final, batch.rows, batch.lines);
    else this.#ndjson(text, final, batch);
  }

  #ndjson(text: string, final: boolean, batch: RowBatch): void {
    const all = this.#ndjsonRest + text;
    let start = 0;
    for (;;) {
      let end = all.indexOf('\n', start);
      if (end < 0) {
        if (!final) break;
        end = all.length;
      }
      const line = all.slice(start, end).trim();
      if (line !== '') {
        try {
          batch.rows.push(JSON.parse(line));
        } catch (error) {
          const expected = 'one JSON value a line';
          const message = `cx-metrics: expected ${expected} in ${this.path} at line ${this.#ndjsonLine}, got ${(error as Error).message}`;
          throw new CxMetricsError('invalid_input', message, [{ code: 'invalid_value', expected, received: line.slice(0, 40), path: ['line', this.#ndjsonLine], message }]);
        }
        batch.lines.push(this.#ndjsonLine);
      }
      this.#ndjsonLine++;
      start = end + 1;
      if (start > all.length) break;
    }
    this.#ndjsonRest = start <= all.length ? all.slice(start) : '';
  }
}

/** The format from the first characters: `[` a JSON array, `{` NDJSON when the first line closes an object, else JSON; anything else CSV. */
function sniffFormat(text: string): InputFormat {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[')) return 'json';
  if (trimmed.startsWith('{')) {
    const firstLine = trimmed.slice(0, trimmed.indexOf('\n') >>> 0).trim();
    try {
      JSON.parse(firstLine);
      return 'ndjson';
    } catch {
      return 'json';
    }
  }
  return 'csv';
}

