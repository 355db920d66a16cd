import { AnswerFile, type LineRejection } from './collectReport.js';
import { csvCell } from './formatReport.js';
import { HELP } from './help.js';
import { InputFile } from './InputFile.js';
import { Progress } from './Progress.js';
import { type CommandIO, EXIT, emit, parseReadCommand } from './run.js';
import { usageError } from './usageError.js';

/**
 * `cx-metrics validate <file>`: reads the file as `report` would and lists every bad row with its
 * file line, metric, column, value and reason; exit code 1 when there is any, for pipelines that
 * must refuse a file before it lands.
 */
export async function runValidate(argv: readonly string[], io: CommandIO): Promise<number> {
  const fn = 'cx-metrics validate';
  const command = parseReadCommand('validate', argv, {}, ['text', 'json', 'csv']);
  if (command === undefined) {
    io.stdout.write(HELP.validate);
    return EXIT.ok;
  }
  if (command.files.length > 1) throw usageError(fn, 'one file (run the command once per file)', command.files.join(' '), 'file');
  const input = await InputFile.open(fn, command.files[0] as string, { delimiter: command.delimiter, encoding: command.encoding, stdin: io.stdin });
  const lines: string[] = [];
  const bad: LineRejection[] = [];
  const format = command.format;
  if (format === 'csv') lines.push('line,metric,field,column,value,code,expected');
  // Only the ingestion: validating computes no score.
  const file = new AnswerFile(fn, input, command.request, (rejection) => {
    bad.push(rejection);
    for (const issue of rejection.rejected.issues) {
      if (format === 'csv') lines.push([rejection.line, rejection.metric, issue.field, issue.column ?? '', cellValue(issue.received), issue.code, issue.expected].map(csvCell).join(','));
      else if (format === 'text') lines.push(`line ${rejection.line}  ${rejection.metric}  ${issue.column ?? issue.field}  ${issue.received}  ${issue.code}: expected ${issue.expected}`);
    }
  });
  await file.read(() => {}, () => {}, Progress.on(io.stderr));
  const rows = file.rows;
  // A row bad for two metrics is one bad row.
  const badRows = new Set(bad.map((rejection) => rejection.line)).size;
  if (format === 'json') {
    const issues = bad.flatMap(({ line, metric, rejected }) => rejected.issues.map((issue) => ({ line, metric, field: issue.field, column: issue.column, value: cellValue(issue.received), code: issue.code, expected: issue.expected })));
    lines.push(JSON.stringify({ file: input.path, rows, badRows, notes: file.notes(), issues }, null, 2));
  } else if (format === 'text') {
    const columns = file.metrics.map((reading) => `${reading.metric} from ${JSON.stringify(reading.column)}`).join(', ');
    lines.push(`${input.path}: ${rows} rows checked (${columns}); ${badRows === 0 ? 'no bad rows' : `${badRows} bad ${badRows === 1 ? 'row' : 'rows'}`}`);
  }
  emit(`${lines.join('\n')}\n`, command.out, io, fn);
  return bad.length > 0 ? EXIT.badData : EXIT.ok;
}

/** A cell's text for machines: the issue shows a text cell quoted (`"14"`), a file's cell is `14`. */
function cellValue(received: string): string {
  if (!/^".*"$/s.test(received)) return received;
  try {
    return JSON.parse(received) as string;
  } catch {
    return received;
  }
}
