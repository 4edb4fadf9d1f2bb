import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A PMM 2 project of `files` source files for `npm run upgrade` to move: the test fixture's
 * script copied under numbered names, its client package the generated one.
 */
export function writeUpgradeProject(root: string, dir: string, files: number): void {
  const fixture = path.join(root, "test/fixtures/upgrade/pmm-v2");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  cpSync(path.join(fixture, "tsconfig.json"), path.join(dir, "tsconfig.json"));
  cpSync(path.join(fixture, "src/connect.ts"), path.join(dir, "src/connect.ts"));
  const script = readFileSync(path.join(fixture, "src/inventory.ts"), "utf8");
  for (let i = 1; i < files; i++)
    writeFileSync(path.join(dir, `src/inventory-${i}.ts`), script.replace("export async function onboard(", `export async function onboard${i}(`));
  symlinkSync(path.join(root, "generated"), path.join(dir, "node_modules/pem-pmm-client"), "dir");
}
