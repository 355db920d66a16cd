// Writes examples/data/responses.csv: 600 made-up survey responses from a seeded generator, so
// the demo's numbers are the same on every machine. Run with `npm run sample`.
import { writeFileSync } from 'node:fs';
import { mulberry32 } from './random.mjs';

const random = mulberry32(20261125);
/** Draws an index from unnormalized weights. */
function pick(weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

// Chat is the easiest channel, phone the hardest: effort drives loyalty in the sample as in CEB's research.
const channels = { chat: { ease: 1.3 }, email: { ease: 1 }, phone: { ease: 0.7 } } as const;
const names = Object.keys(channels) as (keyof typeof channels)[];
const rows = ['response_id,customer_id,submitted_at,channel,nps,csat,ces'];
const start = Date.UTC(2026, 6, 1);
for (let i = 1; i <= 600; i++) {
  const channel = names[pick([3, 4, 2])] as keyof typeof channels;
  const ease = channels[channel].ease;
  // CES 2.0 (1–7 agreement): skewed to "easy", more so on easy channels.
  const ces = 1 + pick([1, 1.5, 2, 3, 5 * ease, 7 * ease, 6 * ease]);
  // NPS follows effort: easy interactions make promoters.
  const npsWeights = ces >= 5 ? [1, 0.5, 0.5, 1, 1, 2, 3, 6, 9, 14, 16] : [4, 3, 4, 5, 6, 8, 9, 7, 5, 3, 2];
  const nps = pick(npsWeights);
  const csat = 1 + pick(ces >= 5 ? [0.5, 1, 2, 8, 9] : [3, 4, 5, 4, 2]);
  const skip = (p: number): boolean => random() < p;
  const submitted = new Date(start + Math.floor(random() * 92 * 86_400_000)).toISOString();
  const customer = `C${String(1 + Math.floor(random() * 400)).padStart(4, '0')}`;
  // A few answers arrive broken, as real exports do: they are reported, never silently dropped.
  const npsCell = i % 150 === 0 ? 'n/a' : skip(0.04) ? '' : String(nps);
  const csatCell = i % 200 === 0 ? '6' : skip(0.06) ? '' : String(csat);
  const cesCell = skip(0.08) ? '' : String(ces);
  rows.push([`R${String(i).padStart(4, '0')}`, customer, submitted, channel, npsCell, csatCell, cesCell].join(','));
}
writeFileSync(new URL('../examples/data/responses.csv', import.meta.url), `${rows.join('\n')}\n`);
console.log(`wrote ${rows.length - 1} responses to examples/data/responses.csv`);

// Accounts for the loyalty-risk classifier (docs/loyalty-risk.md): a relationship NPS survey of
// each account's contacts (two waves, March and September) and a CES 2.0 survey after support
// tickets (July to November), from a generator of its own, so responses.csv above is unchanged.
// Each account has a hidden state that shapes its answers, and whether it churned after
// 2026-11-30 (outcomes.csv) follows the relationship and the effort, with CEB's rates: a
// high-effort interaction makes 96 % of customers more disloyal, a low-effort one 9 %.
const accountRandom = mulberry32(20261126);
const chance = (p: number): boolean => accountRandom() < p;
const between = (low: number, high: number): number => low + Math.floor(accountRandom() * (high - low + 1));
const day = (from: number, days: number): string => new Date(from + Math.floor(accountRandom() * days * 86_400_000)).toISOString();
const relationshipRows = ['response_id,customer_id,contact_id,submitted_at,nps,plan'];
const interactionRows = ['response_id,customer_id,contact_id,ticket_id,submitted_at,channel,ces'];
const outcomeRows = ['customer_id,churned'];
const states = ['loyal', 'service-hit', 'frustrated', 'product', 'lost', 'silent'] as const;
let npsId = 0;
let cesId = 0;
let ticket = 100;
for (let a = 1; a <= 160; a++) {
  const account = `A${String(a).padStart(3, '0')}`;
  const state = states[pick([40, 18, 10, 14, 8, 10])] as (typeof states)[number];
  const plan = ['free', 'pro', 'enterprise'][pick([3, 4, 2])] as string;
  const contacts = plan === 'enterprise' ? between(2, 4) : 1;
  const promoterish = (): number => (state === 'product' || state === 'lost' ? between(0, 6) : state === 'frustrated' ? between(5, 9) : between(8, 10));
  for (let c = 1; c <= contacts; c++) {
    if (state === 'silent') break;
    const contact = `${account}-${c}`;
    // March wave (some contacts), then September (most); a frustrated account's September answers fall.
    if (chance(0.6)) relationshipRows.push([`N${++npsId}`, account, contact, day(Date.UTC(2026, 2, 2), 20), String(state === 'frustrated' ? between(8, 10) : promoterish()), plan].join(','));
    if (chance(0.85)) relationshipRows.push([`N${++npsId}`, account, contact, day(Date.UTC(2026, 8, 1), 20), String(promoterish()), plan].join(','));
  }
  let disloyal = 0;
  const tickets = state === 'loyal' ? between(0, 3) : between(1, 5);
  for (let t = 0; t < tickets; t++) {
    const hardChance = state === 'frustrated' ? 0.7 : state === 'service-hit' ? (t === 0 ? 1 : 0) : state === 'lost' ? 0.5 : 0.1;
    const hard = chance(hardChance);
    if (chance(hard ? 0.96 : 0.09)) disloyal++;
    const channel = ['chat', 'email', 'phone'][pick([3, 4, 2])] as string;
    interactionRows.push([`T${++cesId}`, account, `${account}-${between(1, contacts)}`, `T-${++ticket}`, day(Date.UTC(2026, 6, 1), 150), channel, String(hard ? between(1, 3) : between(4, 7))].join(','));
  }
  const base = state === 'product' || state === 'lost' ? 0.22 : state === 'silent' ? 0.12 : 0.05;
  outcomeRows.push([account, chance(Math.min(0.95, base + 0.1 * disloyal)) ? 'true' : 'false'].join(','));
}
writeFileSync(new URL('../examples/data/relationship.csv', import.meta.url), `${relationshipRows.join('\n')}\n`);
writeFileSync(new URL('../examples/data/interactions.csv', import.meta.url), `${interactionRows.join('\n')}\n`);
writeFileSync(new URL('../examples/data/outcomes.csv', import.meta.url), `${outcomeRows.join('\n')}\n`);
console.log(`wrote ${relationshipRows.length - 1} NPS answers, ${interactionRows.length - 1} CES answers and ${outcomeRows.length - 1} outcomes of accounts to examples/data/`);
