import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MetricKind } from '../scales/defineScale.js';
import { scales } from '../scales/scales.js';
import type { IngestSummary, RejectedRow } from '../records/IngestMapping.js';
import type { DayParts } from '../segments/collectDays.js';
import type { SegmentGroup } from '../segments/SegmentCollector.js';
import type { SegmentKeyValue } from '../tally/KeyedGroups.js';
import { Tally, type TallyJSON } from '../tally/Tally.js';
import type { ReportData } from '../report/ReportData.js';
import { countOf } from '../report/format.js';
import { AnswerFile, type LineRejection, ReportCollectors, reportData, type ReportRequest } from './collectReport.js';
import { CSVScanner, type Delimiter } from './CSVScanner.js';
import { InputFile } from './InputFile.js';

// A large CSV file is read by several threads, each a part of it, as DuckDB reads a file with its
// threads. Each part goes through the same reading as the whole file would (the mappings decided
// from the file's first rows, the same ingestion, the same collectors); the parts' tallies are
// merged in file order, so segments keep their order of first appearance, counts are exact, and
// rejected rows keep their file lines.

/**
 * Files smaller than this are read by one thread. Measured on 2 cores: at 54 MB two threads took
 * as long as one (each thread compiles and warms up its own code) and 60% more memory; at 550 MB
 * they took 5.6–7.7 s against 12.6 s. (A worker's young generation capped at 6 MB to save memory
 * doubled its time: keep V8's default.)
 */
const PARALLEL_BYTES = 128 << 20;

/** What a worker thread is given. */
interface PartJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly delimiter: Delimiter;
  readonly sample: readonly unknown[];
  readonly request: Omit<ReportRequest, 'scales'>;
  readonly scaleIds: Readonly<Partial<Record<MetricKind, string>>>;
}

/** What a worker thread sends back. */
interface PartResult {
  readonly metrics: readonly {
    readonly groups: readonly { readonly key: readonly SegmentKeyValue[]; readonly tally: TallyJSON }[];
    readonly days: readonly { readonly days: readonly (readonly [number, TallyJSON])[]; readonly total: number; readonly undated: number; readonly invalidTime: number; readonly outOfRange: number }[];
    readonly records: number;
    readonly ingest: IngestSummary;
  }[];
  readonly lineBreaks: number;
  readonly blankLines: number;
  readonly longRows: number;
  readonly shortRows: number;
  readonly rejections: readonly LineRejection[];
  readonly rejectedRows: number;
}

/** How many threads read a file: one for small files, standard input, compressed files and other formats. */
export function threadsFor(input: InputFile, environment: Readonly<Record<string, string | undefined>>): number {
  const asked = Number(environment['CX_METRICS_THREADS']);
  const threads = Number.isSafeInteger(asked) && asked > 0 ? asked : Math.min(availableParallelism(), 4);
  const minimum = Number(environment['CX_METRICS_PARALLEL_BYTES'] ?? PARALLEL_BYTES);
  // Threads run the built module; run from sources (tests, tsx) a file is read by one thread.
  const built = import.meta.url.endsWith('.js');
  return built && input.format === 'csv' && input.size !== undefined && !input.path.endsWith('.gz') && input.path !== '-' && input.size >= minimum ? threads : 1;
}

/**
 * Reads a CSV file with `threads` worker threads: the header rows here, then one part per thread,
 * cut at line breaks outside quoted fields (found by counting quotes, so a quoted field with line
 * breaks is never cut). Undefined when the file's first megabyte does not hold its header rows.
 */
export async function collectReportInParallel(functionName: string, input: InputFile, request: ReportRequest, threads: number, onRejected: (rejection: LineRejection) => void): Promise<ReportData | undefined> {
  const fn = functionName;
  const path = input.path;
  const size = input.size as number;
  const delimiter = input.delimiter as Delimiter;
  // The first rows decide the mappings, as when one thread reads the file.
  const head = Buffer.alloc(Math.min(size, 1 << 20));
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  const lastBreak = head.lastIndexOf(10);
  const scanner = new CSVScanner(fn, path, delimiter);
  const sampleRows: string[][] = [];
  const sampleLines: number[] = [];
  scanner.push(head.toString('utf8', 0, lastBreak + 1).replace(/^\uFEFF/, ''), false, sampleRows, sampleLines);
  const sample = sampleRows.slice(0, 20);
  // A dry run on the sample: the mappings (and any error in the command line) before threads start.
  const probe = new AnswerFile(fn, input, request, () => {}, sample);
  probe.decide(sample);
  const mappings = probe.mappings;
  const headerRows = mappings.headerRows;
  const firstDataLine = sampleLines[headerRows];
  // Header rows longer than the first megabyte: one thread reads the file.
  if (firstDataLine === undefined || lastBreak < 0) return undefined;
  const dataStart = byteOfLine(head, firstDataLine);
  const cuts = cutPoints(path, dataStart, size, threads);
  const scaleIds = Object.fromEntries(mappings.metrics.map((metric) => [metric.metric, metric.scale.id]));
  const { scales: _scales, ...plain } = request;
  const results = await Promise.all(
    cuts.slice(0, -1).map(
      (start, at) =>
        new Promise<PartResult>((resolve, reject) => {
          const job: PartJob = { path, start, end: cuts[at + 1] as number, delimiter, sample, request: plain, scaleIds };
          // This thread reads the first part itself: one thread fewer to start, and its memory saved.
          if (at === 0) {
            readPart(job, resolve).catch(reject);
            return;
          }
          const worker = new Worker(fileURLToPath(new URL('./cli.js', import.meta.url)), { workerData: job });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`a reading thread stopped with code ${code}`))));
        }),
    ),
  );
  // Lines: a part's line 1 is the line after the lines of the header and the parts before it.
  let before = firstDataLine - 1;
  const rejections: LineRejection[] = [];
  for (const result of results) {
    for (const rejection of result.rejections) rejections.push({ ...rejection, line: rejection.line + before });
    before += result.lineBreaks;
  }
  for (const rejection of rejections) onRejected(rejection);
  const collectors = new ReportCollectors(fn, request, mappings);
  const tally = (json: TallyJSON): Tally => Tally.fromJSON(json);
  const blankLines = results.reduce((sum, result) => sum + result.blankLines, 0);
  probe.longRows = results.reduce((sum, result) => sum + result.longRows, 0);
  probe.shortRows = results.reduce((sum, result) => sum + result.shortRows, 0);
  const notes = probe.notes().map((note, at) => (at === 0 && blankLines > 0 ? `${note}; ${countOf(blankLines, 'blank line')} skipped` : note));
  notes.push(`read by ${results.length} threads, each a part of the file`);
  return reportData(
    fn,
    request,
    input,
    probe,
    mappings.metrics.map((_metric, m) => {
      const parts = results.map((result) => result.metrics[m] as PartResult['metrics'][number]);
      const records = parts.reduce((sum, part) => sum + part.records, 0);
      const groups: SegmentGroup[][] = parts.map((part) => part.groups.map((group) => ({ key: group.key, tally: tally(group.tally) })));
      const days = collectors.days[m];
      return {
        table: collectors.segments[m]!.combine(groups, records),
        days: days?.combine(parts.flatMap((part) => part.days.map((day) => ({ ...day, days: day.days.map(([key, json]) => [key, tally(json)] as const) })))),
        ingest: mergeSummaries(parts.map((part) => part.ingest), headerRows),
      };
    }),
    notes,
  );
}

/** The byte where a (1-based) line starts: after the line's predecessor's line feed. */
function byteOfLine(bytes: Buffer, line: number): number {
  let at = 0;
  for (let seen = 1; seen < line; seen++) at = bytes.indexOf(10, at) + 1;
  return at;
}

/**
 * Where the parts start: `threads` parts of about equal size from `start`, each cut just after a
 * line feed outside quotes. A byte is inside quotes when an odd number of quote bytes come before
 * it in the data (RFC 4180 doubles quotes inside quoted fields, so the parity holds).
 */
function cutPoints(path: string, start: number, size: number, threads: number): number[] {
  const cuts = [start];
  const descriptor = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 22);
    let position = start;
    let quotes = 0;
    for (let part = 1; part < threads; part++) {
      const target = start + Math.floor(((size - start) * part) / threads);
      if (target <= (cuts[cuts.length - 1] as number)) continue;
      // Count quotes up to the target, then find the next line feed outside quotes.
      let cut = -1;
      while (position < size && cut < 0) {
        const length = readSync(descriptor, chunk, 0, Math.min(chunk.length, size - position), position);
        let at = 0;
        if (position < target) {
          const stop = Math.min(length, target - position);
          for (let quote = chunk.indexOf(34, 0); quote >= 0 && quote < stop; quote = chunk.indexOf(34, quote + 1)) quotes++;
          at = stop;
        }
        for (; at < length; at++) {
          const byte = chunk[at] as number;
          if (byte === 34) quotes++;
          else if (byte === 10 && quotes % 2 === 0) {
            cut = position + at + 1;
            break;
          }
        }
        position = cut >= 0 ? cut : position + length;
      }
      if (cut < 0 || cut >= size) break;
      cuts.push(cut);
    }
  } finally {
    closeSync(descriptor);
  }
  cuts.push(size);
  return cuts;
}

/** One summary of the parts' ingestion summaries: counts added, columns present in any part. */
function mergeSummaries(parts: readonly IngestSummary[], headerRows: number): IngestSummary {
  const first = parts[0] as IngestSummary;
  const add = (pick: (part: IngestSummary) => number): number => parts.reduce((sum, part) => sum + pick(part), 0);
  const addRecords = (pick: (part: IngestSummary) => Readonly<Record<string, number | undefined>>): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const part of parts) for (const [key, count] of Object.entries(pick(part))) out[key] = (out[key] ?? 0) + (count ?? 0);
    return out;
  };
  const fields = first.fields.map((field, at) => Object.freeze({ ...field, present: add((part) => part.fields[at]?.present ?? 0), skipValues: add((part) => part.fields[at]?.skipValues ?? 0) }));
  const total = add((part) => part.total);
  return Object.freeze({
    total,
    accepted: add((part) => part.accepted),
    rejected: add((part) => part.rejected),
    excluded: add((part) => part.excluded),
    excludedReasons: Object.freeze(addRecords((part) => part.excludedReasons)),
    issueCounts: Object.freeze(addRecords((part) => part.issueCounts)),
    headerRows,
    columns: first.columns,
    fields: Object.freeze(fields),
    absentColumns: Object.freeze(total === 0 ? [] : fields.filter((field) => field.column !== undefined && field.present === 0).map((field) => field.column as string)),
  });
}

/** The worker thread: reads its part of the file and sends back its tallies, summaries and first rejected rows. */
export async function readPart(job: PartJob, send: (result: PartResult) => void): Promise<void> {
  const fn = 'cx-metrics report';
  const request: ReportRequest = { ...job.request, scales: Object.fromEntries(Object.entries(job.scaleIds).map(([metric, id]) => [metric, (scales as unknown as Record<string, never>)[id as string]])) };
  const input = await InputFile.open(fn, job.path, { format: 'csv', delimiter: job.delimiter, range: { start: job.start, end: job.end } });
  const rejections: LineRejection[] = [];
  let rejectedRows = 0;
  const file = new AnswerFile(
    fn,
    input,
    request,
    (rejection) => {
      rejectedRows++;
      if (rejections.length < 10) rejections.push(rejection);
    },
    job.sample,
  );
  let collectors: ReportCollectors | undefined;
  await file.read(
    () => (collectors = new ReportCollectors(fn, request, file.mappings)),
    (metric, record) => (collectors as ReportCollectors).visit(metric, record),
    undefined,
  );
  const made = collectors as ReportCollectors;
  send({
    metrics: file.metrics.map((reading, m) => ({
      groups: made.segments[m]!.groups(made.counts[m] as number).map((group) => ({ key: group.key, tally: group.tally.toJSON() })),
      days: made.days[m] === undefined ? [] : [toJSONParts(made.days[m]!.parts(made.counts[m] as number))],
      records: made.counts[m] as number,
      ingest: reading.ingester.summary(),
    })),
    lineBreaks: input.lineBreaks,
    blankLines: input.blankLines,
    longRows: file.longRows,
    shortRows: file.shortRows,
    rejections,
    rejectedRows,
  });
}

function toJSONParts(parts: DayParts): PartResult['metrics'][number]['days'][number] {
  return { ...parts, days: parts.days.map(([day, tally]) => [day, tally.toJSON()] as const) };
}

export type { PartJob, PartResult, RejectedRow };
