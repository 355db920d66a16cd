import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { isWeight, WEIGHT_EXPECTED, weightIssueCode } from '../internal/isWeight.js';
import { checkOptions, type EveryKeyListed } from '../internal/options.js';
import { forEachRow, rowSource } from '../internal/readRows.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import { Accumulator } from './Accumulator.js';
import { exampleOptions } from './readAnswers.js';
import type { Tally } from './Tally.js';
import type { AnswerInput } from './tallyAnswers.js';

/** Options for a {@link TallyBuilder}. */
export interface TallyBuilderOptions<S extends Scale = Scale> {
  /** The scale the answers are on. */
  readonly scale: S;
  /** Index given to the first answer added, so shards keep global indexes. Default 0. */
  readonly offset?: number | undefined;
  /** How many refused answers to keep as examples. Default 100. */
  readonly maxInvalidExamples?: number | undefined;
}

const OPTION_NAMES = ['scale', 'offset', 'maxInvalidExamples'] as const satisfies readonly (keyof TallyBuilderOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof TallyBuilderOptions, (typeof OPTION_NAMES)[number]>;

/**
 * Streaming tallies: add answers one at a time (from a webhook, a queue, a UI) and take a frozen
 * {@link Tally} whenever you need a score. Adding costs a few nanoseconds and no memory per
 * answer. The same rules as {@link tallyAnswers} apply: `null`/`undefined` are skipped, anything
 * off the scale is counted as invalid with an example kept. A builder is weighted or not, decided
 * by its first answer: once one answer has a weight, every answer needs one (and the other way
 * round), so a missing weight is never silently read as 1.
 *
 * @example
 * ```ts
 * import { TallyBuilder, computeNPS, scales } from 'cx-metrics';
 *
 * const builder = new TallyBuilder({ scale: scales.nps });
 * builder.add(10).add(9).add(2).add(null).addAll([8, 7]);
 * computeNPS(builder.toTally()).n; // => 5
 * builder.total; // => 6
 * const weighted = new TallyBuilder({ scale: scales.nps }).add(10, 2).add(0, 0.5);
 * computeNPS(weighted.toTally()).score; // => 60
 * ```
 */
export class TallyBuilder<S extends Scale = Scale> {
  readonly #accumulator: Accumulator<S>;
  #weighted: boolean | undefined;
  #added = 0;

  /**
   * Starts an empty tally on a scale.
   *
   * @param options - the scale, and optionally an index offset and an example limit
   * @throws {@link CxMetricsError} `invalid_option` for a bad option (or an invalid scale)
   */
  constructor(options: TallyBuilderOptions<S>) {
    const fn = 'TallyBuilder';
    this.#accumulator = guard(fn, () => {
      const checked = checkOptions(fn, options, OPTION_NAMES);
      if (options === undefined) fail(fn, 'invalid_option', 'invalid_value', 'an options object with a scale', options, ['options']);
      const scale = checkScale<S>(fn, checked.scale, ['options', 'scale']);
      const { offset, maxExamples } = exampleOptions(fn, checked);
      return new Accumulator(scale, maxExamples, offset);
    });
  }

  /** How many answers were added: answered, skipped and invalid. */
  get total(): number {
    return this.#added;
  }

  #mode(fn: string, weighted: boolean): void {
    if (this.#weighted === undefined) this.#weighted = weighted;
    else if (this.#weighted !== weighted) {
      fail(fn, 'invalid_weights', 'missing', `a weight for every answer or for none (this builder's answers are ${this.#weighted ? '' : 'un'}weighted)`, weighted ? 'a weight' : 'no weight', ['weight']);
    }
  }

  /**
   * Adds one answer.
   *
   * @param answer - the answer: a point of the scale, or null/undefined when skipped
   * @param weight - its weight (0, or from 1e-100 to 1e100); give one for every answer or for none
   * @returns this builder, for chaining
   * @throws {@link CxMetricsError} `invalid_weights` for a bad weight, or a weight given to an
   * unweighted builder (or missing on a weighted one); then nothing is added
   */
  add(answer: unknown, weight?: number): this {
    return guard('TallyBuilder.add', () => this.#add(answer, weight));
  }

  #add(answer: unknown, weight: number | undefined): this {
    const fn = 'TallyBuilder.add';
    if (weight !== undefined && !isWeight(weight)) {
      fail(fn, 'invalid_weights', weightIssueCode(weight), WEIGHT_EXPECTED, weight, ['weight']);
    }
    this.#mode(fn, weight !== undefined);
    const index = this.#added++;
    if (weight === undefined) this.#accumulator.addAnswer(answer, index);
    else this.#accumulator.addWeighted(answer, weight, index);
    return this;
  }

  /**
   * Adds many unweighted answers, with the same fast loop as {@link tallyAnswers} for arrays.
   *
   * @param answers - answers, as an array, typed array or any iterable
   * @returns this builder, for chaining
   * @throws {@link CxMetricsError} `invalid_input` for something that is neither, `invalid_weights` on a weighted builder
   */
  addAll(answers: AnswerInput<unknown>): this {
    return guard('TallyBuilder.addAll', () => this.#addAll(answers));
  }

  #addAll(answers: AnswerInput<unknown>): this {
    const fn = 'TallyBuilder.addAll';
    const source = rowSource<unknown>(fn, answers, ['answers'], false, 'answers');
    this.#mode(fn, false);
    const accumulator = this.#accumulator;
    const base = this.#added;
    const rows = forEachRow(fn, source, ['answers'], {
      row: (answer, index) => accumulator.addAnswer(answer, base + index),
      hole: (index) => accumulator.addHole(base + index),
    });
    this.#added += rows;
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
