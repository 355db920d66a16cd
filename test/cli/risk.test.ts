import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyLoyaltyRisk, evaluateRiskTiers, ingest, scales } from '../../src/index.js';
import { cli } from '../support/cli.js';

const data = 'examples/data';
const table = (name: string): string[][] => readFileSync(`${data}/${name}`, 'utf8').trim().split('\n').map((line) => line.split(','));

describe('cx-metrics risk', () => {
  // The same classification through the library, read as the demo reads the files.
  const relationship = ingest(table('relationship.csv'), { scale: scales.nps, score: 'nps', respondentId: 'contact_id', customerId: 'customer_id', submittedAt: 'submitted_at', attributes: ['plan'] }, { columns: 'first-row' });
  const interactions = ingest(table('interactions.csv'), { scale: scales.ces7, score: 'ces', respondentId: 'contact_id', customerId: 'customer_id', interactionId: 'ticket_id', submittedAt: 'submitted_at', channel: 'channel' }, { columns: 'first-row' });
  const risk = classifyLoyaltyRisk([...relationship.records, ...interactions.records], { by: 'plan' });

  test('the worklist equals classifyLoyaltyRisk on the same files, customer by customer', async () => {
    const { code, stdout } = await cli(['risk', `${data}/relationship.csv`, `${data}/interactions.csv`, '--by', 'plan', '--format', 'csv']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').slice(1).map((line) => line.split(',').slice(0, 3));
    expect(rows).toEqual(risk.customers.map((customer) => [customer.customerId, customer.tier, customer.nextStep]));
  });

  test('text: tiers, the start of the worklist, and the calibration against outcomes', async () => {
    const { code, stdout } = await cli(['risk', `${data}/relationship.csv`, `${data}/interactions.csv`, '--outcomes', `${data}/outcomes.csv`]);
    expect(code).toBe(0);
    const tiers = risk.summary.tiers.map((tier) => `${tier.tier} ${tier.count} (${tier.rounded}%)`).join(', ');
    expect(stdout).toContain(`${risk.summary.customers} customers as of 2026-11-26: ${tiers}`);
    const outcomes = new Map(table('outcomes.csv').slice(1).map(([id, churned]) => [id as string, churned === 'true']));
    const evaluation = evaluateRiskTiers(risk, outcomes);
    expect(stdout).toContain(`one-sided p = ${evaluation.trend?.pValueIncreasing.toPrecision(2)} that churn rises with the tier`);
    expect(stdout).toContain('… and ');
  });

  test('json keeps the library names', async () => {
    const json = JSON.parse((await cli(['risk', `${data}/relationship.csv`, `${data}/interactions.csv`, '--format', 'json'])).stdout) as { summary: { customers: number; records: { total: number } }; customers: { customerId: string }[] };
    expect(json.summary.customers).toBe(risk.summary.customers);
    expect(json.summary.records.total).toBe(relationship.accepted + interactions.accepted);
  });

  test('html: the tiers, the grid and the calibration against outcomes', async () => {
    const { code, stdout } = await cli(['risk', `${data}/relationship.csv`, `${data}/interactions.csv`, '--outcomes', `${data}/outcomes.csv`, '--format', 'html']);
    expect(code).toBe(0);
    expect(stdout).toContain('<h3>Checked against outcomes</h3>');
    expect(stdout).toContain(`Loyalty risk of ${risk.summary.customers} customers`);
  });
});
