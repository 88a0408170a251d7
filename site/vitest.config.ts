import { defineConfig } from 'vitest/config'

// Tests run in UTC whatever the machine's zone, so a Beijing-time claim is proved by the conversion
// and not by a Beijing-time machine; set before the workers (and any server they start) are forked.
process.env.TZ = 'UTC'

export default defineConfig({
  test: {
    environment: 'node',
    env: { TZ: 'UTC' },
    include: ['src/**/*.test.ts', 'render/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    // Vitest's default leaves a core idle (cores − 1): one file at a time on the 2-core CI machine.
    // Each file has its own database and temp dir, so files may run side by side.
    maxWorkers: '100%',
  },
})
