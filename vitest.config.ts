import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/runtime-current.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // vitest keeps a core for itself by default, which on 2 cores means one worker; much of a
    // test's time is spent waiting (servers, the compiler thread), so two workers use both.
    maxWorkers: 2,
    // Test files in one worker share loaded modules (the compiler, ts-morph, parsed files):
    // loading them again for every file cost more than most tests. No test changes globals
    // for good; spies are restored after each test.
    isolate: false,
    restoreMocks: true,
  },
});
