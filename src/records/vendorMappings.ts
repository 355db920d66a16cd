import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { didYouMean } from '../internal/nearNames.js';
import { checkChoice, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { checkScale } from '../scales/checkScale.js';
import { defineScale, type MetricKind, type Scale } from '../scales/defineScale.js';
import { scales } from '../scales/scales.js';
import type { IngestMapping, IngestOptions } from './IngestMapping.js';
import { isRecordField } from './readField.js';

/** The exports {@link vendorMappings} knows. `plain` is any file with columns named like `nps`, `csat`, `ces`. */
export type VendorId = 'qualtrics' | 'qualtrics-legacy' | 'surveymonkey' | 'typeform' | 'delighted' | 'zendesk' | 'plain';

/** Every vendor id, in the order they are tried. */
export const VENDOR_IDS: readonly VendorId[] = Object.freeze(['qualtrics', 'qualtrics-legacy', 'surveymonkey', 'typeform', 'delighted', 'zendesk', 'plain'] as const);

/** Options of {@link vendorMappings}. */
export interface VendorMappingOptions {
  /** The export to read the file as; default detected from its first rows. */
  readonly vendor?: VendorId | undefined;
  /** The column of each metric (a Typeform field `ref`); a metric not named is looked for. */
  readonly columns?: Readonly<Partial<Record<MetricKind, string>>> | undefined;
  /** The scale of each metric; default NPS 0–10, CSAT 1–5, CES 2.0 1–7 (Zendesk: good/bad). */
  readonly scales?: Readonly<Partial<Record<MetricKind, Scale>>> | undefined;
  /** Only these metrics (default: every metric named or found). */
  readonly metrics?: readonly MetricKind[] | undefined;
  /** The column of the time of each answer; default the export's own (`RecordedDate`, `submitted_at`…). */
  readonly time?: string | undefined;
  /** Segment columns to keep on each record as attributes. */
  readonly attributes?: readonly string[] | undefined;
  /** The column of each answer's weight. */
  readonly weight?: string | undefined;
  /** The IANA time zone of times without an offset; default the export's own (Qualtrics says it), else UTC. */
  readonly timeZone?: string | undefined;
}

const OPTION_NAMES = ['vendor', 'columns', 'scales', 'metrics', 'time', 'attributes', 'weight', 'timeZone'] as const satisfies readonly (keyof VendorMappingOptions)[];
true satisfies EveryKeyListed<keyof VendorMappingOptions, (typeof OPTION_NAMES)[number]>;

/** How one metric of a file is read: hand `mapping` and `options` to `ingest` (or `ingestStream`) with the rows after the header rows. */
export interface MetricMapping {
  /** The metric. */
  readonly metric: MetricKind;
  /** The column (or Typeform field ref) its answers are in. */
  readonly column: string;
  /** Whether the column was found (true) or named by the caller (false). */
  readonly detected: boolean;
  /** The scale the answers are read on. */
  readonly scale: Scale;
  /** The mapping for `ingest`. */
  readonly mapping: IngestMapping<Scale, unknown>;
  /** The options for `ingest` (column names, skip values, exclusions, time zone, timestamp unit). */
  readonly options: IngestOptions<unknown>;
}

/** How a file is read: the export it is, its header rows, and one mapping per metric; every decision is in `notes`. */
export interface VendorMappings {
  /** The export. */
  readonly vendor: VendorId;
  /** Whether the export was detected (true) or named by the caller (false). */
  readonly detected: boolean;
  /** Rows before the answers, the column names included (CSV); 0 for JSON objects. */
  readonly headerRows: number;
  /** The column names (CSV), a byte-order mark removed; undefined for JSON objects. */
  readonly columns: readonly string[] | undefined;
  /** One mapping per metric found or named. */
  readonly metrics: readonly MetricMapping[];
  /** Every column the mappings read (a CSV reader may leave the others unread). */
  readonly reads: readonly string[];
  /** One sentence per decision: the export, each metric's column and scale, skipped codes, exclusions, the time zone. */
  readonly notes: readonly string[];
}

/** Zendesk's satisfaction rating: good or bad. */
const ZENDESK_SCALE: Scale = defineScale({
  id: 'zendesk-csat',
  metric: 'csat',
  min: 1,
  max: 2,
  polarity: 'higher-is-better',
  bands: [
    { name: 'bad', min: 1, max: 1, sentiment: 'negative' },
    { name: 'good', min: 2, max: 2, sentiment: 'positive' },
  ],
  labels: { 1: 'bad', 2: 'good' },
});

const DEFAULT_SCALES: Readonly<Record<MetricKind, Scale>> = { nps: scales.nps, csat: scales.csat5, ces: scales.ces7 };
const METRICS: readonly MetricKind[] = ['nps', 'csat', 'ces'];
const LABEL: Readonly<Record<MetricKind, string>> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** Plain column names, compared lower-case without spaces, dashes or underscores. */
const PLAIN_NAMES: Readonly<Record<MetricKind | 'respondentId' | 'customerId' | 'submittedAt' | 'channel' | 'touchpoint' | 'interactionId', readonly string[]>> = {
  nps: ['nps', 'npsscore', 'scorenps', 'likelihoodtorecommend', 'ltr', 'recommend'],
  csat: ['csat', 'csatscore', 'satisfaction', 'satisfactionscore'],
  ces: ['ces', 'cesscore', 'effort', 'effortscore', 'customereffort', 'customereffortscore'],
  respondentId: ['respondentid', 'contactid', 'respondent', 'personid', 'userid', 'responseid', 'id'],
  customerId: ['customerid', 'customer', 'accountid', 'account'],
  submittedAt: ['submittedat', 'createdat', 'recordeddate', 'timestamp', 'date', 'time', 'enddate'],
  channel: ['channel'],
  touchpoint: ['touchpoint'],
  interactionId: ['interactionid', 'ticketid', 'ticket'],
};
/** Question texts of the vendors that name columns by question (Qualtrics' second row, SurveyMonkey). */
const QUESTIONS: Readonly<Record<MetricKind, RegExp>> = {
  nps: /recommend/i,
  csat: /satisf/i,
  ces: /\beas(y|e)\b|effort/i,
};

const squash = (name: string): string => name.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-.]+/g, '');
/** The column whose name is the most preferred of `wanted` (a contact id over a response id as the respondent). */
const byPreference = (names: readonly string[], wanted: readonly string[]): string | undefined => {
  for (const choice of wanted) {
    const name = names.find((column) => squash(column) === choice);
    if (name !== undefined) return name;
  }
  return undefined;
};
const cellText = (cell: unknown): string => (typeof cell === 'string' ? cell.replace(/^\uFEFF/, '') : typeof cell === 'number' ? String(cell) : '');

/**
 * How to read a vendor's export: which rows are headers, which column holds each metric, which
 * codes mean "no answer", which rows are previews or tests, and the time zone of its times — from
 * the file's first rows (arrays of cells for CSV, objects for JSON). The `cx-metrics` command reads
 * files through this, so code and command read a file the same way. Every decision is stated in
 * `notes`, never made silently; `vendor` forces an export when detection would guess wrong.
 *
 * Known exports: Qualtrics (three header rows, with `-99` for "seen, not answered" and previews
 * and tests excluded; legacy two-row `V1…` exports), SurveyMonkey (two header rows, US dates),
 * Typeform (Responses API items: a metric is found by its field `ref`), Delighted (Unix seconds),
 * Zendesk satisfaction ratings (good/bad, `offered` skipped), and plain files with columns named
 * `nps`, `csat`, `ces` (also `likelihood_to_recommend`, `satisfaction`, `effort`…). The recipes in
 * docs/validation.md show each mapping in full.
 *
 * @param sample - the file's first rows: arrays of cells (the column names first) or objects
 * @param options - the export, metric columns and scales, time and weight columns, segment columns, time zone
 * @returns the export, its header rows, and a mapping per metric
 * @throws {@link CxMetricsError} `invalid_option` for a named column the file lacks (with near names), or when no metric column is found
 *
 * @example
 * ```ts
 * import { computeNPS, ingest, vendorMappings } from 'cx-metrics';
 *
 * const rows = [
 *   ['response_id', 'submitted_at', 'region', 'nps'],
 *   ['r1', '2026-03-01T10:00:00Z', 'EU', '10'],
 *   ['r2', '2026-03-02T11:00:00Z', 'US', '3'],
 *   ['r3', '2026-03-02T12:00:00Z', 'US', ''],
 * ];
 * const plan = vendorMappings(rows, { attributes: ['region'] });
 * plan.vendor; // => "plain"
 * plan.notes[1]; // => "NPS: column \"nps\" (found), scale nps (0–10)"
 * const [nps] = plan.metrics;
 * const result = ingest(rows.slice(plan.headerRows), nps!.mapping, nps!.options);
 * computeNPS(result.records).responses; // => { total: 3, answered: 2, skipped: 1, invalid: 0 }
 * ```
 */
export function vendorMappings(sample: readonly unknown[], options?: VendorMappingOptions): VendorMappings {
  return guard('vendorMappings', () => mappingsOf(sample, options));
}

function mappingsOf(sample: readonly unknown[], options: VendorMappingOptions | undefined): VendorMappings {
  const fn = 'vendorMappings';
  const checked = checkOptions(fn, options, OPTION_NAMES);
  const text = (value: unknown, path: readonly (string | number)[], what = 'a column name'): void => {
    if (value !== undefined && (typeof value !== 'string' || value === '')) fail(fn, 'invalid_option', 'invalid_type', what, value, path);
  };
  const list = (value: unknown, name: string): void => {
    if (value === undefined) return;
    if (!Array.isArray(value)) fail(fn, 'invalid_option', 'invalid_type', 'an array of names', value, ['options', name]);
    value.forEach((item, at) => text(item, ['options', name, at]));
  };
  const record = (value: unknown, name: string): void => {
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) fail(fn, 'invalid_option', 'invalid_type', 'an object by metric (nps, csat, ces)', value, ['options', name]);
  };
  text(checked.time, ['options', 'time']);
  text(checked.weight, ['options', 'weight']);
  text(checked.timeZone, ['options', 'timeZone'], 'an IANA time zone name');
  list(checked.attributes, 'attributes');
  list(checked.metrics, 'metrics');
  record(checked.columns, 'columns');
  record(checked.scales, 'scales');
  for (const [metric, column] of Object.entries(checked.columns ?? {})) text(column, ['options', 'columns', metric]);
  (checked.metrics ?? []).forEach((metric, at) => checkChoice(fn, metric, METRICS, ['options', 'metrics', at]));
  if (!Array.isArray(sample) || sample.length === 0) fail(fn, 'invalid_input', 'invalid_type', "a non-empty array of the file's first rows", sample, ['sample']);
  const forced = checked.vendor === undefined ? undefined : checkChoice(fn, checked.vendor, VENDOR_IDS, ['options', 'vendor']);
  for (const [metric, scale] of Object.entries(checked.scales ?? {})) {
    checkChoice(fn, metric, METRICS, ['options', 'scales', metric]);
    const sure = checkScale(fn, scale, ['options', 'scales', metric]);
    if (sure.metric !== undefined && sure.metric !== metric) fail(fn, 'invalid_option', 'mismatch', `a ${LABEL[metric as MetricKind]} scale`, `scale '${sure.id}' (${sure.metric})`, ['options', 'scales', metric]);
  }
  for (const metric of Object.keys(checked.columns ?? {})) checkChoice(fn, metric, METRICS, ['options', 'columns', metric]);
  const first = sample[0];
  return Array.isArray(first) ? tableMappings(fn, sample as readonly unknown[][], checked, forced) : objectMappings(fn, sample, checked, forced);
}

/** What a reader of one export found, before it becomes mappings. */
interface Found {
  readonly vendor: VendorId;
  readonly headerRows: number;
  readonly columns: readonly string[] | undefined;
  readonly notes: string[];
  /** The column of each metric found, by metric. */
  readonly metricColumns: Partial<Record<MetricKind, string>>;
  /** The other fields' sources. */
  readonly fields: Partial<Record<'respondentId' | 'customerId' | 'submittedAt' | 'channel' | 'touchpoint' | 'interactionId', IngestMapping<Scale, unknown>['score']>>;
  readonly options: IngestOptions<unknown>;
  /** The score source of a metric whose column is `column` (a Typeform ref becomes an accessor). */
  readonly scoreSource: (column: string) => IngestMapping<Scale, unknown>['score'];
  /** The names a metric's column must be one of (columns, or Typeform refs), for near-name hints. */
  readonly names: readonly string[];
  /** The names any other named column must be one of (columns, or the objects' keys). */
  readonly fieldNames: readonly string[];
  readonly timeZone: string | undefined;
  readonly scale?: Partial<Record<MetricKind, Scale>>;
  /** Columns an accessor of the mapping reads. */
  readonly accessorReads?: readonly string[];
}

function tableMappings(fn: string, rows: readonly unknown[][], options: VendorMappingOptions, forced: VendorId | undefined): VendorMappings {
  const names = (rows[0] ?? []).map(cellText);
  const second = (rows[1] ?? []).map(cellText);
  const third = (rows[2] ?? []).map(cellText);
  const has = (list: readonly string[], name: string): boolean => list.includes(name);
  const detect = (): VendorId => {
    if (has(names, 'ResponseId') && third.some((cell) => cell.startsWith('{"ImportId"'))) return 'qualtrics';
    if (names[0] === 'V1' && has(second, 'ResponseID')) return 'qualtrics-legacy';
    if (has(names, 'Respondent ID') && has(names, 'Collector ID')) return 'surveymonkey';
    return 'plain';
  };
  const vendor = forced ?? detect();
  const notes: string[] = [];
  const found = (metricColumns: Partial<Record<MetricKind, string>>, headerRows: number, fields: Found['fields'], extra: IngestOptions<unknown>, timeZone?: string): Found => ({
    vendor,
    headerRows,
    columns: names,
    notes,
    metricColumns,
    fields,
    options: { columns: names, ...extra },
    scoreSource: (column) => column,
    names,
    fieldNames: names,
    timeZone,
  });
  const byQuestion = (texts: readonly string[], columnNames: readonly string[]): Partial<Record<MetricKind, string>> => {
    const out: Partial<Record<MetricKind, string>> = {};
    for (const metric of METRICS) {
      const at = texts.findIndex((text, index) => QUESTIONS[metric].test(text) && !/- group$/i.test(text) && !/_NPS_GROUP$/i.test(columnNames[index] ?? '') && !/_TEXT$|reason/i.test(text));
      if (at >= 0) out[metric] = columnNames[at] as string;
    }
    return out;
  };
  let result: Found;
  if (vendor === 'qualtrics') {
    const recorded = names.indexOf('RecordedDate');
    const zone = /"timeZone":"([^"]+)"/.exec(third[recorded] ?? third.find((cell) => cell.includes('timeZone')) ?? '')?.[1];
    notes.push(`Qualtrics export with three header rows (column ids, question texts, import ids)${zone === undefined ? '' : `; its times are in ${zone}`}`);
    notes.push('-99 ("seen, not answered") is a skipped answer; previews and tests (Status 1, 2, Survey Preview, Survey Test) are excluded');
    result = found(
      byQuestion(second, names),
      3,
      { respondentId: 'ResponseId', submittedAt: 'RecordedDate', channel: has(names, 'DistributionChannel') ? 'DistributionChannel' : undefined, customerId: has(names, 'ExternalReference') ? 'ExternalReference' : undefined },
      { skipValues: [-99], ...(has(names, 'Status') ? { exclude: { column: 'Status', values: [1, 2, 'Survey Preview', 'Survey Test'], reason: 'preview or test response' } } : {}) },
      zone,
    );
  } else if (vendor === 'qualtrics-legacy') {
    notes.push('Qualtrics legacy export with two header rows (V1… ids, then names and question texts); it does not say its time zone');
    notes.push('-99 ("seen, not answered") is a skipped answer; previews and tests (V7 Status 1 or 2) are excluded');
    result = found(byQuestion(second, names), 2, { respondentId: 'V1', submittedAt: has(names, 'V8') ? 'V8' : undefined }, { skipValues: [-99], ...(has(names, 'V7') ? { exclude: { column: 'V7', values: [1, 2], reason: 'preview or test response' } } : {}) });
  } else if (vendor === 'surveymonkey') {
    notes.push('SurveyMonkey export with two header rows (question texts, then answer kinds); dates read as MM/DD/YYYY hh:mm:ss AM/PM');
    const end = names.indexOf('End Date');
    result = { ...found(byQuestion(names, names), 2, { respondentId: 'Respondent ID', submittedAt: end < 0 ? undefined : ((row: readonly unknown[]) => isoFromUS(cellText(row[end]))) as never }, {}), accessorReads: end < 0 ? [] : ['End Date'] };
  } else {
    const metricColumns: Partial<Record<MetricKind, string>> = {};
    for (const metric of METRICS) {
      const name = byPreference(names, PLAIN_NAMES[metric]);
      if (name !== undefined) metricColumns[metric] = name;
    }
    const field = (key: keyof typeof PLAIN_NAMES): string | undefined => byPreference(names, PLAIN_NAMES[key]);
    notes.push(`${forced === undefined ? 'plain export' : 'read as a plain export'}: one header row, ${names.length} columns`);
    result = found(metricColumns, 1, {
      respondentId: field('respondentId'),
      customerId: field('customerId'),
      submittedAt: field('submittedAt'),
      channel: field('channel'),
      touchpoint: field('touchpoint'),
      interactionId: field('interactionId'),
    }, {});
  }
  return finish(fn, result, options);
}

function objectMappings(fn: string, rows: readonly unknown[], options: VendorMappingOptions, forced: VendorId | undefined): VendorMappings {
  const first = rows.find((row) => typeof row === 'object' && row !== null) as Record<string, unknown> | undefined;
  if (first === undefined) fail(fn, 'invalid_input', 'invalid_type', 'rows that are arrays of cells or objects', rows[0], ['sample', 0]);
  const keys = Object.keys(first);
  const detect = (): VendorId => {
    if (Array.isArray(first['answers']) && ('token' in first || 'response_id' in first)) return 'typeform';
    if ('person' in first && 'score' in first && 'survey_type' in first) return 'delighted';
    if ('ticket_id' in first && 'score' in first && typeof first['score'] === 'string') return 'zendesk';
    return 'plain';
  };
  const vendor = forced ?? detect();
  const notes: string[] = [];
  const plainField = (key: keyof typeof PLAIN_NAMES): string | undefined => byPreference(keys, PLAIN_NAMES[key]);
  const base = { vendor, headerRows: 0, columns: undefined, notes, names: keys, fieldNames: keys, timeZone: undefined, scoreSource: (column: string) => column };
  let result: Found;
  if (vendor === 'typeform') {
    notes.push("Typeform responses: a metric's answer is found by its field ref (or a field of type nps); times are UTC");
    const refs = [...new Set(rows.flatMap((row) => ((row as { answers?: { field?: { ref?: unknown } }[] }).answers ?? []).map((answer) => answer.field?.ref).filter((ref): ref is string => typeof ref === 'string')))];
    const types = new Map(rows.flatMap((row) => ((row as { answers?: { field?: { ref?: string; type?: string } }[] }).answers ?? []).map((answer) => [answer.field?.ref, answer.field?.type] as const)));
    const metricColumns: Partial<Record<MetricKind, string>> = {};
    for (const metric of METRICS) {
      const ref = refs.find((name) => (metric === 'nps' && types.get(name) === 'nps') || PLAIN_NAMES[metric].some((plain) => squash(name).startsWith(plain)) || QUESTIONS[metric].test(name));
      if (ref !== undefined) metricColumns[metric] = ref;
    }
    result = {
      ...base,
      metricColumns,
      names: refs,
      fields: { respondentId: 'token', submittedAt: 'submitted_at' },
      options: {},
      scoreSource: (ref) => ((item: { answers?: { field?: { ref?: string }; number?: unknown; choice?: { label?: unknown } }[] }) => {
        const answer = item.answers?.find((candidate) => candidate.field?.ref === ref);
        return answer === undefined ? null : (answer.number ?? answer.choice?.label ?? null);
      }) as never,
    };
  } else if (vendor === 'delighted') {
    const type = typeof first['survey_type'] === 'string' ? first['survey_type'] : 'nps';
    const metric: MetricKind = type === 'csat' ? 'csat' : type === 'ces' ? 'ces' : 'nps';
    notes.push(`Delighted responses (survey type ${type}): times are Unix seconds`);
    result = { ...base, metricColumns: { [metric]: 'score' }, fields: { respondentId: 'person', submittedAt: 'created_at', interactionId: 'id' }, options: { timestampUnit: 's' } };
  } else if (vendor === 'zendesk') {
    notes.push('Zendesk satisfaction ratings: good or bad; "offered" (sent, not answered) and "unoffered" are skipped answers');
    result = { ...base, metricColumns: { csat: 'score' }, fields: { respondentId: 'requester_id' in first ? 'requester_id' : undefined, interactionId: 'ticket_id', submittedAt: 'created_at' }, options: { skipValues: ['offered', 'unoffered'] }, scale: { csat: ZENDESK_SCALE } };
  } else {
    const metricColumns: Partial<Record<MetricKind, string>> = {};
    for (const metric of METRICS) {
      const name = plainField(metric);
      if (name !== undefined) metricColumns[metric] = name;
    }
    notes.push(`${forced === undefined ? 'plain' : 'read as plain'} JSON objects with ${keys.length} fields`);
    result = {
      ...base,
      metricColumns,
      fields: { respondentId: plainField('respondentId'), customerId: plainField('customerId'), submittedAt: plainField('submittedAt'), channel: plainField('channel'), touchpoint: plainField('touchpoint'), interactionId: plainField('interactionId') },
      options: {},
    };
  }
  return finish(fn, result, options);
}

/** The mappings from what was found and what was asked: named columns checked, every decision noted. */
function finish(fn: string, found: Found, options: VendorMappingOptions): VendorMappings {
  const notes = found.notes;
  const named = options.columns ?? {};
  const wanted = options.metrics ?? (Object.keys(named).length > 0 ? (METRICS.filter((metric) => named[metric] !== undefined) as MetricKind[]) : METRICS);
  const checkName = (name: string, path: readonly (string | number)[], list: readonly string[] = found.fieldNames): void => {
    if (!list.includes(name)) fail(fn, 'invalid_option', 'unknown_name', `a ${list === found.fieldNames ? 'column' : 'field ref'} of the file${didYouMean(name, list)}`, name, path);
  };
  const timeColumn = options.time ?? found.fields.submittedAt;
  if (options.time !== undefined) checkName(options.time, ['options', 'time']);
  if (options.weight !== undefined) checkName(options.weight, ['options', 'weight']);
  (options.attributes ?? []).forEach((name, at) => checkName(name, ['options', 'attributes', at]));
  const timeZone = options.timeZone ?? found.timeZone;
  const recordFields = (options.attributes ?? []).filter((name) => isRecordField(name));
  const attributes = (options.attributes ?? []).filter((name) => !isRecordField(name));
  const metrics: MetricMapping[] = [];
  for (const metric of wanted) {
    const given = named[metric];
    if (given !== undefined) checkName(given, ['options', 'columns', metric], found.names);
    const column = given ?? found.metricColumns[metric];
    if (column === undefined) {
      if (options.metrics !== undefined) fail(fn, 'invalid_option', 'missing', `a ${LABEL[metric]} column (none of ${PLAIN_NAMES[metric].slice(0, 3).join(', ')}… is in the file; name it)`, undefined, ['options', 'columns', metric]);
      continue;
    }
    const scale = options.scales?.[metric] ?? found.scale?.[metric] ?? DEFAULT_SCALES[metric];
    notes.push(`${LABEL[metric]}: column ${JSON.stringify(column)} (${given === undefined ? 'found' : 'named'}), scale ${scale.id} (${scale.min}–${scale.max})`);
    const mapping: IngestMapping<Scale, unknown> = {
      scale,
      score: found.scoreSource(column),
      ...Object.fromEntries(Object.entries(found.fields).filter(([key, source]) => source !== undefined && key !== 'submittedAt')),
      ...(timeColumn === undefined ? {} : { submittedAt: timeColumn }),
      // A weight column named means every answer is weighed: a row without a weight is refused, never weighed 1.
      ...(options.weight === undefined ? {} : { weight: options.weight, required: ['weight'] as const }),
      // A segment column named like a record field (channel) is read as that field, which segments read by the same name.
      ...Object.fromEntries(recordFields.map((name) => [name, name])),
      ...(attributes.length === 0 ? {} : { attributes }),
    };
    metrics.push(Object.freeze({ metric, column, detected: given === undefined, scale, mapping: Object.freeze(mapping), options: Object.freeze({ ...found.options, ...(timeZone === undefined ? {} : { timeZone }) }) }));
  }
  if (metrics.length === 0) {
    fail(fn, 'invalid_option', 'missing', `a column of NPS, CSAT or CES answers (none is named like nps, csat or ces${found.vendor === 'plain' ? '' : ` in this ${found.vendor} export`}; name one)`, found.names.slice(0, 8).join(', '), ['options', 'columns']);
  }
  if (typeof timeColumn === 'string') notes.push(`times: column ${JSON.stringify(timeColumn)}${timeZone === undefined ? ', read as UTC when they have no offset' : `, read in ${timeZone} when they have no offset`}`);
  const reads = columnsRead(metrics, found.accessorReads ?? []);
  return Object.freeze({
    vendor: found.vendor,
    detected: options.vendor === undefined,
    headerRows: found.headerRows,
    columns: found.columns === undefined ? undefined : Object.freeze([...found.columns]),
    metrics: Object.freeze(metrics),
    reads,
    notes: Object.freeze([...notes]),
  });
}

/** "03/06/2026 12:03:58 PM" → "2026-03-06T12:03:58" (12 PM is noon, 12 AM midnight); anything else as it is, for ingest to judge. */
function isoFromUS(text: string): string {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(text.trim());
  if (match === null) return text;
  const [, month, day, year, hours, minutes, seconds, half] = match;
  const hour = (Number(hours) % 12) + (half === 'PM' ? 12 : 0);
  return `${year}-${month}-${day}T${String(hour).padStart(2, '0')}:${minutes}:${seconds}`;
}

/** Every column a set of mappings reads by name (fields, attributes, the exclusion's column), and `extra` ones an accessor reads. */
export function columnsRead(metrics: readonly MetricMapping[], extra: readonly string[]): readonly string[] {
  const reads = new Set<string>(extra);
  for (const { mapping, options } of metrics) {
    for (const [key, source] of Object.entries(mapping)) {
      if (key !== 'scale' && key !== 'attributes' && typeof source === 'string') reads.add(source);
    }
    for (const name of (mapping.attributes ?? []) as readonly string[]) reads.add(name);
    if (typeof options.exclude === 'object') reads.add(options.exclude.column);
  }
  return Object.freeze([...reads]);
}
