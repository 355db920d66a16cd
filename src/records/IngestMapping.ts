import type { CxMetricsIssue, CxMetricsIssueCode, NonEmptyList } from '../errors/CxMetricsError.js';
import type { AbortSignalLike } from '../internal/readRows.js';
import type { Scale } from '../scales/defineScale.js';
import type { ResponseRecord } from './ResponseRecord.js';
import type { StandardSchemaV1 } from './StandardSchema.js';

/** Where a field comes from: a column name (a key of an object row, or a header of an array row), or an accessor. */
export type FieldSource<Row = never> = string | ((row: Row, index: number) => unknown);

/** The record fields besides the score that a mapping can fill. */
export type RecordField = 'respondentId' | 'customerId' | 'submittedAt' | 'weight' | 'interactionId' | 'touchpoint' | 'channel';

/**
 * Which column holds what, and which scale applies. A mapping of `{ scale }` alone reads the wire
 * form ({@link ResponseInput}: `score`, `respondentId`, … and an `attributes` object); once any
 * field is mapped, only the mapped columns are read, and the score must be one of them.
 */
export interface IngestMapping<S extends Scale = Scale, Row = never> {
  /** The scale of the score column. */
  readonly scale: S;
  /** The score. */
  readonly score?: FieldSource<Row> | undefined;
  /** The respondent id. */
  readonly respondentId?: FieldSource<Row> | undefined;
  /** The customer id. */
  readonly customerId?: FieldSource<Row> | undefined;
  /** The timestamp. */
  readonly submittedAt?: FieldSource<Row> | undefined;
  /** The weight. */
  readonly weight?: FieldSource<Row> | undefined;
  /** The interaction (ticket, call…) id. */
  readonly interactionId?: FieldSource<Row> | undefined;
  /** The touchpoint. */
  readonly touchpoint?: FieldSource<Row> | undefined;
  /** The channel. */
  readonly channel?: FieldSource<Row> | undefined;
  /**
   * Segment attributes: column names to copy under their own names, or an object from attribute
   * name to source. An attribute cannot be named like a record field (`channel` is mapped as
   * `channel`, not as an attribute), so a name always means one thing.
   */
  readonly attributes?: readonly string[] | Readonly<Record<string, FieldSource<Row>>> | undefined;
  /** Fields that must have a value; a row where one is empty (`missing`) or absent (`missing_column`) is rejected. */
  readonly required?: readonly ('score' | RecordField)[] | undefined;
}

/** A cell value that means "no answer" in some export (`-99`, `'N/A'`, `'offered'`). */
export type SkipValue = string | number;

/** Rows to leave out, counted with a reason: those whose `column` holds one of `values`. */
export interface ExcludeRule {
  /** The column to look at. */
  readonly column: string;
  /** The values that mark a row to leave out (compared as skip values are). */
  readonly values: readonly SkipValue[];
  /** The reason counted in `excludedReasons`; default `"<column> is <value>"`. */
  readonly reason?: string | undefined;
}

/**
 * Options for {@link ingest}. `Row` is what the mapping's accessors see (the schema's output, or the
 * input row), `Input` the rows as given (what `exclude` sees).
 */
export interface IngestOptions<Row = never, Input = Row> {
  /** `'exclude'` (default): rejected rows are left out and reported. `'throw'`: throw one `invalid_rows` error carrying every issue. */
  readonly onInvalid?: 'exclude' | 'throw' | undefined;
  /** Read "7,0" and "1,5" with a comma decimal (scores and weights); "7.0" is still read too. Default false. */
  readonly decimalComma?: boolean | undefined;
  /** What numeric timestamps count: `'ms'` (default) or `'s'` (Unix seconds). */
  readonly timestampUnit?: 'ms' | 's' | undefined;
  /** The IANA time zone of timestamps written without an offset (`'2026-03-01 09:30'`); default `'UTC'`. */
  readonly timeZone?: string | undefined;
  /** The earliest acceptable timestamp. Default 2000-01-01T00:00:00Z. */
  readonly earliest?: Date | undefined;
  /** The latest acceptable timestamp. Default one day after now. */
  readonly latest?: Date | undefined;
  /**
   * For rows that are arrays of cells: their header names, or `'first-row'` when the first row
   * holds them. A byte-order mark is never part of a name. Mapped columns are checked against them
   * up front, with the near names offered for a misspelling.
   */
  readonly columns?: readonly string[] | 'first-row' | undefined;
  /** Rows to skip before the data (after the header row, if any): Qualtrics exports have 2 more header rows. Default 0. */
  readonly skipRows?: number | undefined;
  /**
   * Values that mean "no answer" (vendor codes such as `-99`, `'N/A'`, Zendesk's `'offered'`): a
   * list for the score column, or an object from column name to its own list. Such a score is a
   * skipped answer; such a cell elsewhere is empty. Compared after trimming, numbers by value
   * (`'-99'` is `-99`), text ignoring case.
   */
  readonly skipValues?: readonly SkipValue[] | Readonly<Record<string, readonly SkipValue[]>> | undefined;
  /**
   * Rows to leave out and count (test or preview responses): a rule `{ column, values, reason }`, or a
   * function returning the reason for a row to leave out (and nothing for a row to keep).
   */
  readonly exclude?: ExcludeRule | ((row: Input, index: number) => string | false | null | undefined) | undefined;
  /** Strings longer than this are refused before parsing (`too_long`). Default 1000. */
  readonly maxCellLength?: number | undefined;
  /**
   * Your own Standard Schema validator (zod, valibot, arktype, ours…) for the row, run first:
   * a row it refuses is rejected with code `schema`, and the mapping reads its output.
   * `ingest` needs a synchronous validator; `ingestAsync` and `ingestStream` await async ones.
   */
  readonly schema?: StandardSchemaV1<unknown, Row> | undefined;
}

/** Options for {@link ingestAsync}: those of {@link ingest}, and a signal to stop reading. */
export interface IngestAsyncOptions<Row = never, Input = Row> extends IngestOptions<Row, Input> {
  /** Stops the reading promptly when aborted (the promise rejects with `aborted`). */
  readonly signal?: AbortSignalLike | undefined;
}

/** Options for {@link ingestStream}. With `onInvalid: 'throw'` the stream fails at the first rejected row. */
export interface IngestStreamOptions<Row = never, Input = Row> extends IngestAsyncOptions<Row, Input> {
  /** Called with each rejected row as it happens; the summary counts them either way. */
  readonly onRejected?: ((rejected: RejectedRow) => void) | undefined;
}

/** One problem of a rejected row. */
export interface IngestIssue extends CxMetricsIssue {
  /** The 0-based index of the row in the input, header and skipped rows included (so the first data row after one header row is 1). */
  readonly row: number;
  /** The record field (`score`, `submittedAt`, `attributes.plan`…), `exclude` for the exclude rule's column, or `row` for the row itself. */
  readonly field: string;
  /** The column read, when the field came from a named column. */
  readonly column: string | undefined;
}

/** A row that did not become a record, with every reason. */
export interface RejectedRow {
  /** The 0-based index of the row in the input, header and skipped rows included. */
  readonly row: number;
  /** Every problem found in it. */
  readonly issues: NonEmptyList<IngestIssue>;
}

/** Which column fed a field, and how many rows had it. */
export interface FieldReport {
  /** The record field: `score`, `respondentId`, …, or `attributes.<name>`. */
  readonly field: string;
  /** The column read, or undefined for an accessor (or the wire form's `attributes` object). */
  readonly column: string | undefined;
  /** Data rows that had the column (for an accessor: every row it was called on). */
  readonly present: number;
  /** Cells read as "no answer" by `skipValues`. */
  readonly skipValues: number;
}

/** What ingestion counted. `accepted + rejected + excluded === total`, always. */
export interface IngestSummary {
  /** Data rows read (header and skipped rows are not data). */
  readonly total: number;
  /** Rows that became records. */
  readonly accepted: number;
  /** Rows refused, each with its issues. */
  readonly rejected: number;
  /** Rows left out by `options.exclude`. */
  readonly excluded: number;
  /** Excluded rows by reason. */
  readonly excludedReasons: Readonly<Record<string, number>>;
  /** Issues of rejected rows, by code. */
  readonly issueCounts: Readonly<Partial<Record<CxMetricsIssueCode, number>>>;
  /** Rows read as headers or skipped before the data (`columns: 'first-row'`, `skipRows`). */
  readonly headerRows: number;
  /** The header names of array rows (byte-order mark removed), when known. */
  readonly columns: readonly string[] | undefined;
  /** Which column fed each field, and how many rows had it. */
  readonly fields: readonly FieldReport[];
  /** Named columns that no data row had: a misspelled or missing column shows here, never silently. */
  readonly absentColumns: readonly string[];
}

/** What {@link ingest} returns: the records, the rejected rows, and the counts. */
export interface IngestResult<S extends Scale = Scale> extends IngestSummary {
  /** The accepted rows as records, in input order. */
  readonly records: readonly ResponseRecord<S>[];
  /** The rejected rows with their reasons, in input order. */
  readonly rejectedRows: readonly RejectedRow[];
}
