import type { MetricKind, Scale } from '../scales/defineScale.js';
import type { VarianceMethod } from '../metrics/tallyStatistics.js';
import type { IngestSummary, RejectedRow } from '../records/IngestMapping.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import { RowIngester, STREAM_OPTION_KEYS } from '../records/RowIngester.js';
import { columnsRead, type VendorId, type VendorMappings, vendorMappings } from '../records/vendorMappings.js';
import type { TimeUnit } from '../segments/calendar.js';
import { type DayCollector, dayCollector, type DayTallies } from '../segments/collectDays.js';
import type { SegmentTable } from '../segments/SegmentTable.js';
import { SegmentCollector } from '../segments/SegmentCollector.js';
import { trendOfDays } from '../segments/trend.js';
import { countOf } from '../report/format.js';
import type { ReportData, ReportMetric } from '../report/ReportData.js';
import type { InputFile } from './InputFile.js';
import type { Progress } from './Progress.js';
import { usageError } from './usageError.js';

/** What `cx-metrics report` and `validate` ask of a file. */
export interface ReportRequest {
  readonly title: string;
  readonly vendor: VendorId | undefined;
  readonly columns: Readonly<Partial<Record<MetricKind, string>>>;
  readonly scales: Readonly<Partial<Record<MetricKind, Scale>>>;
  readonly by: readonly string[];
  readonly time: TimeUnit | undefined;
  readonly timeColumn: string | undefined;
  readonly timeZone: string | undefined;
  readonly level: number | undefined;
  readonly minimumN: number | undefined;
  /** With `--weight`: how the variance is estimated (the library's default, linearization, when undefined). */
  readonly varianceMethod?: VarianceMethod | undefined;
  readonly weight: string | undefined;
  readonly skipValues: readonly string[];
  /** Which fields to read: every field the export maps (`validate`, `risk`), or only what a report computes from (the score, segments, weight, and the time with `time`). */
  readonly fields: 'all' | 'needed';
  /** Keep only the `by` columns a file has (`risk` reads files of different shapes), instead of refusing the others. */
  readonly byWhereFound?: boolean;
}

/** A rejected row with the file line it starts on. */
export interface LineRejection {
  readonly line: number;
  readonly metric: MetricKind;
  readonly rejected: RejectedRow;
}

/** Rows read before the mappings are decided: enough for every vendor's header rows. */
const SAMPLE_ROWS = 20;

/** One metric of a file: its column and the ingester its rows go through. */
export interface MetricReading {
  readonly metric: MetricKind;
  readonly column: string;
  readonly ingester: RowIngester<Scale, unknown>;
}

/**
 * A file of answers read once through the library's ingestion: the vendor's mapping decided from
 * its first rows, then every row through each metric's ingester (skip values, exclusions, the
 * time zone), each record handed to `visit`, each rejected row to `onRejected` with its file line.
 */
export class AnswerFile {
  readonly #fn: string;
  readonly #input: InputFile;
  readonly #request: ReportRequest;
  readonly #onRejected: (rejection: LineRejection) => void;
  #mappings: VendorMappings | undefined;
  /** The metrics, once the first rows are read. */
  metrics: readonly MetricReading[] = [];
  /** Data rows read (header rows not counted). */
  rows = 0;
  /** CSV rows with more cells than the header (the extra cells are not read), and with fewer. */
  longRows = 0;
  shortRows = 0;

  readonly #sample: readonly unknown[] | undefined;

  /**
   * With `sample` (the file's first rows, as a worker thread reading a part of a file gets them),
   * the mappings are decided from it and every row of the input is data.
   */
  constructor(functionName: string, input: InputFile, request: ReportRequest, onRejected: (rejection: LineRejection) => void, sample?: readonly unknown[]) {
    this.#fn = functionName;
    this.#input = input;
    this.#request = request;
    this.#onRejected = onRejected;
    this.#sample = sample;
  }

  /** How the file is read (after `read`). */
  get mappings(): VendorMappings {
    return this.#mappings as VendorMappings;
  }

  /** The line being read, and its metric, for the rejected rows' reports. */
  #line = 0;
  #metricOfRejection: MetricKind = 'nps';

  /** Decides how the file is read from its first rows: the mappings, and an ingester per metric. */
  decide(sample: readonly unknown[]): void {
    const input = this.#input;
    const request = this.#request;
    const fn = this.#fn;
    const found = vendorMappings(sample, {
      vendor: request.vendor,
      columns: request.columns,
      scales: request.scales,
      time: request.timeColumn,
      attributes: request.byWhereFound === true ? request.by.filter((name) => hasColumn(sample, name)) : request.by,
      weight: request.weight,
      timeZone: request.timeZone,
      ...(Object.keys(request.columns).length > 0 ? { metrics: Object.keys(request.columns) as MetricKind[] } : {}),
    });
    const mappings = (this.#mappings = request.fields === 'all' ? found : onlyNeeded(found, request));
    if (request.time !== undefined && !mappings.metrics.some((metric) => metric.mapping.submittedAt !== undefined)) {
      throw usageError(fn, 'a time column for --time (none of submitted_at, created_at, date… was found)', 'no time column', '--time-column');
    }
    if (input.format === 'csv' && mappings.columns !== undefined) {
      const reads = new Set(mappings.reads);
      input.want(mappings.columns.map((name) => reads.has(name)));
    }
    const skip = request.skipValues.length > 0 ? request.skipValues : undefined;
    this.metrics = mappings.metrics.map((metric) => {
      const options = metric.options;
      const skipValues = skip === undefined ? options.skipValues : [...((options.skipValues as readonly (string | number)[] | undefined) ?? []), ...skip];
      const ingester = new RowIngester<Scale, unknown>(fn, metric.mapping, { ...options, ...(skipValues === undefined ? {} : { skipValues }) }, STREAM_OPTION_KEYS, (rejected) =>
        this.#onRejected({ line: this.#line, metric: this.#metricOfRejection, rejected }),
      );
      return { metric: metric.metric, column: metric.column, ingester };
    });
  }

  /** Reads every row: `start` once the metrics are known, `visit` for every record. */
  async read(start: (metrics: readonly MetricReading[]) => void, visit: (metric: number, record: ResponseRecord) => void, progress: Progress | undefined): Promise<void> {
    const input = this.#input;
    const fn = this.#fn;
    let headerLeft = 0;
    const begin = (sample: readonly unknown[]): void => {
      this.decide(sample);
      headerLeft = this.mappings.headerRows;
      start(this.metrics);
    };
    const take = (rows: readonly unknown[], lines: readonly number[]): void => {
      const metrics = this.metrics;
      const width = this.mappings.columns?.length ?? -1;
      for (let at = 0; at < rows.length; at++) {
        if (headerLeft > 0) {
          headerLeft--;
          continue;
        }
        const row = rows[at];
        if (width >= 0 && Array.isArray(row) && row.length !== width) {
          if (row.length > width) this.longRows++;
          else this.shortRows++;
        }
        this.#line = lines[at] as number;
        for (let m = 0; m < metrics.length; m++) {
          const reading = metrics[m] as MetricReading;
          this.#metricOfRejection = reading.metric;
          const record = reading.ingester.take(row, this.rows, undefined);
          if (record !== undefined) visit(m, record);
        }
        this.rows++;
      }
    };
    let pending: { rows: unknown[]; lines: number[] } | undefined = { rows: [], lines: [] };
    if (this.#sample !== undefined) {
      begin(this.#sample);
      headerLeft = 0;
      pending = undefined;
    }
    for await (const batch of input.batches()) {
      if (pending !== undefined) {
        pending.rows.push(...batch.rows);
        pending.lines.push(...batch.lines);
        if (pending.rows.length < SAMPLE_ROWS) continue;
        begin(pending.rows.slice(0, SAMPLE_ROWS));
        take(pending.rows, pending.lines);
        pending = undefined;
      } else take(batch.rows, batch.lines);
      progress?.update(this.rows, input.bytesRead, input.size);
    }
    if (pending !== undefined) {
      if (pending.rows.length === 0) throw usageError(fn, input.format === 'csv' ? 'a file with a header row' : 'a file with rows', input.format === 'csv' ? 'an empty file' : 'no rows', input.path, 'invalid_input');
      begin(pending.rows);
      take(pending.rows, pending.lines);
    }
    for (const reading of this.metrics) reading.ingester.finish();
    progress?.done(this.rows);
  }

  /** What was decided about the file: its format and delimiter, then the mappings' notes. */
  notes(): string[] {
    const input = this.#input;
    const found = this.mappings;
    const delimiterName = input.delimiter === '\t' ? 'tab' : `"${input.delimiter}"`;
    const format =
      input.format === 'csv'
        ? `CSV, delimiter ${delimiterName} (${input.detected.delimiter ? 'detected' : 'given'})${input.blankLines > 0 ? `; ${countOf(input.blankLines, 'blank line')} skipped` : ''}`
        : input.format === 'json'
          ? `JSON, rows from ${input.jsonProperty === '' ? 'the top-level array' : `the array "${input.jsonProperty}"`}`
          : 'NDJSON, one object a line';
    const encoding =
      input.invalidCharacters > 0 ? [`${countOf(input.invalidCharacters, 'character')} not valid in the file's encoding, shown as \uFFFD: is it windows-1252? (--encoding windows-1252)`] : [];
    const ragged = [
      ...(this.longRows > 0 ? [`${countOf(this.longRows, 'row')} with more cells than the header: the cells past the last column are not read`] : []),
      ...(this.shortRows > 0 ? [`${countOf(this.shortRows, 'row')} with fewer cells than the header: a column they lack is reported as missing`] : []),
    ];
    return [format, ...encoding, ...ragged, ...found.notes.map((note, at) => (at === 0 && !found.detected ? `${note} (--vendor)` : note))];
  }
}

/**
 * The collectors of one reading, a whole file or a worker's part: per metric a segment collector
 * (every row in one segment without `by`) and, with a time unit, a day collector. With `scales`
 * (the main thread, which reads no row) they combine the parts read by workers.
 */
export class ReportCollectors {
  readonly segments: SegmentCollector<ResponseRecord>[];
  readonly days: (DayCollector<ResponseRecord> | undefined)[];
  readonly counts: number[];

  constructor(functionName: string, request: ReportRequest, mappings: VendorMappings) {
    // The scales are given, so a file whose every row was refused still has its (empty) tables,
    // and the main thread can combine the parts that workers read.
    const metricOptions = {
      ...(request.level === undefined ? {} : { level: request.level }),
      ...(request.minimumN === undefined ? {} : { minimumN: request.minimumN }),
      ...(request.varianceMethod === undefined ? {} : { varianceMethod: request.varianceMethod }),
    };
    this.segments = mappings.metrics.map((metric) => new SegmentCollector<ResponseRecord>(functionName, request.by.length > 0 ? [...request.by] : () => 'all', { ...metricOptions, scale: metric.scale }));
    this.days = mappings.metrics.map((metric) =>
      request.time === undefined ? undefined : dayCollector<ResponseRecord>(functionName, { ...metricOptions, ...(metric.options.timeZone === undefined ? {} : { timeZone: metric.options.timeZone }), scale: metric.scale }, []),
    );
    this.counts = mappings.metrics.map(() => 0);
  }

  /** Takes one metric's record. */
  visit(metric: number, record: ResponseRecord): void {
    const at = this.counts[metric] as number;
    (this.segments[metric] as SegmentCollector<ResponseRecord>).row(record, at);
    this.days[metric]?.row(record, at);
    this.counts[metric] = at + 1;
  }
}

/** The report of a file from its metrics' tables, series and ingestion summaries. */
export function reportData(functionName: string, request: ReportRequest, input: InputFile, file: AnswerFile, metrics: readonly { readonly table: SegmentTable; readonly days: DayTallies | undefined; readonly ingest: IngestSummary }[], notes: readonly string[] = file.notes()): ReportData {
  return Object.freeze({
    title: request.title,
    source: Object.freeze({ name: input.path, format: input.format, delimiter: input.delimiter, vendor: file.mappings.vendor, notes: Object.freeze([...notes]) }),
    metrics: Object.freeze(
      metrics.map(({ table, days, ingest }, m) =>
        Object.freeze({
          column: (file.metrics[m] as MetricReading).column,
          result: table.overall,
          segments: request.by.length > 0 ? table : undefined,
          trend: days === undefined ? undefined : trendOfDays(functionName, days, {}, request.time as TimeUnit, request.minimumN ?? 30),
          // The command reads the header rows itself; the summary says how many there were.
          ingest: Object.freeze({ ...ingest, headerRows: file.mappings.headerRows }),
        }),
      ),
    ),
    risk: undefined,
  });
}

/**
 * Reads a file once into every metric's tallies: each record of the {@link AnswerFile} goes into a
 * segment collector and (with a time unit) a day collector, so the command computes exactly what
 * `ingest` + `segmentBy` + `trend` compute, in the memory of one piece of the file and the tallies.
 */
export async function collectReport(functionName: string, input: InputFile, request: ReportRequest, onRejected: (rejection: LineRejection) => void, progress: Progress | undefined): Promise<ReportData> {
  const fn = functionName;
  const file = new AnswerFile(fn, input, request, onRejected);
  let collectors: ReportCollectors | undefined;
  await file.read(
    () => (collectors = new ReportCollectors(fn, request, file.mappings)),
    (metric, record) => (collectors as ReportCollectors).visit(metric, record),
    progress,
  );
  const made = collectors as ReportCollectors;
  return reportData(
    fn,
    request,
    input,
    file,
    file.metrics.map((reading, m) => ({
      table: (made.segments[m] as SegmentCollector<ResponseRecord>).finish(made.counts[m] as number),
      days: made.days[m]?.finish(made.counts[m] as number),
      ingest: reading.ingester.summary(),
    })),
  );
}

/** The mappings without the fields a report does not compute from: reading fewer cells is faster, and a report is not the place to judge an id column. */
function onlyNeeded(found: VendorMappings, request: ReportRequest): VendorMappings {
  const keep = new Set(['scale', 'score', 'weight', 'required', 'attributes', ...request.by, ...(request.time === undefined ? [] : ['submittedAt'])]);
  const metrics = found.metrics.map((metric) => Object.freeze({ ...metric, mapping: Object.freeze(Object.fromEntries(Object.entries(metric.mapping).filter(([key]) => keep.has(key)))) as typeof metric.mapping }));
  // With a time, every column the export's mappings read stays (an accessor, SurveyMonkey's dates, reads its own).
  return Object.freeze({ ...found, metrics: Object.freeze(metrics), reads: columnsRead(metrics, request.time === undefined ? [] : found.reads) });
}

/** Whether a file's first rows name a column (the header of a table, or a key of an object). */
function hasColumn(sample: readonly unknown[], name: string): boolean {
  const first = sample[0];
  return Array.isArray(first) ? first.some((cell) => typeof cell === 'string' && cell.replace(/^\uFEFF/, '') === name) : typeof first === 'object' && first !== null && name in first;
}
