import { defineConfig } from 'vitest/config'

/**
 * Three suites: `unit` (fast, self-contained), `e2e` (the real renderer in
 * Debian's Chromium through the test host) and `corpus` (reads ../shared).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/helpers/fast-check-seed.ts'],
          // Many unit tests build real sites and repositories; 5 s is too short on a busy machine.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A poll waits for a signal, not a time: on a busy machine the signal may take
          // seconds (a review list, a save), so give up only after 10 s rather than vitest's 1 s.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'corpus',
          include: ['tests/corpus/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
})
