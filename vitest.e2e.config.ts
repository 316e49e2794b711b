import { defineConfig } from 'vitest/config'

// End-to-end tests: real Chromium (Debian's /usr/bin/chromium) against browser mode.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
})
