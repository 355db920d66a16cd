import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
// Folders are the layers (STYLE.md): a file may import only from its own layer or lower ones.
const LAYERS = ['errors', 'internal', 'scales', 'records', 'tally', 'stats', 'metrics', 'segments', 'sql', 'loyalty', 'report', 'cli', 'schema'];
const rank = (folder: string): number => (folder === 'errors' || folder === 'internal' ? 0 : LAYERS.indexOf(folder));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  const sources = files(src).filter((path) => !path.endsWith('index.ts'));

  test.each(sources.map((path) => relative(src, path)))('%s imports no higher layer and no package', (file) => {
    const layer = file.split('/')[0]!;
    const text = readFileSync(join(src, file), 'utf8');
    for (const [, specifier] of text.matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gm)) {
      // Only the schema entry may import a package, and only zod (an optional peer).
      if (layer === 'schema' && specifier === 'zod') continue;
      // The command (and only the command) runs on Node: it may use Node's own modules.
      if (layer === 'cli' && specifier!.startsWith('node:')) continue;
      expect(specifier!.startsWith('.'), `${file} imports the package '${specifier}'`).toBe(true);
      const target = relative(src, join(src, file, '..', specifier!)).split('/')[0]!;
      expect(rank(target), `${file} (layer ${layer}) imports ${specifier} (layer ${target})`).toBeLessThanOrEqual(rank(layer));
    }
  });

  test('the package has no runtime dependencies', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies'] ?? {}).toEqual({});
  });
});
