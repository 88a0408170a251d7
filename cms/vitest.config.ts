import { defineConfig } from 'vitest/config'

// Tests run in UTC whatever the machine's zone, so a Beijing-time claim is proved by the conversion
// and not by a Beijing-time machine; set before the workers (and any server they start) are forked.
process.env.TZ = 'UTC'

export default defineConfig({
  test: {
    environment: 'node',
    env: { TZ: 'UTC' },
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    // Vitest's default leaves a core idle (cores − 1): one file at a time on the 2-core CI machine.
    // Each file has its own database and temp dir, so files may run side by side.
    maxWorkers: '100%',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker runs file after file, loading node_modules once (~4 s of CPU a file saved); what
    // keeps files apart (fresh src modules, an empty Payload cache, the environment) is redone
    // before each file by src/testing/fileIsolation.ts.
    isolate: false,
    setupFiles: ['src/testing/fileIsolation.ts'],
    // Later files start from the first one's freshly migrated database (src/testing/migratedTemplate.ts).
    globalSetup: ['src/testing/migratedTemplateSetup.ts'],
  },
})
