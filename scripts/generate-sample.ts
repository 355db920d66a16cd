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
