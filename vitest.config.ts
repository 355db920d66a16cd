import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const config: ReturnType<typeof defineConfig> = defineConfig({
  resolve: {
    // Examples and doc examples import the package by name, as a user would.
    alias: [
      { find: /^cx-metrics\/report$/, replacement: fileURLToPath(new URL('./src/report/index.ts', import.meta.url)) },
      { find: /^cx-metrics\/sql$/, replacement: fileURLToPath(new URL('./src/sql/index.ts', import.meta.url)) },
      { find: /^cx-metrics\/schema$/, replacement: fileURLToPath(new URL('./src/schema/index.ts', import.meta.url)) },
      { find: /^cx-metrics$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Simulations, real databases and a browser run here; a slow, shared CI machine is not a failure.
    testTimeout: 30_000,
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-results.json' },
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});

export default config;
