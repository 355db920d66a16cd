import type { CxMetricsIssue, CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { describeValue } from '../internal/describeValue.js';
import { makeIssue } from '../internal/issue.js';
import { isWeight, WEIGHT_EXPECTED } from '../internal/isWeight.js';
import type { Scale } from '../scales/defineScale.js';
import { type InvalidAnswer, Tally } from './Tally.js';

/** How many refused answers a tally keeps as examples unless told otherwise. */
export const DEFAULT_MAX_INVALID_EXAMPLES = 100;

/** Inputs at least this long are counted a word at a time when they are bytes. */
const PAIR_HISTOGRAM_MIN_LENGTH = 4096;

/**
 * The mutable state behind every tally builder, with the counting loops. Internal: the public
 * faces are `tallyAnswers`, `tallyAnswersAsync` and `TallyBuilder`. The loops are kept separate
 * per input kind (arrays, bytes, weighted) so each stays monomorphic and fast; all of them
 * send anything that is not a plain in-range integer to `addOther`, the one place that decides
 * between skipped and invalid.
 */
export class Accumulator<S extends Scale = Scale> {
  readonly scale: S;
  readonly min: number;
  readonly max: number;
  readonly counts: Float64Array;
  weightSums: Float64Array | undefined = undefined;
  weightSquareSums: Float64Array | undefined = undefined;
  skipped = 0;
  skippedWeight = 0;
  skippedWeightSquares = 0;
  invalid = 0;
  readonly invalidAnswers: InvalidAnswer[] = [];
  readonly weightIssues: CxMetricsIssue[] = [];
  weightIssueCount = 0;
  readonly maxExamples: number;
  readonly functionName: string;
  readonly expected: string;

  constructor(functionName: string, scale: S, maxExamples: number) {
    this.functionName = functionName;
    this.scale = scale;
    this.min = scale.min;
    this.max = scale.max;
    this.counts = new Float64Array(scale.max - scale.min + 1);
    this.maxExamples = maxExamples;
    this.expected = `an integer from ${scale.min} to ${scale.max}, or null/undefined for a skipped answer`;
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
    let code: CxMetricsIssueCode;
    if (typeof value !== 'number') code = 'not_a_number';
    else if (!Number.isFinite(value)) code = 'not_finite';
    else if (!Number.isInteger(value)) code = 'not_an_integer';
    else code = 'out_of_range';
    this.invalid++;
    if (this.invalidAnswers.length < this.maxExamples) this.invalidAnswers.push({ index, code, received: describeValue(value) });
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

  /** Switches to weighted sums; answers seen so far had weight 1. */
  startWeights(): void {
    if (this.weightSums !== undefined) return;
    this.weightSums = Float64Array.from(this.counts);
    this.weightSquareSums = Float64Array.from(this.counts);
    this.skippedWeight = this.skipped;
    this.skippedWeightSquares = this.skipped;
  }

  /** Checks one weight; a bad one is recorded (all are reported together) and counts as 0. */
  checkWeight(weight: unknown, path: readonly (string | number)[]): number {
    if (isWeight(weight)) return weight;
    this.weightIssueCount++;
    if (this.weightIssues.length < this.maxExamples) {
      const code: CxMetricsIssueCode = typeof weight !== 'number' ? 'not_a_number' : Number.isFinite(weight) ? 'out_of_range' : 'not_finite';
      this.weightIssues.push(makeIssue(this.functionName, code, WEIGHT_EXPECTED, weight, path));
    }
    return 0;
  }

  /**
   * The hot loop for arrays and array-likes without weights. The offset from `min` is taken only
   * after `typeof` (so an object's `valueOf` is never called), and one unsigned comparison checks
   * "whole and not below min" at once; this runs at the speed of a hand-written counting loop.
   */
  addArrayLike(values: ArrayLike<unknown>, offset: number): void {
    const counts = this.counts;
    const min = this.min;
    const span = this.max - this.min;
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
      this.addOther(value, offset + i, 1);
    }
  }

  /**
   * Bytes, counted a 32-bit word at a time into a histogram of byte pairs (65,536 entries,
   * a fixed 256 KiB whatever the input size), then folded into points. Every byte is an integer,
   * so only the range needs checking, once per distinct value rather than once per answer.
   */
  addBytes(bytes: Uint8Array | Uint8ClampedArray, offset: number): void {
    if (bytes.length < PAIR_HISTOGRAM_MIN_LENGTH || this.weightSums !== undefined) {
      this.addArrayLike(bytes, offset);
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
        if (value < this.min || value > this.max) this.addOther(value, offset + i, 1);
      }
      this.invalid = found + outside;
    }
  }

  /** Arrays with a weight for each answer (an array of weights or an accessor). */
  addWeighted(values: ArrayLike<unknown>, weightAt: (index: number) => unknown, offset: number): void {
    this.startWeights();
    const length = values.length;
    for (let i = 0; i < length; i++) this.addOne(values[i], weightAt(i), offset + i);
  }

  /** One answer with an optional weight: the path of iterables, accessors and streaming. */
  addOne(value: unknown, weight: unknown, index: number): void {
    let w = 1;
    if (weight !== undefined) {
      this.startWeights();
      w = this.checkWeight(weight, ['weights', index]);
    }
    if (typeof value === 'number' && value >= this.min && value <= this.max && (value | 0) === value) this.addPoint(value, w);
    else this.addOther(value, index, w);
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
