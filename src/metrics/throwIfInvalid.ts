import type { CxMetricsIssue } from '../errors/CxMetricsError.js';
import { issueFromReceived, type Path, throwIssues } from '../internal/issue.js';
import type { Tally } from '../tally/Tally.js';

/** How many refused answers an `invalid_answers` error lists (the message gives the total). */
const MAX_LISTED = 100;

/**
 * Throws one `invalid_answers` error for refused answers in any of the tallies (one for a score,
 * one per group for a table), each named by its place (`[...rowsPath, index]`), in input order.
 * A tally that kept no examples (`maxInvalidExamples: 0`, or counts from elsewhere) still throws,
 * with its count, so the policy never depends on how many examples were kept.
 */
export function throwIfInvalid(functionName: string, tallies: readonly Tally[], onInvalid: 'throw' | 'exclude', rowsPath: Path): void {
  const invalid = tallies.reduce((total, tally) => total + tally.invalid, 0);
  if (onInvalid !== 'throw' || invalid === 0) return;
  const scale = (tallies[0] as Tally).scale;
  const expected = `an integer from ${scale.min} to ${scale.max}, or null/undefined for a skipped answer`;
  const issues: CxMetricsIssue[] = tallies
    .flatMap((tally) => tally.invalidAnswers)
    .sort((a, b) => a.index - b.index)
    .slice(0, MAX_LISTED)
    .map((answer) => issueFromReceived(functionName, answer.code, expected, answer.received, [...rowsPath, answer.index]));
  if (issues.length === 0) {
    // Counts without examples (a tally from elsewhere): one issue that carries the count.
    const received = `${invalid} invalid answer${invalid === 1 ? '' : 's'} (counted without examples)`;
    throwIssues(functionName, 'invalid_answers', [issueFromReceived(functionName, 'invalid_value', `answers from ${scale.min} to ${scale.max} (onInvalid: 'exclude' counts the others as invalid)`, received, rowsPath.length === 0 ? ['input'] : rowsPath)], 1);
  }
  throwIssues(functionName, 'invalid_answers', issues, invalid);
}
