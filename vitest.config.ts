import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A poll waits for the app to answer; CI's two cores run several files at once, so one second is too tight.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // The end-to-end tests share one machine's Chromium; running them one file at a time keeps them steady.
    fileParallelism: true,
    reporters: ['default', './test/summaryReporter.ts'],
  },
});
