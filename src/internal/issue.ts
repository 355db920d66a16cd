import { CxMetricsError, type CxMetricsErrorCode, type CxMetricsIssue, type CxMetricsIssueCode, type NonEmptyList } from '../errors/CxMetricsError.js';
import { describeValue } from './describeValue.js';

/** A path as an issue holds it: option names, row and array indexes, outermost first. */
export type Path = readonly (string | number)[];

/** Renders a path the way a reader would write it: `index 3`, `options.level`, `rows[2].score`. */
export function describePath(path: Path): string {
  if (path.length === 0) return '';
  if (path.length === 1 && typeof path[0] === 'number') return ` at index ${path[0]}`;
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return ` at ${text}`;
}

/** Builds one issue whose message names the function, what was expected, what came and where. */
export function makeIssue(functionName: string, code: CxMetricsIssueCode, expected: string, value: unknown, path: Path): CxMetricsIssue {
  return issueFromReceived(functionName, code, expected, describeValue(value), path);
}

/** Builds one issue from an already rendered value (as kept in a tally's examples). */
export function issueFromReceived(functionName: string, code: CxMetricsIssueCode, expected: string, received: string, path: Path): CxMetricsIssue {
  return { code, expected, received, path, message: `${functionName}: expected ${expected}, got ${received}${describePath(path)}` };
}

const LISTED_IN_MESSAGE = 5;

/**
 * Throws one error carrying every issue; the message shows the first few and the count.
 * `total` is the number of problems when only the first ones were kept as issues.
 */
export function throwIssues(
  functionName: string,
  code: CxMetricsErrorCode,
  issues: readonly CxMetricsIssue[],
  total: number = issues.length,
  cause?: unknown,
): never {
  const first = issues[0];
  if (first === undefined) throw new Error(`${functionName}: internal error, no issue to report`);
  let message = first.message;
  if (total > 1) {
    const sameExpectation = issues.every((issue) => issue.expected === first.expected);
    const shown = issues
      .slice(0, LISTED_IN_MESSAGE)
      .map((issue) => (sameExpectation ? `got ${issue.received}${describePath(issue.path)}` : issue.message.slice(functionName.length + 2)));
    const more = total - shown.length;
    const lead = sameExpectation ? `${functionName}: ${total} problems, expected ${first.expected}: ` : `${functionName}: ${total} problems: `;
    message = `${lead}${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  }
  throw new CxMetricsError(code, message, issues as NonEmptyList<CxMetricsIssue>, { cause });
}

/** Throws a one-issue error: the common case of a bad option or argument. */
export function fail(functionName: string, code: CxMetricsErrorCode, issueCode: CxMetricsIssueCode, expected: string, value: unknown, path: Path): never {
  return throwIssues(functionName, code, [makeIssue(functionName, issueCode, expected, value, path)]);
}
