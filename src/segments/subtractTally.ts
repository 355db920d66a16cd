import { Tally } from '../tally/Tally.js';

/**
 * The rest of a table: a whole tally minus one of its parts. Counts subtract exactly; weighted
 * sums up to rounding, clamped at 0. Invalid-answer examples stay with the part they came from.
 */
export function subtractTally<S extends Tally>(whole: S, part: Tally): Tally {
  const minus = (a: readonly number[], b: readonly number[]): number[] => a.map((value, index) => Math.max(0, value - (b[index] as number)));
  return new Tally({
    scale: whole.scale,
    counts: minus(whole.counts, part.counts),
    weightSums: whole.weighted ? minus(whole.weightSums, part.weightSums) : undefined,
    weightSquareSums: whole.weighted ? minus(whole.weightSquareSums, part.weightSquareSums) : undefined,
    skipped: whole.skipped - part.skipped,
    skippedWeight: Math.max(0, whole.skippedWeight - part.skippedWeight),
    skippedWeightSquares: Math.max(0, whole.skippedWeightSquares - part.skippedWeightSquares),
    invalid: whole.invalid - part.invalid,
    invalidAnswers: [],
  });
}
