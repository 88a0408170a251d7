import { defineConfig } from 'vitest/config'

// Tests run in UTC whatever the machine's zone, so a Beijing-time claim is proved by the conversion
// and not by a Beijing-time machine; set before the workers (and any server they start) are forked.
process.env.TZ = 'UTC'

export default defineConfig({
  test: {
    environment: 'node',
    env: { TZ: 'UTC' },
    include: ['src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
  },
})
