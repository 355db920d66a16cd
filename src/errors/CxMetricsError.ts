/**
 * What kind of failure a {@link CxMetricsError} reports. A literal union, so code can
 * branch on it without parsing messages:
 *
 * - `invalid_answers`: one or more answers are not a point of the scale (and `onInvalid` is `'throw'`).
 * - `invalid_weights`: a weight is missing, negative, not finite, not a number, or the weights do not match the answers.
 * - `invalid_option`: an option (or a mapping entry) has a value or a name the function does not accept.
 * - `invalid_argument`: a positional argument (counts, a sample, an interval input) is out of its domain.
 * - `invalid_input`: the input is not something rows or answers can be read from, or a row is of the wrong kind.
 * - `invalid_scale`: a scale breaks a rule (range, bands, labels, unknown keys).
 * - `scale_mismatch`: answers or tallies from two different scales were combined.
 * - `invalid_tally`: a serialized tally or counts from outside failed validation.
 * - `invalid_rows`: `ingest` was told to throw (`onInvalid: 'throw'`) and some rows were rejected.
 * - `source_failed`: the input threw while it was read (an iterator, a stream, an accessor, a getter);
 *   the original error is the `cause`, and the path names the row.
 * - `aborted`: an `AbortSignal` passed as `signal` was aborted; its reason is the `cause`.
 */
export type CxMetricsErrorCode =
  | 'invalid_answers'
  | 'invalid_weights'
  | 'invalid_option'
  | 'invalid_argument'
  | 'invalid_input'
  | 'invalid_scale'
  | 'scale_mismatch'
  | 'invalid_tally'
  | 'invalid_rows'
  | 'source_failed'
  | 'aborted';

/**
 * Why one value was refused. Issue codes are finer than error codes:
 *
 * - `not_a_number` (a string, boolean, object… where a number belongs), `not_finite` (NaN, ±Infinity),
 *   `not_an_integer` (7.5 on an integer scale), `out_of_range` (outside the scale, the bounds or the domain);
 * - `invalid_value` (any other rule), `mismatch` (two things that must agree do not),
 *   `unknown_name` (an option, key, column or field name that does not exist; the message offers near names),
 *   `duplicate` (a key or column given twice), `hole` (an array hole: no element at that index);
 * - from ingestion: `missing` (a field that must have a value is empty), `missing_column` (the row has
 *   no such column at all, which is not the same as an empty cell), `invalid_type` (a value of the wrong
 *   kind, such as an object where a string belongs), `unknown_label` (text that is no label of the
 *   scale), `label_mismatch` ("10 - Not at all likely": the number and the label disagree),
 *   `invalid_date` (no such date or time), `too_long` (a string over the length limit),
 *   `schema` (a user-supplied Standard Schema validator refused the row);
 * - `source_failed` and `aborted`, as the error codes of the same names.
 */
export type CxMetricsIssueCode =
  | 'not_a_number'
  | 'not_finite'
  | 'not_an_integer'
  | 'out_of_range'
  | 'invalid_value'
  | 'mismatch'
  | 'unknown_name'
  | 'duplicate'
  | 'hole'
  | 'missing'
  | 'missing_column'
  | 'invalid_type'
  | 'unknown_label'
  | 'label_mismatch'
  | 'invalid_date'
  | 'too_long'
  | 'schema'
  | 'source_failed'
  | 'aborted';

/** Every issue code, for checking codes that come from outside (a tally read from JSON). */
export const ISSUE_CODES: readonly CxMetricsIssueCode[] = Object.freeze([
  'not_a_number',
  'not_finite',
  'not_an_integer',
  'out_of_range',
  'invalid_value',
  'mismatch',
  'unknown_name',
  'duplicate',
  'hole',
  'missing',
  'missing_column',
  'invalid_type',
  'unknown_label',
  'label_mismatch',
  'invalid_date',
  'too_long',
  'schema',
  'source_failed',
  'aborted',
] as const satisfies readonly CxMetricsIssueCode[]);

/** One refused value: what was expected, what was received, and where. */
export interface CxMetricsIssue {
  /** Machine-readable reason. */
  readonly code: CxMetricsIssueCode;
  /** A sentence for people, starting with the function name. */
  readonly message: string;
  /** What would have been accepted, in words (`"an integer from 0 to 10"`). */
  readonly expected: string;
  /** A short, printable rendering of the value received (truncated when long). */
  readonly received: string;
  /** Where the value was: option names, row and array indexes, outermost first. */
  readonly path: readonly (string | number)[];
}

/** A list with at least one element: the type of {@link CxMetricsError.issues}. */
export type NonEmptyList<T> = readonly [T, ...T[]];

/**
 * The one error class of cx-metrics. Every failure carries a machine-readable
 * {@link CxMetricsErrorCode} and a non-empty list of {@link CxMetricsIssue}s, each with what was
 * expected, what was received and where, so a caller can report every bad answer at once.
 * The message starts with the name of the function the caller called. When the failure came
 * from outside (a source that threw, an aborted signal), the original error is the `cause`.
 *
 * @example
 * ```ts
 * import { computeNPS, CxMetricsError } from 'cx-metrics';
 *
 * let caught: unknown;
 * try {
 *   computeNPS([10, 9, 11, 7.5]);
 * } catch (error) {
 *   caught = error;
 * }
 * caught instanceof CxMetricsError; // => true
 * (caught as CxMetricsError).code; // => "invalid_answers"
 * (caught as CxMetricsError).issues.map((issue) => issue.path[0]); // => [2, 3]
 * ```
 */
export class CxMetricsError extends Error {
  /** Always `'CxMetricsError'`. */
  override readonly name = 'CxMetricsError';
  /** What kind of failure this is. */
  readonly code: CxMetricsErrorCode;
  /** Every refused value, never empty. */
  readonly issues: NonEmptyList<CxMetricsIssue>;

  /**
   * Makes the error; the library's functions throw it, and a caller may too, to report in the same shape.
   *
   * @param code - the kind of failure
   * @param message - a sentence starting with the function name
   * @param issues - every refused value (at least one)
   * @param options - the error that caused this one, if any
   */
  constructor(code: CxMetricsErrorCode, message: string, issues: NonEmptyList<CxMetricsIssue>, options?: { readonly cause?: unknown }) {
    super(typeof message === 'string' ? message : String(code), options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = Object.freeze(copyIssues(issues, typeof message === 'string' ? message : String(code)));
  }
}

/**
 * Frozen copies of the issues. Issues come from the library, but the class is public: a caller
 * who makes one with no issue, or with malformed ones, gets an issue that says so, not a crash.
 */
function copyIssues(issues: unknown, message: string): NonEmptyList<CxMetricsIssue> {
  const copies: CxMetricsIssue[] = [];
  try {
    if (Array.isArray(issues)) copyInto(copies, issues as unknown[], message);
  } catch {
    copies.length = 0;
  }
  if (copies.length === 0) copies.push(Object.freeze({ code: 'invalid_value', message, expected: 'at least one issue', received: 'none', path: Object.freeze([]) }));
  return copies as unknown as NonEmptyList<CxMetricsIssue>;
}

function copyInto(copies: CxMetricsIssue[], issues: readonly unknown[], message: string): void {
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { code, message: text, expected, received, path } = issue as Partial<CxMetricsIssue>;
    copies.push(
      Object.freeze({
        code: ISSUE_CODES.includes(code as CxMetricsIssueCode) ? (code as CxMetricsIssueCode) : 'invalid_value',
        message: typeof text === 'string' ? text : message,
        expected: typeof expected === 'string' ? expected : '',
        received: typeof received === 'string' ? received : '',
        path: Object.freeze(Array.isArray(path) ? path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number') : []),
      }),
    );
  }
}

