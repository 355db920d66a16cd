import { writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CxMetricsError } from '../errors/CxMetricsError.js';
import type { MetricKind, Scale } from '../scales/defineScale.js';
import { scales } from '../scales/scales.js';
import { VENDOR_IDS, type VendorId } from '../records/vendorMappings.js';
import { VARIANCE_METHODS, type VarianceMethod } from '../metrics/tallyStatistics.js';
import { reportWithDuckDB } from './reportWithDuckDB.js';
import { reportWithPostgres } from './reportWithPostgres.js';
import { didYouMean } from '../internal/nearNames.js';
import { TIME_UNITS, type TimeUnit } from '../segments/calendar.js';
import type { ReportData } from '../report/ReportData.js';
import { collectReport, type LineRejection, type ReportRequest } from './collectReport.js';
import { collectReportInParallel, threadsFor } from './readInParallel.js';
import { formatCSV, formatJSON, formatText, type ReportFormat } from './formatReport.js';
import { styleFor } from './formatTable.js';
import { HELP } from './help.js';
import type { Delimiter } from './CSVScanner.js';
import { InputFile } from './InputFile.js';
import { Progress } from './Progress.js';
import { runRisk } from './runRisk.js';
import { usageError } from './usageError.js';
import { runValidate } from './runValidate.js';

/** What the command reads and writes: the process, or a test's stand-in. */
export interface CommandIO {
  readonly stdout: { readonly isTTY?: boolean | undefined; write(text: string): unknown };
  readonly stderr: { readonly isTTY?: boolean | undefined; write(text: string): unknown };
  readonly stdin?: AsyncIterable<Uint8Array> | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 done, 1 bad data (any rejected row under `--strict`, or `validate`), 2 a wrong command line or unreadable file. */
export const EXIT: Readonly<{ ok: 0; badData: 1; usage: 2; bug: 3 }> = Object.freeze({ ok: 0, badData: 1, usage: 2, bug: 3 });

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'csv', 'markdown', 'html'];
const METRICS: readonly MetricKind[] = ['nps', 'csat', 'ces'];

/** The options every reading command shares. */
export const READ_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  nps: { type: 'string' },
  csat: { type: 'string' },
  ces: { type: 'string' },
  scale: { type: 'string', multiple: true },
  vendor: { type: 'string' },
  'time-column': { type: 'string' },
  tz: { type: 'string' },
  weight: { type: 'string' },
  'skip-values': { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** Each command's own options besides the reading ones: an option a command does not take is an error, never ignored. */
const COMMAND_OPTIONS: Readonly<Record<string, NonNullable<ParseArgsConfig['options']>>> = {
  report: { by: { type: 'string', multiple: true }, time: { type: 'string' }, level: { type: 'string' }, 'min-n': { type: 'string' }, variance: { type: 'string' }, engine: { type: 'string' }, table: { type: 'string' }, url: { type: 'string' }, title: { type: 'string' } },
  validate: {},
  risk: { by: { type: 'string', multiple: true }, outcomes: { type: 'string' }, 'as-of': { type: 'string' }, title: { type: 'string' } },
};

/**
 * The arguments as `util.parseArgs` should see them: a value that starts with a dash
 * (`--skip-values -99`) is joined to its option, as `--skip-values=-99`.
 */
function joinDashValues(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let at = 0; at < argv.length; at++) {
    const argument = argv[at] as string;
    const next = argv[at + 1];
    const name = argument.startsWith('--') ? argument.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-[^-]/.test(next)) {
      out.push(`${argument}=${next}`);
      at++;
    } else out.push(argument);
  }
  return out;
}

/** Where `report` can count. */
const ENGINES = ['memory', 'duckdb', 'auto', 'postgres'] as const;

/** Files above this size are counted inside DuckDB with `--engine auto` (when it is installed). */
const DUCKDB_BYTES = 128 << 20;

/** The command-line option each library option comes from, to name it in messages. */
const OPTION_OF_PATH: readonly (readonly [RegExp, string])[] = [
  [/^options\.attributes\b/, '--by'],
  [/^options\.timeZone\b/, '--tz'],
  [/^options\.time\b/, '--time-column'],
  [/^options\.weight\b/, '--weight'],
  [/^options\.varianceMethod\b/, '--variance'],
  [/^options\.columns\.(nps|csat|ces)\b/, '--$1'],
  [/^options\.scales\b/, '--scale'],
  [/^options\.vendor\b/, '--vendor'],
];

/**
 * Runs `cx-metrics <command> …` and returns the exit code. Every failure is a message on standard
 * error naming the command, what was expected and what was given; nothing throws out of here.
 */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP.main);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (command === 'report') return await report(rest, io);
    if (command === 'validate') return await runValidate(rest, io);
    if (command === 'risk') return await runRisk(rest, io);
    throw usageError('cx-metrics', 'a command: report, validate or risk (cx-metrics --help)', JSON.stringify(command), 'command');
  } catch (error) {
    return fail(error, io, command === 'report' || command === 'validate' || command === 'risk' ? `cx-metrics ${command}` : 'cx-metrics');
  }
}

/** The package version, set at build time. */
declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'development';

/**
 * An error's message as the command's: the library function that decided how to read the file
 * (`vendorMappings: … at options.attributes[0]`) becomes the command and the option (`--by`).
 */
function commandMessage(error: CxMetricsError, commandName: string): string {
  const issue = error.issues[0];
  const path = issue.path.join('.');
  const option = OPTION_OF_PATH.map(([pattern, name]) => (pattern.test(path) ? path.replace(pattern, name).split('.')[0] : undefined)).find((name) => name !== undefined);
  if (option === undefined) return error.message.replace(/^vendorMappings:/, `${commandName}:`);
  return `${commandName}: expected ${issue.expected} (${option}), got ${issue.received}`;
}

/** Prints an error the way a user can act on, and gives its exit code. */
export function fail(error: unknown, io: CommandIO, commandName = 'cx-metrics'): number {
  if (error instanceof CxMetricsError) {
    io.stderr.write(`${commandMessage(error, commandName)}\n`);
    for (const issue of error.issues.slice(1, 10)) io.stderr.write(`  ${issue.message}\n`);
    return error.code === 'invalid_option' || error.code === 'invalid_argument' ? EXIT.usage : EXIT.badData;
  }
  if (error instanceof Error && 'code' in error && typeof (error as { code: unknown }).code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`cx-metrics: ${error.message} (cx-metrics --help)\n`);
    return EXIT.usage;
  }
  io.stderr.write(`cx-metrics: unexpected error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.bug;
}

/** The command line of a reading command, parsed and checked. */
export interface ReadCommand {
  readonly files: readonly string[];
  readonly request: ReportRequest;
  readonly format: ReportFormat;
  readonly out: string | undefined;
  readonly strict: boolean;
  /** Where the counting runs (`report --engine`): here, inside DuckDB, DuckDB for large files when it is installed, or inside PostgreSQL. */
  readonly engine: (typeof ENGINES)[number];
  /** The PostgreSQL table (`--engine postgres`). */
  readonly table: string | undefined;
  /** The PostgreSQL connection string (`--url`; else `PGURL`). */
  readonly url: string | undefined;
  readonly delimiter: Delimiter | undefined;
  readonly encoding: string | undefined;
  readonly values: Readonly<Record<string, unknown>>;
}

/** Parses a reading command's arguments with `util.parseArgs`; `extra` adds the command's own options. */
export function parseReadCommand(command: string, argv: readonly string[], extra: NonNullable<ParseArgsConfig['options']> = {}, formats: readonly ReportFormat[] = FORMATS): ReadCommand | undefined {
  const fn = `cx-metrics ${command}`;
  const options = { ...READ_OPTIONS, ...(COMMAND_OPTIONS[command] ?? {}), ...extra };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinDashValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    const unknown = /Unknown option '(-{1,2}[^']*)'/.exec((error as Error).message)?.[1];
    if (unknown === undefined) throw error;
    const names = Object.keys(options).map((name) => `--${name}`);
    throw usageError(fn, `an option of ${command} (cx-metrics ${command} --help)${didYouMean(unknown.split('=')[0] as string, names)}`, JSON.stringify(unknown), 'options');
  }
  const values = parsed.values as Readonly<Record<string, string | boolean | string[] | undefined>>;
  const positionals = parsed.positionals;
  if (values['help'] === true) return undefined;
  const choice = <T extends string>(value: unknown, allowed: readonly T[], where: string, shown: readonly string[] = allowed): T | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    throw usageError(fn, `one of ${shown.join(', ')}`, JSON.stringify(value), where);
  };
  const engine = choice(values['engine'], ENGINES, '--engine') ?? 'memory';
  const table = values['table'] as string | undefined;
  if (engine === 'postgres') {
    if (positionals.length > 0) throw usageError(fn, 'no file with --engine postgres (it reads the --table where it is)', positionals.join(' '), 'file');
    if (table === undefined || table === '') throw usageError(fn, 'a table with --engine postgres (--table responses, or analytics.responses)', 'none', '--table');
  } else {
    if (table !== undefined || values['url'] !== undefined) throw usageError(fn, '--engine postgres with it (--table and --url name a PostgreSQL table)', `--engine ${engine}`, table !== undefined ? '--table' : '--url');
    if (positionals.length === 0) throw usageError(fn, 'a file to read (or - for standard input)', 'none', 'file');
  }
  const columns: Partial<Record<MetricKind, string>> = {};
  for (const metric of METRICS) if (typeof values[metric] === 'string') columns[metric] = values[metric] as string;
  const chosenScales: Partial<Record<MetricKind, Scale>> = {};
  for (const text of (values['scale'] as string[] | undefined) ?? []) {
    for (const pair of text.split(',')) {
      const [metric, name] = pair.split('=');
      const kind = choice(metric?.trim(), METRICS, '--scale (metric=scale, e.g. ces=ces5Effort)');
      const scale = (scales as unknown as Record<string, Scale>)[name?.trim() ?? ''];
      if (kind === undefined || scale === undefined) throw usageError(fn, `metric=scale with a scale of ${Object.keys(scales).join(', ')}`, JSON.stringify(pair), '--scale');
      if (scale.metric !== kind) throw usageError(fn, `a ${kind} scale for ${kind}`, `${name} (a ${scale.metric} scale)`, '--scale');
      chosenScales[kind] = scale;
    }
  }
  const list = (value: unknown): string[] =>
    ((value as string[] | undefined) ?? [])
      .flatMap((text) => text.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const level = values['level'] === undefined ? undefined : parseLevel(fn, values['level'] as string);
  const minimumN = values['min-n'] === undefined ? undefined : Number(values['min-n']);
  if (minimumN !== undefined && !(Number.isSafeInteger(minimumN) && minimumN >= 0)) throw usageError(fn, 'a whole number of at least 0', JSON.stringify(values['min-n']), '--min-n');
  const delimiterText = values['delimiter'] as string | undefined;
  const delimiter = delimiterText === undefined ? undefined : delimiterText === 'tab' || delimiterText === '\\t' ? '\t' : choice(delimiterText, [',', ';'] as const, '--delimiter', ["','", "';'", 'tab']);
  const by = list(values['by']);
  if (values['variance'] !== undefined && values['weight'] === undefined) throw usageError(fn, 'a --weight column with it (--variance chooses how weighted answers are read)', JSON.stringify(values['variance']), '--variance');
  return {
    files: positionals,
    request: {
      title: (values['title'] as string | undefined) ?? `cx-metrics report: ${engine === 'postgres' ? table : positionals.join(', ')}`,
      vendor: choice(values['vendor'], VENDOR_IDS, '--vendor') as VendorId | undefined,
      columns,
      scales: chosenScales,
      by,
      // "week" is the ISO week, as the calendar names it.
      time: choice(values['time'] === 'week' ? 'isoWeek' : values['time'], TIME_UNITS, '--time', ['day', 'week', 'month', 'quarter', 'year']) as TimeUnit | undefined,
      timeColumn: values['time-column'] as string | undefined,
      timeZone: values['tz'] as string | undefined,
      level,
      minimumN,
      varianceMethod: choice(values['variance'], VARIANCE_METHODS, '--variance') as VarianceMethod | undefined,
      weight: values['weight'] as string | undefined,
      skipValues: list(values['skip-values']),
      fields: command === 'report' ? 'needed' : 'all',
    },
    format: choice(values['format'], formats, '--format') ?? 'text',
    out: values['out'] as string | undefined,
    strict: values['strict'] === true,
    engine,
    table,
    url: values['url'] as string | undefined,
    delimiter,
    encoding: values['encoding'] as string | undefined,
    values,
  };
}

/** A confidence level as `0.9`, `90` or `90%`. */
function parseLevel(functionName: string, text: string): number {
  const number = Number(text.replace(/%$/, ''));
  const level = text.endsWith('%') || number >= 1 ? number / 100 : number;
  // Below 50% an interval says almost nothing: such a level is a typo (1.5 for 95%?), not a choice.
  if (!(level >= 0.5 && level < 1)) throw usageError(functionName, 'a confidence level from 50% up to (not including) 100%, such as 0.95, 95 or 95%', JSON.stringify(text), '--level');
  return level;
}

/** Writes a command's output to `--out` or standard output. */
export function emit(text: string, out: string | undefined, io: CommandIO, functionName = 'cx-metrics'): void {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw usageError(functionName, 'a file that can be written', `${out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, '--out');
  }
  io.stderr.write(`${functionName}: wrote ${out}\n`);
}

/** Renders a report in a format (colour only for text on a colour terminal). */
export async function render(data: ReportData, format: ReportFormat, out: string | undefined, io: CommandIO): Promise<string> {
  if (format === 'json') return formatJSON(data);
  if (format === 'csv') return formatCSV(data);
  if (format === 'html') return (await import('../report/renderHTMLReport.js')).renderHTMLReport(data);
  const style = out === undefined ? styleFor(io.stdout, io.env) : styleFor({}, io.env);
  return formatText(data, style, format === 'markdown');
}

async function report(argv: readonly string[], io: CommandIO): Promise<number> {
  const fn = 'cx-metrics report';
  const command = parseReadCommand('report', argv);
  if (command === undefined) {
    io.stdout.write(HELP.report);
    return EXIT.ok;
  }
  if (command.files.length > 1) throw usageError(fn, 'one file (run the command once per file)', command.files.join(' '), 'file');
  const path = command.files[0] as string;
  const engine = command.engine;
  const rejections: LineRejection[] = [];
  const keep = (rejection: LineRejection): void => {
    if (rejections.length < 10) rejections.push(rejection);
  };
  if ((engine === 'duckdb' || engine === 'auto') && path === '-') throw usageError(fn, 'a file (DuckDB reads files, not standard input)', '-', '--engine');
  let data: ReportData | undefined;
  if (engine === 'postgres') {
    const url = command.url ?? io.env['PGURL'];
    if (url === undefined || url === '') throw usageError(fn, 'a connection string with --engine postgres (--url postgres://user:password@host/database, or PGURL)', 'none', '--url');
    data = await reportWithPostgres(fn, command.table as string, url, command.request);
  } else if (engine === 'duckdb' || (engine === 'auto' && (await stat(path).then((info) => info.size > DUCKDB_BYTES, () => false)) && (await import('@duckdb/node-api' as string).then(() => true, () => false)))) {
    if (engine === 'auto') io.stderr.write(`${fn}: counting inside DuckDB (--engine auto: the file is over ${DUCKDB_BYTES >> 20} MB and @duckdb/node-api is installed)\n`);
    data = await reportWithDuckDB(fn, path, command.request);
  } else {
    const input = await InputFile.open(fn, path, { delimiter: command.delimiter, encoding: command.encoding, stdin: io.stdin });
    const threads = command.strict ? 1 : threadsFor(input, io.env);
    if (threads > 1) {
      // Threads report no rows as they go: a terminal is at least told what is happening.
      const tell = io.stderr.isTTY === true;
      if (tell) io.stderr.write(`reading ${input.path} with ${threads} threads…`);
      await input.close();
      const reopen = (): Promise<InputFile> => InputFile.open(fn, input.path, { delimiter: command.delimiter, encoding: command.encoding });
      data = await collectReportInParallel(fn, await reopen(), command.request, threads, keep);
      if (tell) io.stderr.write('\r\x1b[K');
      data ??= await collectReport(fn, await reopen(), command.request, keep, Progress.on(io.stderr));
    }
    data ??= await collectReport(fn, input, command.request, keep, Progress.on(io.stderr));
  }
  const rejectedRows = new Set(rejections.map((rejection) => rejection.line)).size;
  if (command.strict && rejectedRows > 0) {
    io.stderr.write(`${fn}: bad rows (--strict refuses any); the first:\n`);
    for (const { line, rejected } of rejections) for (const issue of rejected.issues) io.stderr.write(`  line ${line}: ${issue.column ?? issue.field} ${issue.received}: ${issue.code}, expected ${issue.expected}\n`);
    io.stderr.write('cx-metrics validate lists every bad row.\n');
    return EXIT.badData;
  }
  emit(await render(data, command.format, command.out, io), command.out, io, fn);
  return EXIT.ok;
}
