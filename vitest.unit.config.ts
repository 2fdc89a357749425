import { defineConfig } from 'vitest/config';

/** Unit tests only: no local cloud. Used for quick runs and by mutation testing. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    pool: 'threads',
  },
});
