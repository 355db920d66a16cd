import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as library from 'cx-metrics';

const src = new URL('../../src/', import.meta.url);
const index = readFileSync(new URL('index.ts', src), 'utf8');
const valueExports = [...index.matchAll(/^export \{ (\w+) \} from '\.\/(.+)\.js';$/gm)].map(([, name, path]) => ({ name: name!, path: `${path!}.ts` }));

describe('documentation', () => {
  test('the barrel lists named exports alphabetically, and every one exists', () => {
    const names = valueExports.map((entry) => entry.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(Object.keys(library).sort()).toEqual([...names].sort());
  });

  test.each(valueExports)('$name has TSDoc with a checked @example, in a file named after it', ({ name, path }) => {
    const text = readFileSync(new URL(path, src), 'utf8');
    expect(path.split('/').pop()).toBe(`${name}.ts`);
    const declaration = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?(?:function|class|const) ${name}\\b`).exec(text);
    expect(declaration, `${name} has a doc comment`).not.toBeNull();
    expect(declaration![1]).toMatch(/@example[\s\S]*```ts[\s\S]*\/\/ =>/);
  });

  test('every example was extracted into a test (scripts/extract-examples.mjs)', () => {
    const generated = readdirSync(new URL('../examples.generated/', import.meta.url)).filter((file) => file.endsWith('.example.test.ts'));
    expect(generated.length).toBeGreaterThanOrEqual(valueExports.length);
  });
});
