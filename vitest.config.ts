import { defineConfig } from "vitest/config";

// Three projects: fast pure units, integration against real PostgreSQL/Redis/LiveKit/Socket.IO,
// and end-to-end in headless Chromium. `npm test` runs all three, one group after another, so
// the browser tests do not compete with the integration suite for the two cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          // Test helpers that are pure (the tone detector) are units too.
          include: ["shared/src/**/*.test.ts", "api/src/**/*.test.ts", "client/src/**/*.test.ts", "api/test/helpers/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["api/test/**/*.test.ts"],
          exclude: ["api/test/helpers/**"],
          globalSetup: ["api/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          sequence: { groupOrder: 2 },
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
