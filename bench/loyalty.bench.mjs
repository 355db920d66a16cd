// `npm run bench`: the loyalty-risk classifier.
// 1. 1e6 records over 1e5 customers, in memory: classifyLoyaltyRisk beside the plain group-by a
//    user would write first (a Map from customer to an array of their answers), same records, same
//    run, interleaved; the goal is a ratio of at most 2.
// 2. classifyLoyaltyRiskAsync over 1e7 records of 1e6 customers, made and ingested in chunks by an
//    async generator (as a file read in batches gives them), in a process of its own: peak RSS and
//    memory per customer beside a run that reads the same records without classifying them.
import { execFileSync } from 'node:child_process';
import { classifyLoyaltyRiskAsync, classifyLoyaltyRisk, ingest, scales } from '../dist/index.js';
import { mulberry32 } from '../scripts/random.mjs';
import { bestOfInterleaved } from './timing.mjs';

const DAY = 86_400_000;
const asOf = new Date('2026-11-20T12:00:00Z');
const earliest = new Date('2020-01-01T00:00:00Z');

/** Records of customers `from` to `to` − 1: per customer 2 NPS answers and 8 CES 2.0 answers over 300 days. */
function recordsOf(random, from, to) {
  const nps = [];
  const ces = [];
  for (let c = from; c < to; c++) {
    const customerId = `C${c}`;
    for (let k = 0; k < 2; k++) nps.push({ score: Math.floor(random() * 11), customerId, respondentId: `R${c}-${k}`, submittedAt: new Date(asOf.getTime() - Math.floor(random() * 300 * DAY)) });
    for (let k = 0; k < 8; k++) ces.push({ score: 1 + Math.floor(random() * 7), customerId, interactionId: `T${c}-${k}`, submittedAt: new Date(asOf.getTime() - Math.floor(random() * 300 * DAY)) });
  }
  return [...ingest(nps, { scale: scales.nps }, { earliest }).records, ...ingest(ces, { scale: scales.ces7 }, { earliest }).records];
}

async function* chunks(customers, perChunk) {
  const random = mulberry32(11);
  for (let from = 0; from < customers; from += perChunk) yield* recordsOf(random, from, Math.min(customers, from + perChunk));
}

const [, , mode, size] = process.argv;
if (mode !== undefined) {
  // A child process: one async case, its peak RSS its own.
  const customers = Number(size);
  const start = process.hrtime.bigint();
  let count = 0;
  if (mode === 'classify') count = (await classifyLoyaltyRiskAsync(chunks(customers, 10_000), { asOf })).customers.length;
  else for await (const record of chunks(customers, 10_000)) count += record.score === null ? 0 : 1;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ count, seconds, maxRSS: process.resourceUsage().maxRSS / 1024 }));
} else {
  const customers = Number(process.env.BENCH_CUSTOMERS ?? 1e5);
  const records = recordsOf(mulberry32(7), 0, customers);
  const n = records.length;
  console.log(`loyalty-risk benchmark: ${n.toExponential(0)} records over ${customers.toExponential(0)} customers, best of 5 interleaved rounds, Node ${process.version}\n`);
  const best = bestOfInterleaved(
    {
      groupBy: (input) => {
        const byCustomer = new Map();
        for (const record of input) {
          let answers = byCustomer.get(record.customerId);
          if (answers === undefined) byCustomer.set(record.customerId, (answers = []));
          answers.push(record);
        }
        return byCustomer;
      },
      classifyLoyaltyRisk: (input) => classifyLoyaltyRisk(input, { asOf }),
    },
    records,
    5,
    n,
  );
  for (const [name, ns] of Object.entries(best)) console.log(`${name.padEnd(20)} ${ns.toFixed(1).padStart(8)} ns/record`);
  const ratio = best.classifyLoyaltyRisk / best.groupBy;
  console.log(`\nclassifyLoyaltyRisk / plain group-by   ${ratio.toFixed(2)}  (target ≤ 2: ${ratio <= 2 ? 'met' : 'MISSED'})\n`);

  const asyncCustomers = Number(process.env.BENCH_ASYNC_CUSTOMERS ?? 1e6);
  console.log(`classifyLoyaltyRiskAsync over ${(asyncCustomers * 10).toExponential(0)} records of ${asyncCustomers.toExponential(0)} customers, each case in its own process`);
  const run = (which) => JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=8192', new URL(import.meta.url).pathname, which, String(asyncCustomers)], { encoding: 'utf8' }).trim().split('\n').pop());
  const read = run('read');
  const classify = run('classify');
  console.log(`  reading the records only   ${read.seconds.toFixed(1).padStart(6)} s   peak RSS ${read.maxRSS.toFixed(0).padStart(6)} MB`);
  console.log(`  classifyLoyaltyRiskAsync   ${classify.seconds.toFixed(1).padStart(6)} s   peak RSS ${classify.maxRSS.toFixed(0).padStart(6)} MB`);
  console.log(`  memory per customer: ${(((classify.maxRSS - read.maxRSS) * 1024 * 1024) / asyncCustomers).toFixed(0)} bytes (the difference in peak RSS over the customers)`);
}
