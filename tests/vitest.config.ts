import { defineConfig } from 'vitest/config'

// Tests run in UTC whatever the machine's zone, so a Beijing-time claim is proved by the conversion
// and not by a Beijing-time machine; set before the workers (and any server they start) are forked.
process.env.TZ = 'UTC'

export default defineConfig({
  test: {
    environment: 'node',
    env: { TZ: 'UTC' },
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'bench/**'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // One shared folder per run for what files share: the seeded database, the astro build (helpers/shared.ts).
    globalSetup: ['helpers/sharedSetup.ts'],
    // These tests start real servers and browsers; one file at a time keeps a 2-core machine steady.
    fileParallelism: false,
  },
})
