import { fail, type Path } from '../internal/issue.js';
import { checkNumber, type EveryKeyListed } from '../internal/options.js';
import { type AbortSignalLike, forEachRow, forEachRowAsync, type RowSource, type RowVisitor, sourceFailure } from '../internal/readRows.js';
import type { Scale } from '../scales/defineScale.js';
import { Accumulator, DEFAULT_MAX_INVALID_EXAMPLES } from './Accumulator.js';
import { AnswerReader } from './AnswerReader.js';
import type { TallyOptions } from './tallyAnswers.js';

/** The option names of every tally-building function. */
const LISTED_TALLY_OPTION_NAMES = ['scale', 'value', 'weights', 'offset', 'maxInvalidExamples'] as const satisfies readonly (keyof TallyOptions)[];
/** The names, for checking at run time. */
export const TALLY_OPTION_NAMES: readonly (keyof TallyOptions)[] = LISTED_TALLY_OPTION_NAMES;
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof TallyOptions, (typeof LISTED_TALLY_OPTION_NAMES)[number]>;

/** The example limit and index offset of a tally, checked. */
export function exampleOptions(functionName: string, options: { readonly offset?: unknown; readonly maxInvalidExamples?: unknown }): { offset: number; maxExamples: number } {
  const describe = 'a whole number of at least 0';
  const offset = options.offset === undefined ? 0 : checkNumber(functionName, options.offset, ['options', 'offset'], { min: 0, integer: true, describe }, 'invalid_option');
  const maxExamples =
    options.maxInvalidExamples === undefined
      ? DEFAULT_MAX_INVALID_EXAMPLES
      : checkNumber(functionName, options.maxInvalidExamples, ['options', 'maxInvalidExamples'], { min: 0, integer: true, describe }, 'invalid_option');
  return { offset, maxExamples };
}

/**
 * Reads a whole input into one tally's accumulator, the same way for every entry that counts
 * answers (`tallyAnswers`, the `compute*` functions, `tallyAnswersAsync`): plain arrays and bytes
 * through the bulk loops, everything else row by row through the one answer reader.
 */
export class AnswerCounter<Row> implements RowVisitor<Row> {
  readonly #fn: string;
  readonly #rowsPath: Path;
  readonly reader: AnswerReader<Row>;
  readonly #fallbackScale: Scale | undefined;
  readonly #offset: number;
  readonly #maxExamples: number;
  #accumulator: Accumulator | undefined;

  readonly #makeAccumulator: (scale: Scale, maxExamples: number, offset: number) => Accumulator;

  /** `makeAccumulator` lets a caller keep more than the sums (the bootstrap keeps each weighted answer in an `AnswerLog`). */
  constructor(
    functionName: string,
    options: TallyOptions<Scale, Row>,
    rowsPath: Path,
    fallbackScale: Scale | undefined,
    makeAccumulator: (scale: Scale, maxExamples: number, offset: number) => Accumulator = (scale, maxExamples, offset) => new Accumulator(scale, maxExamples, offset),
  ) {
    this.#makeAccumulator = makeAccumulator;
    this.#fn = functionName;
    this.#rowsPath = rowsPath;
    this.reader = new AnswerReader<Row>(functionName, options, rowsPath);
    this.#fallbackScale = fallbackScale;
    const { offset, maxExamples } = exampleOptions(functionName, options);
    this.#offset = offset;
    this.#maxExamples = maxExamples;
  }

  /** The accumulator, made on the scale of the options, of the first record, or the default. */
  #ensure(): Accumulator {
    if (this.#accumulator !== undefined) return this.#accumulator;
    const scale = this.reader.scale ?? this.#fallbackScale;
    if (scale === undefined) {
      fail(this.#fn, 'invalid_option', 'invalid_value', 'a scale (options.scale) such as scales.nps or scales.ces7: plain answers do not say which scale they are on, and CES scales disagree on direction', undefined, ['options', 'scale']);
    }
    this.#accumulator = this.#makeAccumulator(scale, this.#maxExamples, this.#offset);
    return this.#accumulator;
  }

  /** Takes one row (the row visitor of the engine). */
  row(row: Row, index: number): void {
    if (this.#accumulator === undefined) this.reader.start(row);
    this.reader.add(this.#ensure(), row, index);
  }

  /** Takes an array hole. */
  hole(index: number): void {
    this.reader.hole(this.#ensure(), index);
  }

  /** Reads a synchronous source. */
  read(source: RowSource<Row>): Accumulator {
    const reader = this.reader;
    if (source.kind === 'array' && source.length > 0) reader.start(source.rows[0]);
    if (source.kind === 'array' && reader.bare && !reader.records) {
      const accumulator = this.#ensure();
      try {
        if (source.rows instanceof Uint8Array || source.rows instanceof Uint8ClampedArray) accumulator.addBytes(source.rows);
        else accumulator.addArrayLike(source.rows);
      } catch (error) {
        throw sourceFailure(this.#fn, this.#rowsPath, 0, error);
      }
      return this.#finish(source.length);
    }
    return this.#finish(forEachRow(this.#fn, source, this.#rowsPath, this));
  }

  /** Reads any source, async iterables included, stopping promptly on an aborted signal. */
  async readAsync(source: RowSource<Row>, signal: AbortSignalLike | undefined): Promise<Accumulator> {
    if (source.kind !== 'async' && signal === undefined) return this.read(source);
    return this.#finish(await forEachRowAsync(this.#fn, source, this.#rowsPath, this, signal));
  }

  #finish(rows: number): Accumulator {
    const accumulator = this.#ensure();
    this.reader.finish(rows);
    return accumulator;
  }
}
