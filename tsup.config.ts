import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const config: ReturnType<typeof defineConfig> = defineConfig({
  entry: { index: 'src/index.ts', report: 'src/report/index.ts', schema: 'src/schema/index.ts', sql: 'src/sql/index.ts', cli: 'src/cli/bin.ts' },
  // One shared chunk for the core, so `cx-metrics/schema` and `cx-metrics` share classes and state.
  splitting: true,
  external: ['zod', '@duckdb/node-api', 'pg'],
  format: ['esm'],
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  // `cx-metrics --version` prints the package's version.
  define: { __VERSION__: JSON.stringify(version) },
  treeshake: true,
});

export default config;
