import { defineConfig } from 'vitest/config';

/**
 * The release smoke test (test/electron-smoke/), `npm run smoke:electron`: it launches the
 * packaged app, so it needs an Electron binary and stays out of `npm test` (vitest.config.ts
 * does not include its folder). Limits bound a hung run on a busy CI machine; every step waits
 * for a state, never for a time.
 */
export default defineConfig({
  test: {
    include: ['test/electron-smoke/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 60_000, interval: 100 } },
    fileParallelism: false,
  },
});
