import type { CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { describeValue } from '../internal/describeValue.js';
import { ABSENT } from '../records/readField.js';
import type { Scale } from '../scales/defineScale.js';
import { type InvalidAnswer, Tally } from './Tally.js';

/** How many refused answers a tally keeps as examples unless told otherwise. */
export const DEFAULT_MAX_INVALID_EXAMPLES = 100;

/** Inputs at least this long are counted a word at a time when they are bytes. */
const PAIR_HISTOGRAM_MIN_LENGTH = 4096;

/**
 * The mutable state behind every tally, with the counting loops. Internal: the public faces are
 * `tallyAnswers`, `tallyAnswersAsync`, `TallyBuilder`, and the tables and series that keep one per
 * group. The bulk loops are kept separate per input kind (arrays, bytes) so each stays monomorphic
 * and fast; every path sends anything that is not a plain in-range integer to `addOther`, the one
 * place that decides between skipped and invalid (and why).
 */
export class Accumulator<S extends Scale = Scale> {
  readonly scale: S;
  readonly min: number;
  readonly max: number;
  readonly span: number;
  readonly counts: Float64Array;
  weightSums: Float64Array | undefined = undefined;
  weightSquareSums: Float64Array | undefined = undefined;
  skipped = 0;
  skippedWeight = 0;
  skippedWeightSquares = 0;
  invalid = 0;
  readonly invalidAnswers: InvalidAnswer[] = [];
  readonly maxExamples: number;
  /** Added to every example's index, so shards of one input keep global indexes. */
  readonly offset: number;

  constructor(scale: S, maxExamples: number = DEFAULT_MAX_INVALID_EXAMPLES, offset = 0) {
    this.offset = offset;
    this.scale = scale;
    this.min = scale.min;
    this.max = scale.max;
    this.span = scale.max - scale.min;
    this.counts = new Float64Array(scale.max - scale.min + 1);
    this.maxExamples = maxExamples;
  }

  #refuse(index: number, code: CxMetricsIssueCode, received: string): void {
    this.invalid++;
    if (this.invalidAnswers.length < this.maxExamples) this.invalidAnswers.push({ index: this.offset + index, code, received });
  }

  /** Decides what an answer that is not a plain in-range integer is: skipped, or invalid and why. */
  addOther(value: unknown, index: number, weight: number): void {
    if (value === null || value === undefined) {
      this.skipped++;
      if (this.weightSums !== undefined) {
        this.skippedWeight += weight;
        this.skippedWeightSquares += weight * weight;
      }
      return;
    }
    if (typeof value === 'number' && Number.isInteger(value) && value >= this.min && value <= this.max) {
      this.addPoint(value, weight);
      return;
    }
    if (value === ABSENT) {
      this.#refuse(index, 'missing_column', 'no such field');
      return;
    }
    let code: CxMetricsIssueCode;
    if (typeof value !== 'number') code = 'not_a_number';
    else if (!Number.isFinite(value)) code = 'not_finite';
    else if (!Number.isInteger(value)) code = 'not_an_integer';
    else code = 'out_of_range';
    this.#refuse(index, code, describeValue(value));
  }

  /** An array hole: no answer at all at that index. Invalid, never a skipped answer. */
  addHole(index: number): void {
    this.#refuse(index, 'hole', 'a hole');
  }

  /** Counts one in-range integer answer. */
  addPoint(value: number, weight: number): void {
    const at = value - this.min;
    this.counts[at]!++;
    if (this.weightSums !== undefined) {
      this.weightSums[at]! += weight;
      (this.weightSquareSums as Float64Array)[at]! += weight * weight;
    }
  }

  /**
   * One unweighted answer: the hot path of every row reader. `typeof` comes first (so an object's
   * `valueOf` is never called); one unsigned comparison checks "whole and not below min" at once.
   */
  addAnswer(value: unknown, index: number): void {
    if (typeof value === 'number') {
      const at = value - this.min;
      if (at >>> 0 === at && at <= this.span) {
        this.counts[at]!++;
        return;
      }
    }
    this.addOther(value, index, 1);
  }

  /** One answer with its (already checked) weight. */
  addWeighted(value: unknown, weight: number, index: number): void {
    if (this.weightSums === undefined) this.startWeights();
    if (typeof value === 'number' && value >= this.min && value <= this.max && (value | 0) === value) this.addPoint(value, weight);
    else this.addOther(value, index, weight);
  }

  /** Switches to weighted sums. Readers refuse inputs that mix weighted and unweighted answers, so nothing is counted before this. */
  startWeights(): void {
    if (this.weightSums !== undefined) return;
    this.weightSums = Float64Array.from(this.counts);
    this.weightSquareSums = Float64Array.from(this.counts);
    this.skippedWeight = this.skipped;
    this.skippedWeightSquares = this.skipped;
  }

  /**
   * The bulk loop for arrays and array-likes without weights, at the speed of a hand-written
   * counting loop. A hole (no element at an index) is refused as one.
   */
  addArrayLike(values: ArrayLike<unknown>): void {
    const counts = this.counts;
    const min = this.min;
    const span = this.span;
    const length = values.length;
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (typeof value === 'number') {
        const at = value - min;
        if (at >>> 0 === at && at <= span) {
          counts[at]!++;
          continue;
        }
      }
      if (value === undefined && !(i in values)) this.addHole(i);
      else this.addOther(value, i, 1);
    }
  }

  /**
   * Bytes, counted a 32-bit word at a time into a histogram of byte pairs (65,536 entries,
   * a fixed 256 KiB whatever the input size), then folded into points. Every byte is an integer,
   * so only the range needs checking, once per distinct value rather than once per answer.
   */
  addBytes(bytes: Uint8Array | Uint8ClampedArray): void {
    if (bytes.length < PAIR_HISTOGRAM_MIN_LENGTH || this.weightSums !== undefined) {
      this.addArrayLike(bytes);
      return;
    }
    const byteCounts = new Float64Array(256);
    const head = (4 - (bytes.byteOffset & 3)) & 3;
    for (let i = 0; i < head; i++) byteCounts[bytes[i] as number]!++;
    const words = (bytes.length - head) >>> 2;
    const pairs = new Uint32Array(65536);
    // A pair count stays below 2^32 if a block has fewer than 2^31 words.
    const block = 0x40000000;
    for (let start = 0; start < words; start += block) {
      const view = new Uint32Array(bytes.buffer, bytes.byteOffset + head + start * 4, Math.min(block, words - start));
      for (let i = 0; i < view.length; i++) {
        const word = view[i] as number;
        pairs[word & 0xffff]!++;
        pairs[word >>> 16]!++;
      }
      for (let pair = 0; pair < 65536; pair++) {
        const count = pairs[pair] as number;
        if (count !== 0) {
          byteCounts[pair & 0xff]! += count;
          byteCounts[pair >>> 8]! += count;
          pairs[pair] = 0;
        }
      }
    }
    for (let i = head + words * 4; i < bytes.length; i++) byteCounts[bytes[i] as number]!++;
    let outside = 0;
    for (let value = 0; value < 256; value++) {
      const count = byteCounts[value] as number;
      if (count === 0) continue;
      if (value >= this.min && value <= this.max) this.counts[value - this.min]! += count;
      else outside += count;
    }
    if (outside > 0) {
      // Rare path: find the examples' indexes with a plain scan, then count the rest.
      const found = this.invalid;
      for (let i = 0; i < bytes.length && this.invalidAnswers.length < this.maxExamples; i++) {
        const value = bytes[i] as number;
        if (value < this.min || value > this.max) this.addOther(value, i, 1);
      }
      this.invalid = found + outside;
    }
  }

  /** A frozen snapshot. */
  toTally(): Tally<S> {
    return new Tally({
      scale: this.scale,
      counts: Array.from(this.counts),
      weightSums: this.weightSums === undefined ? undefined : Array.from(this.weightSums),
      weightSquareSums: this.weightSquareSums === undefined ? undefined : Array.from(this.weightSquareSums),
      skipped: this.skipped,
      skippedWeight: this.weightSums === undefined ? this.skipped : this.skippedWeight,
      skippedWeightSquares: this.weightSums === undefined ? this.skipped : this.skippedWeightSquares,
      invalid: this.invalid,
      invalidAnswers: this.invalidAnswers,
    });
  }
}
