import { defineConfig } from 'vitest/config';

/**
 * Limits sized for a loaded 2-core machine (CI shares its cores; README, "Tests under load"):
 * they bound a test that hangs, they are never how long a test waits. A condition wait
 * (`expect.poll`) returns as soon as the condition holds; vitest's own 1 s default poll timeout
 * and 5 s test timeout fail correct tests when the machine is busy.
 */
const UNDER_LOAD = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  expect: { poll: { timeout: 30_000, interval: 50 } },
} as const;

/**
 * One runner for every layer (DESIGN.md, "Testing layers"). Each layer is a project so it can be
 * run alone: `npx vitest run --project unit`.
 */
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          ...UNDER_LOAD,
        },
      },
      {
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          environment: 'node',
          ...UNDER_LOAD,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          ...UNDER_LOAD,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          ...UNDER_LOAD,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A screen may take seconds to reach a state when Chromium and the host share busy cores.
          expect: { poll: { timeout: 60_000, interval: 100 } },
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
