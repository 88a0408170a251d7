import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'bench/**'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // These tests start real servers and browsers; one file at a time keeps a 2-core machine steady.
    fileParallelism: false,
  },
})
