import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and server tests start real processes; give them room on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
