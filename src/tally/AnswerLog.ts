import type { Scale } from '../scales/defineScale.js';
import { Accumulator } from './Accumulator.js';

/**
 * An accumulator that also keeps every weighted answer, in order: its point's offset from the
 * scale's minimum (−1 for a skipped answer) and its weight. A weighted tally keeps only Σw and
 * Σw² per point, which is not enough to resample answers; the bootstrap reads its input through
 * this, so that what counts as an answer, a skip or a refusal is decided in one place. Unweighted
 * answers need no log: their tally's counts are the answers.
 */
export class AnswerLog<S extends Scale = Scale> extends Accumulator<S> {
  /** Each weighted answer's point offset (−1: skipped). */
  readonly offsets: number[] = [];
  /** Each weighted answer's weight. */
  readonly weights: number[] = [];

  override addPoint(value: number, weight: number): void {
    super.addPoint(value, weight);
    if (this.weightSums !== undefined) {
      this.offsets.push(value - this.min);
      this.weights.push(weight);
    }
  }

  override addOther(value: unknown, index: number, weight: number): void {
    const skipped = this.skipped;
    super.addOther(value, index, weight);
    if (this.skipped > skipped && this.weightSums !== undefined) {
      this.offsets.push(-1);
      this.weights.push(weight);
    }
  }
}
