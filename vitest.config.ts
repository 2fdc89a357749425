import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One local cloud for the whole run: synthesized, started in memory, stopped at the end.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // What a person sees may take a few seconds to appear (S3 events, emails, a page's next request).
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // Files share one local cloud and some change firm-wide settings (portal switch, seats): one file at a time.
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
