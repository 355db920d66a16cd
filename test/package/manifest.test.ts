import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import tsupConfig from '../../tsup.config.js';

// The npm package (package.json, built by tsup from src) and the JSR package (jsr.json, published
// from src as is) are one library: same version, same entry points, each from the same source file.

const root = fileURLToPath(new URL('../../', import.meta.url));

interface ConditionalExport {
  readonly types?: string;
  readonly default?: string;
}

interface NpmManifest {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly main?: string;
  readonly types?: string;
  readonly exports: Readonly<Record<string, string | ConditionalExport>>;
}

interface JsrManifest {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly exports: string | Readonly<Record<string, string>>;
  readonly publish?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as T;
const npm = readJson<NpmManifest>('package.json');
const jsr = readJson<JsrManifest>('jsr.json');

/** './src/index.ts' and 'src/index.ts' name the same file. */
const normalize = (path: string): string => path.replace(/^\.\//, '');

/** jsr.json's exports as a map: a bare string is the '.' export. */
const jsrExports: Readonly<Record<string, string>> = typeof jsr.exports === 'string' ? { '.': jsr.exports } : jsr.exports;

/** tsup's entry map (output name → source file), from tsup.config.ts itself. */
function tsupEntries(): Readonly<Record<string, string>> {
  if (typeof tsupConfig === 'function' || Array.isArray(tsupConfig)) throw new Error('tsup.config.ts is expected to export one options object');
  const entry = tsupConfig.entry;
  if (entry === undefined || Array.isArray(entry)) throw new Error('tsup.config.ts is expected to name its entries: entry: { name: source }');
  return entry;
}

/** The tsup entry name an npm export is built as: './dist/schema.js' → 'schema'. */
function builtEntryName(subpath: string, target: string | ConditionalExport): string {
  const file = typeof target === 'string' ? target : target.default;
  const match = file === undefined ? null : /^\.\/dist\/(.+)\.js$/.exec(file);
  if (match === null) throw new Error(`package.json export '${subpath}' does not point at a tsup output in ./dist: ${JSON.stringify(target)}`);
  return match[1]!;
}

/** A minimal glob for jsr.json's publish.include ('*' within a folder, '**' across folders). */
function globToRegExp(glob: string): RegExp {
  const pattern = normalize(glob)
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${pattern}(?:/.*)?$`);
}

// Every subpath a user imports ('.', './schema'); './package.json' is metadata, not code.
const codeSubpaths = Object.keys(npm.exports).filter((subpath) => subpath !== './package.json');

describe('package.json and jsr.json describe the same package', () => {
  test('the JSR name is @cx-metrics/<npm name>', () => {
    // JSR names are always scoped; the npm package is unscoped, so it takes the project's scope.
    expect(jsr.name).toBe(`@cx-metrics/${npm.name}`);
  });

  test('the versions are equal', () => {
    expect(jsr.version).toBe(npm.version);
  });

  test('the licenses are equal', () => {
    expect(jsr.license).toBe(npm.license);
  });

  test('the npm exports list code entry points', () => {
    expect(codeSubpaths).toContain('.');
  });

  test('jsr.json exports exactly the code subpaths of package.json', () => {
    expect(Object.keys(jsrExports).sort()).toEqual([...codeSubpaths].sort());
  });

  test('tsup builds exactly the exported entries and the command', () => {
    const built = codeSubpaths.map((subpath) => builtEntryName(subpath, npm.exports[subpath]!));
    // The command is the package's bin, not an import: npm only.
    const bin = (npm as unknown as { bin: Record<string, string> }).bin;
    expect(bin).toEqual({ 'cx-metrics': './dist/cli.js' });
    expect(tsupEntries()['cli']).toBe('src/cli/bin.ts');
    expect(Object.keys(tsupEntries()).sort()).toEqual([...built, 'cli'].sort());
  });

  test.each(codeSubpaths)('%s: jsr.json publishes the source file tsup builds the npm export from', (subpath) => {
    const name = builtEntryName(subpath, npm.exports[subpath]!);
    const source = tsupEntries()[name];
    expect(source, `tsup.config.ts has no entry '${name}' for package.json export '${subpath}'`).toBeDefined();
    expect(jsrExports[subpath], `jsr.json has no export '${subpath}'`).toBeDefined();
    expect(normalize(jsrExports[subpath]!)).toBe(normalize(source!));
  });

  test.each(codeSubpaths)('%s: the types sit beside the code, as tsup writes them', (subpath) => {
    const target = npm.exports[subpath]!;
    const name = builtEntryName(subpath, target);
    if (typeof target !== 'string') expect(target.types).toBe(`./dist/${name}.d.ts`);
  });

  test.each(Object.entries(jsrExports))('%s: the exported source %s exists and is published to JSR', (_subpath, source) => {
    expect(existsSync(`${root}${normalize(source)}`), `${source} does not exist`).toBe(true);
    const include = jsr.publish?.include;
    if (include !== undefined) expect(include.some((glob) => globToRegExp(glob).test(normalize(source))), `${source} is outside publish.include`).toBe(true);
    const exclude = jsr.publish?.exclude ?? [];
    expect(exclude.some((glob) => globToRegExp(glob).test(normalize(source))), `${source} is in publish.exclude`).toBe(false);
  });

  test('main and types agree with the root export', () => {
    const rootExport = npm.exports['.'];
    const conditions: ConditionalExport = typeof rootExport === 'string' ? { default: rootExport } : (rootExport ?? {});
    if (npm.main !== undefined) expect(npm.main).toBe(conditions.default);
    if (npm.types !== undefined) expect(npm.types).toBe(conditions.types);
  });
});

describe('the npm package is publishable from a fresh clone', () => {
  const manifest = readJson<Record<string, unknown>>('package.json');

  test('npm pack builds dist first (prepack), so a fresh clone ships the code', () => {
    expect((manifest['scripts'] as Record<string, string>)['prepack']).toBe('tsup');
    expect(manifest['files']).toEqual(['dist']);
  });

  test('it says where it lives and where to report problems', () => {
    expect(manifest['repository']).toEqual({ type: 'git', url: 'git+https://github.com/cx-metrics/cx-metrics.git' });
    expect(manifest['homepage']).toMatch(/^https:\/\/github\.com\/cx-metrics\/cx-metrics/);
    expect(manifest['bugs']).toEqual({ url: 'https://github.com/cx-metrics/cx-metrics/issues' });
  });

  test('every dependency with an install script is approved or denied in allowScripts, so npm ci prints no warning', () => {
    const allowed = manifest['allowScripts'] as Record<string, boolean>;
    const lock = readJson<{ packages: Record<string, { hasInstallScript?: boolean }> }>('package-lock.json');
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript === true)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(Object.keys(allowed), `${name} has an install script`).toContain(name);
  });
});
