import { classifyLoyaltyRisk } from '../loyalty/classifyLoyaltyRisk.js';
import { evaluateRiskTiers, type RiskTierEvaluation } from '../loyalty/evaluateRiskTiers.js';
import type { LoyaltyRiskResult } from '../loyalty/LoyaltyRiskResult.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { ReportData } from '../report/ReportData.js';
import { countOf } from '../report/format.js';
import { AnswerFile, type LineRejection } from './collectReport.js';
import { csvCell, formatRiskText } from './formatReport.js';
import { styleFor } from './formatTable.js';
import { HELP } from './help.js';
import { InputFile } from './InputFile.js';
import { Progress } from './Progress.js';
import { type CommandIO, EXIT, emit, parseReadCommand } from './run.js';
import { usageError } from './usageError.js';

/**
 * `cx-metrics risk <file…>`: the loyalty-risk worklist from files of relational NPS and
 * transactional CES answers (one file may hold both), the portfolio's tiers, and with `--outcomes`
 * how well the tiers foretold churn.
 */
export async function runRisk(argv: readonly string[], io: CommandIO): Promise<number> {
  const fn = 'cx-metrics risk';
  const command = parseReadCommand('risk', argv);
  if (command === undefined) {
    io.stdout.write(HELP.risk);
    return EXIT.ok;
  }
  const asOfText = command.values['as-of'] as string | undefined;
  const asOf = asOfText === undefined ? undefined : new Date(asOfText);
  if (asOf !== undefined && Number.isNaN(asOf.getTime())) throw usageError(fn, 'a date such as 2026-11-01', JSON.stringify(asOfText), '--as-of');
  const records: ResponseRecord[] = [];
  const notes: string[] = [];
  let rejectedRows = 0;
  const firstRejections: LineRejection[] = [];
  for (const path of command.files) {
    const input = await InputFile.open(fn, path, { delimiter: command.delimiter, encoding: command.encoding, stdin: io.stdin });
    // The segment columns are kept on the records as attributes, for the classifier's segments.
    const file = new AnswerFile(fn, input, { ...command.request, time: undefined, byWhereFound: true }, (rejection) => {
      rejectedRows++;
      if (firstRejections.length < 10) firstRejections.push(rejection);
    });
    await file.read(
      () => {},
      (_metric, record) => records.push(record),
      Progress.on(io.stderr),
    );
    notes.push(...file.notes().map((note) => `${path}: ${note}`));
  }
  if (command.strict && rejectedRows > 0) {
    io.stderr.write(`${fn}: ${rejectedRows} bad rows (--strict refuses any); cx-metrics validate lists them.\n`);
    return EXIT.badData;
  }
  const by = command.request.by;
  const risk = classifyLoyaltyRisk(records, { ...(asOf === undefined ? {} : { asOf }), ...(by.length > 0 ? { by: [...by] } : {}), ...(command.request.timeZone === undefined ? {} : { timeZone: command.request.timeZone }) });
  const outcomesPath = command.values['outcomes'] as string | undefined;
  const evaluation = outcomesPath === undefined ? undefined : evaluateRiskTiers(risk, await readOutcomes(fn, outcomesPath, command.encoding));
  const data: ReportData = { title: (command.values['title'] as string | undefined) ?? `cx-metrics risk: ${command.files.join(', ')}`, source: { name: command.files.join(', '), format: 'csv', delimiter: undefined, vendor: 'plain', notes }, metrics: [], risk, evaluation };
  const format = command.format;
  let text: string;
  if (format === 'json') text = `${JSON.stringify({ asOf: risk.asOf, summary: risk.summary, evaluation, customers: risk.customers }, null, 2)}\n`;
  else if (format === 'csv') text = worklistCSV(risk);
  else if (format === 'html') text = (await import('../report/renderHTMLReport.js')).renderHTMLReport(data);
  else {
    const markdown = format === 'markdown';
    const style = command.out === undefined ? styleFor(io.stdout, io.env) : styleFor({}, io.env);
    const lines = [markdown ? `# ${data.title}` : style.bold(data.title), '', ...notes.map((note) => (markdown ? `- ${note}` : `  ${style.dim(note)}`)), '', ...formatRiskText(data, style, markdown)];
    if (rejectedRows > 0) lines.push('', `${markdown ? '' : '  '}${countOf(rejectedRows, 'row')} rejected (cx-metrics validate lists them)`);
    if (evaluation !== undefined) lines.push('', ...evaluationText(evaluation, markdown));
    text = `${lines.join('\n')}\n`;
  }
  emit(text, command.out, io, fn);
  return EXIT.ok;
}

/** The whole worklist, one customer a row. */
function worklistCSV(risk: LoyaltyRiskResult): string {
  const header = ['customer_id', 'tier', 'next_step', 'relationship', 'account_nps', 'effort', 'interactions', 'high_effort_interactions', 'last_answer_at', 'segment', 'explanation'];
  const rows = risk.customers.map((customer) =>
    [customer.customerId, customer.tier, customer.nextStep, customer.relationship, customer.accountNPS, customer.effort, customer.interactions, customer.highEffortInteractions, customer.lastAnswerAt?.toISOString(), customer.segment?.join(' / '), customer.explanation].map(csvCell).join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

function evaluationText(evaluation: RiskTierEvaluation, markdown: boolean): string[] {
  const indent = markdown ? '' : '  ';
  const tiers = evaluation.tiers.map((tier) => `${tier.tier} ${tier.events.count}/${tier.withOutcome}`).join(', ');
  const trend = evaluation.trend === undefined ? (evaluation.trendNote ?? 'no trend test') : `one-sided p = ${evaluation.trend.pValueIncreasing.toPrecision(2)} that churn rises with the tier`;
  return [`${indent}Outcomes: ${evaluation.withOutcome} of ${evaluation.customers} customers have one; churned per tier: ${tiers}`, `${indent}${trend}`];
}

/** An outcomes file: a customer id column and an event column (true/false, 1/0, yes/no), any format the command reads. */
async function readOutcomes(functionName: string, path: string, encoding: string | undefined): Promise<Map<string, boolean>> {
  const input = await InputFile.open(functionName, path, { encoding });
  const outcomes = new Map<string, boolean>();
  let header: string[] | undefined;
  let idAt = -1;
  let eventAt = -1;
  for await (const batch of input.batches()) {
    batch.rows.forEach((row, at) => {
      const line = batch.lines[at] as number;
      const cells = Array.isArray(row) ? (row as unknown[]).map(String) : undefined;
      let id: unknown;
      let event: unknown;
      if (cells !== undefined) {
        if (header === undefined) {
          header = cells.map((cell) => cell.trim());
          idAt = header.findIndex((name) => /^(customer_?id|account_?id|id)$/i.test(name));
          eventAt = header.findIndex((name) => /^(churned|churn|event|outcome|lost)$/i.test(name));
          if (idAt < 0 || eventAt < 0) throw usageError(functionName, 'an outcomes file with a customer_id column and a churned column', header.join(', '), '--outcomes');
          return;
        }
        id = cells[idAt];
        event = cells[eventAt];
      } else {
        const object = row as Record<string, unknown>;
        id = object['customer_id'] ?? object['customerId'] ?? object['id'];
        event = object['churned'] ?? object['churn'] ?? object['event'];
      }
      const value = typeof event === 'boolean' ? event : /^(true|1|yes)$/i.test(String(event).trim()) ? true : /^(false|0|no)$/i.test(String(event).trim()) ? false : undefined;
      if (typeof id !== 'string' && typeof id !== 'number') throw usageError(functionName, 'a customer id', `${JSON.stringify(id)} at line ${line}`, '--outcomes', 'invalid_input');
      if (value === undefined) throw usageError(functionName, 'true or false (or 1/0, yes/no)', `${JSON.stringify(event)} at line ${line}`, '--outcomes', 'invalid_input');
      outcomes.set(String(id).trim(), value);
    });
  }
  return outcomes;
}
