import { describe, expect, it } from "vitest";
import { UsageError } from "../../generator/errors.js";
import { checkVersionLabel, compareVersionLabels, isReleaseVersion } from "../../generator/validate/labels.js";
import { runCli } from "../support/run-cli.js";

describe("version labels: one rule for every command", () => {
  it("accepts v3.1 and v3-1, and says what is wrong with a label rather than calling it missing", async () => {
    for (const good of ["v11", "v3.1", "v3-1", "token", "v2_beta"]) expect(() => checkVersionLabel("--version", good)).not.toThrow();
    for (const bad of ["V3", "3.1", "v3.", "v3/1", "v3 1"]) expect(() => checkVersionLabel("--version", bad), bad).toThrow(UsageError);
    const refused = await runCli("import", ["specs/pmm/v3.yaml", "--api", "pmm", "--version", "3.1"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: --version "3\.1" is not a version label: use lower-case letters, digits and _, starting with a letter/);
    const generated = await runCli("generate", ["--spec", "specs/pmm/v3.yaml", "--api", "pmm", "--version", "V3", "--out", "unused"]);
    expect(generated.code).toBe(2);
    expect(generated.stderr).toContain('--version "V3" is not a version label');
  });

  it("orders release versions part by part, a minor one right after its major, others before them", () => {
    const order = ["token", "v2", "v3", "v3.1", "v3-2", "v3.10", "v9", "v10", "v10.1", "v17"];
    const shuffled = [...order].reverse();
    expect(shuffled.sort(compareVersionLabels)).toEqual(order);
    expect(order.filter(isReleaseVersion)).toEqual(order.slice(1));
  });
});
