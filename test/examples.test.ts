import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('npm run demo prints NPS, CSAT and CES with intervals and reports the broken answers', () => {
  const root = new URL('..', import.meta.url).pathname;
  const output = execFileSync(`${root}node_modules/.bin/tsx`, ['examples/demo.ts'], { cwd: root, encoding: 'utf8' });
  expect(output).toMatch(/^NPS +-?\d+\.\d points +95% CI \[/m);
  expect(output).toMatch(/^CSAT +\d+\.\d % +95% CI \[/m);
  expect(output).toMatch(/^CES +\d\.\d\d of 7 +95% CI \[/m);
  expect(output).toMatch(/600 in: \d+ scored, \d+ skipped, 4 invalid/);
  expect(output).toContain('nps: "n/a" (not_a_number)');
  expect(output).toMatch(/^ {2}chat +n= *\d+ .*Δ vs rest .*p=0\.\d{3}/m);
  expect(output).toMatch(/^ {2}2026-08 +n= *\d+ .*change .*p=/m);
  expect(output).not.toMatch(/-0\.0\b/);
}, 30_000);
