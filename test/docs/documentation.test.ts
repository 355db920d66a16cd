import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as library from 'cx-metrics';
import * as report from 'cx-metrics/report';

const src = new URL('../../src/', import.meta.url);

/** The value exports an entry lists, with the file each comes from (relative to src/). */
function valueExportsOf(entry: string): { name: string; path: string }[] {
  const folder = entry.includes('/') ? `${entry.slice(0, entry.lastIndexOf('/'))}/` : '';
  const index = readFileSync(new URL(entry, src), 'utf8');
  return [...index.matchAll(/^export \{ (\w+) \} from '\.\/(.+)\.js';$/gm)].map(([, name, path]) => ({ name: name!, path: `${folder}${path!}.ts` }));
}

// Every public entry: the root barrel and the subpath entries that have value exports of their own.
const entries = [
  { entry: 'index.ts', module: library as Record<string, unknown> },
  { entry: 'report/index.ts', module: report as Record<string, unknown> },
];
const valueExports = entries.flatMap(({ entry }) => valueExportsOf(entry).map((value) => ({ ...value, entry })));

describe('documentation', () => {
  test.each(entries)('$entry lists named exports alphabetically, and every one exists', ({ entry, module }) => {
    const names = valueExportsOf(entry).map((value) => value.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(Object.keys(module).sort()).toEqual([...names].sort());
  });

  test.each(valueExports)('$name ($entry) has TSDoc with a checked @example, in a file named after it', ({ name, path }) => {
    const text = readFileSync(new URL(path, src), 'utf8');
    expect(path.split('/').pop()).toBe(`${name}.ts`);
    const declaration = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?(?:function|class|const) ${name}\\b`).exec(text);
    expect(declaration, `${name} has a doc comment`).not.toBeNull();
    expect(declaration![1]).toMatch(/@example[\s\S]*```ts[\s\S]*\/\/ =>/);
  });

  test('every example was extracted into a test (scripts/extract-examples.mjs)', () => {
    const generated = readdirSync(new URL('../examples.generated/', import.meta.url)).filter((file) => file.endsWith('.example.test.ts'));
    expect(generated.length).toBeGreaterThanOrEqual(valueExports.length);
    for (const { path } of valueExports) expect(generated, `an extracted example of src/${path}`).toContain(`${path.replace(/\.ts$/, '').replace(/\//g, '-')}-1.example.test.ts`);
  });
});
