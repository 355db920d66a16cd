// The generated export the benchmarks read (bench/cli.bench.mjs, bench/sql.bench.mjs), made once in bench/.data.
import { createWriteStream } from 'node:fs';

/** A deterministic export: ids, a customer, a time, a region (8), a channel (4), a plan (3), the NPS answer (3% skipped). */
export async function generateExport(rows, path) {
  const regions = ['north', 'south', 'east', 'west', 'central', 'online', 'partner', 'export'];
  const channels = ['chat', 'email', 'phone', 'web'];
  const plans = ['free', 'pro', 'team'];
  let seed = 0x12345678;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const out = createWriteStream(path);
  out.write('response_id,customer_id,submitted_at,region,channel,plan,nps\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const time = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 365 * 86400e3)).toISOString().slice(0, 19) + 'Z';
    const score = random() < 0.03 ? '' : String(Math.min(10, Math.floor(random() * 11.5)));
    buffer += `r${i},c${i % 50000},${time},${regions[i % 8]},${channels[(i >> 3) % 4]},${plans[i % 3]},${score}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise((resolve) => out.end(resolve));
}

