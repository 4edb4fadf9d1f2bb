import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The slowest files, slowest first (seconds on 2 cores): started first, they run beside the many
 * short files instead of alone at the end. vitest orders a fresh checkout by file size, which put
 * add-a-version (short, but a whole project copy and a second vitest) last; after a run, its
 * cache orders by duration and this list only breaks ties.
 */
const SLOWEST_FIRST = [
  "test/e2e/add-a-version.test.ts", // 26
  "test/e2e/package-install.test.ts", // 26
  "test/e2e/upgrade.test.ts", // 13
  "test/e2e/generate-cli.test.ts", // 11
  "test/e2e/diff.test.ts", // 10
  "test/e2e/runtime-routes.test.ts", // 10
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(path.relative(file.project.config.root, file.moduleId).split(path.sep).join("/"));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array sort is stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/run-setup.ts"],
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
    sequence: { sequencer: SlowestFirst },
  },
});
