import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectTempDir } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

// What a terminal obeys: ESC (cursor moves, line erasing), CR, and bidi controls that reorder the line.
const STEER = "\u001b[1A\u001b[2K\r\u202e";
const CONTROLS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const document = (values: string[], withSteeringPath: boolean) => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/things": {
      get: {
        operationId: "ListThings",
        parameters: [{ name: "kind", in: "query", schema: { type: "string", enum: values } }],
        responses: { "200": { description: "ok" } },
      },
    },
    // A missing description makes the diff warn, naming this path on stderr.
    ...(withSteeringPath ? { [`/x${STEER}y`]: { get: { operationId: "GetX", responses: { "200": {} } } } } : {}),
  },
});

async function specs(): Promise<[string, string]> {
  const dir = await projectTempDir("diff-escaping");
  const [before, after] = [path.join(dir, "old.json"), path.join(dir, "new.json")];
  await writeFile(before, JSON.stringify(document(["plain", `gone${STEER}`], false)));
  await writeFile(after, JSON.stringify(document(["plain"], true)));
  return [before, after];
}

describe("diff output with control characters in the specs", () => {
  it.each(["text", "md"])("--format %s escapes them in every line, stderr's warnings too", async (format) => {
    const [before, after] = await specs();
    const result = await runCli("diff", [before, after, "--api", "pmm", "--format", format]);
    expect(result.stderr).toContain(String.raw`\u001b[1A`);
    for (const line of [...result.stdout.split("\n"), ...result.stderr.split("\n")]) expect(line).not.toMatch(CONTROLS);
    // The escaped values are still there to read: the removed enum value and the added path.
    expect(result.stdout).toContain(String.raw`gone\u001b[1A\u001b[2K\u000d\u202e`);
    expect(result.stdout).toContain(String.raw`/x\u001b[1A\u001b[2K\u000d\u202ey`);
  });

  it("--format json keeps them as JSON escapes, which read back as the spec's own text", async () => {
    const [before, after] = await specs();
    const result = await runCli("diff", [before, after, "--api", "pmm", "--format", "json"]);
    expect(result.stdout).not.toMatch(/(?!\n)\p{Cc}/u);
    const report = JSON.parse(result.stdout) as { changes: { operation?: string; message: string }[] };
    expect(report.changes.some((c) => c.operation === `GET /x${STEER}y`)).toBe(true);
  });
});
