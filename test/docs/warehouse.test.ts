import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

test('docs/warehouse.md shows examples/warehouse.ts as it is, and the example prints what the in-memory command prints', () => {
  const doc = readFileSync(`${root}docs/warehouse.md`, 'utf8');
  const example = readFileSync(`${root}examples/warehouse.ts`, 'utf8');
  expect(doc).toContain('```ts\n' + example + '```');
  const output = execFileSync(`${root}node_modules/.bin/tsx`, ['examples/warehouse.ts'], { cwd: root, encoding: 'utf8' });
  // The numbers of docs/cli.md's first report (the in-memory path on the same file).
  const cli = readFileSync(`${root}docs/cli.md`, 'utf8');
  for (const [channel, n, score, p] of [['chat', 194, '25.3', '0.003'], ['email', 272, '-1.1', '0.011'], ['phone', 105, '5.7', '0.655']] as const) {
    expect(output).toMatch(new RegExp(`^ {2}${channel} +n=${n} +NPS ${score.replace('.', '\\.')} .* p=${p.replace('.', '\\.')}$`, 'm'));
    expect(cli).toMatch(new RegExp(`^ {2}${channel} +${n} +${score.replace('.', '\\.')} .* ${p.replace('.', '\\.')}( |$)`, 'm'));
  }
  expect(output).toContain("{ total: 600, answered: 571, skipped: 25, invalid: 4 }");
  expect(output).toMatch(/^ {2}2026-08 {2}n=173 {2}NPS 10\.4$/m);
}, 60_000);
