import { fail } from '../internal/issue.js';
import { isWeight, WEIGHT_EXPECTED } from '../internal/isWeight.js';
import { isArrayLike, isIterable, startAccumulator } from './readAnswers.js';
import type { AnswerInput } from './tallyAnswers.js';
import type { Accumulator } from './Accumulator.js';
import type { Scale } from '../scales/defineScale.js';
import type { Tally } from './Tally.js';

/** Options for a {@link TallyBuilder}. */
export interface TallyBuilderOptions<S extends Scale = Scale> {
  /** The scale the answers are on. */
  readonly scale: S;
  /** Index given to the first answer added, so shards keep global indexes. Default 0. */
  readonly offset?: number | undefined;
  /** How many refused answers to keep as examples. Default 100. */
  readonly maxInvalidExamples?: number | undefined;
}

/**
 * Streaming tallies: add answers one at a time (from a webhook, a queue, a UI) and take a frozen
 * {@link Tally} whenever you need a score. Adding costs a few nanoseconds and no memory per
 * answer. The same rules as {@link tallyAnswers} apply: `null`/`undefined` are skipped, anything
 * off the scale is counted as invalid with an example kept.
 *
 * @example
 * ```ts
 * import { TallyBuilder, computeNPS, scales } from 'cx-metrics';
 *
 * const builder = new TallyBuilder({ scale: scales.nps });
 * builder.add(10).add(9).add(2).add(null);
 * builder.add(8, 2.5); // weighted from here on; earlier answers weigh 1
 * computeNPS(builder.toTally()).n; // => 4
 * builder.total; // => 5
 * ```
 */
export class TallyBuilder<S extends Scale = Scale> {
  readonly #accumulator: Accumulator<S>;
  #next: number;
  #added = 0;

  /**
   * @param options - the scale, and optionally an index offset and an example limit
   * @throws {@link CxMetricsError} `invalid_option` for a bad option
   */
  constructor(options: TallyBuilderOptions<S>) {
    this.#accumulator = startAccumulator('TallyBuilder', options, ['scale', 'offset', 'maxInvalidExamples']);
    this.#next = options.offset ?? 0;
  }

  /** How many answers were added: answered, skipped and invalid. */
  get total(): number {
    return this.#added;
  }

  /**
   * Adds one answer.
   *
   * @param answer - the answer: a point of the scale, or null/undefined when skipped
   * @param weight - its weight (finite, ≥ 0); once a weight is given the tally is weighted and
   *   answers added without one weigh 1
   * @returns this builder, for chaining
   * @throws {@link CxMetricsError} `invalid_weights` for a bad weight (then nothing is added)
   */
  add(answer: unknown, weight?: number): this {
    const accumulator = this.#accumulator;
    if (weight !== undefined && !isWeight(weight)) {
      fail('TallyBuilder.add', 'invalid_weights', typeof weight === 'number' ? 'out_of_range' : 'not_a_number', WEIGHT_EXPECTED, weight, ['weight']);
    }
    accumulator.addOne(answer, weight, this.#next++);
    this.#added++;
    return this;
  }

  /**
   * Adds many unweighted answers, with the same fast loop as {@link tallyAnswers} for arrays.
   *
   * @param answers - answers, as an array, typed array or any iterable
   * @returns this builder, for chaining
   * @throws {@link CxMetricsError} `invalid_input` for something that is neither
   */
  addAll(answers: AnswerInput<unknown>): this {
    const accumulator = this.#accumulator;
    if (isArrayLike(answers)) {
      if (accumulator.weightSums === undefined) accumulator.addArrayLike(answers, this.#next);
      else for (let i = 0; i < answers.length; i++) accumulator.addOne(answers[i], undefined, this.#next + i);
      this.#next += answers.length;
      this.#added += answers.length;
    } else if (isIterable(answers)) {
      for (const answer of answers) {
        accumulator.addOne(answer, undefined, this.#next++);
        this.#added++;
      }
    } else fail('TallyBuilder.addAll', 'invalid_input', 'invalid_value', 'an array, typed array or iterable of answers', answers, ['answers']);
    return this;
  }

  /**
   * A frozen snapshot of everything added so far; the builder can go on adding.
   *
   * @returns the tally
   */
  toTally(): Tally<S> {
    return this.#accumulator.toTally();
  }
}
