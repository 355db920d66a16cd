import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('npm run demo prints NPS, CSAT and CES with intervals, by channel and month, and reports every rejected row', () => {
  const root = new URL('..', import.meta.url).pathname;
  const output = execFileSync(`${root}node_modules/.bin/tsx`, ['examples/demo.ts'], { cwd: root, encoding: 'utf8' });
  expect(output).toMatch(/^NPS +-?\d+\.\d points +95% CI \[/m);
  expect(output).toMatch(/^CSAT +\d+\.\d % +95% CI \[/m);
  expect(output).toMatch(/^CES +\d\.\d\d of 7 +95% CI \[/m);
  expect(output).toMatch(/600 rows: 571 scored, 25 skipped, 4 rejected/);
  expect(output).toContain('line 151 (R0150), nps: "n/a" (unknown_label)');
  expect(output).toContain('line 201 (R0200), csat: "6" (out_of_range)');
  expect(output).toMatch(/^ {2}chat +n= *\d+ .*Δ vs rest .*p=0\.\d{3}/m);
  expect(output).toMatch(/^ {2}2026-08 +n= *\d+ .*change .*p=/m);
  expect(output).toMatch(/^Loyalty risk of 160 accounts as of 2026-\d\d-\d\d/m);
  expect(output).toMatch(/^ {2}stable \d+ \([\d.]+%\), watch \d+ .*critical \d+ .*unknown \d+/m);
  expect(output).toMatch(/^ {2}A\d{3} +critical +→ [a-z-]+: /m);
  expect(output).toMatch(/churn rises with the tier: one-sided p = /);
  expect(output).not.toMatch(/-0\.0\b/);
}, 30_000);
