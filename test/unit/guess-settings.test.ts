import path from "node:path";
import { describe, expect, it } from "vitest";
import { guessApi, settingsForFiles } from "../../generator/load/guess-settings.js";
import { SPECS_DIR } from "../support/paths.js";

const operation = (parameters: unknown[] = []) => ({ parameters, responses: { "200": { description: "" } } });

describe("guessApi", () => {
  it.each([
    ["PEM's X-Auth-Token header", { paths: { "/agent/": { get: operation([{ in: "header", name: "X-Auth-Token", type: "string" }]) } } }, "pem"],
    ["the header in any case", { paths: { "/agent/": { get: operation([{ in: "header", name: "x-auth-token" }]) } } }, "pem"],
    ["a query parameter of that name", { paths: { "/agent/": { get: operation([{ in: "query", name: "X-Auth-Token" }]) } } }, undefined],
    ["PMM's version path", { paths: { "/v1/server/version": { get: operation() } } }, "pmm"],
    ["PMM's inventory paths", { paths: { "/v1/inventory/nodes": { get: operation() } } }, "pmm"],
    ["neither", { paths: { "/pets": { get: operation() } } }, undefined],
    ["no paths at all", {}, undefined],
  ])("%s → %s", (_, document, expected) => {
    expect(guessApi(document)).toBe(expected);
  });
});

describe("settingsForFiles", () => {
  const known = new Set(["pem", "pmm"]);
  const sources = (api?: string) => ({ api, specsDir: SPECS_DIR, known, notice: () => undefined });

  it("takes --api over the folders the files sit in", async () => {
    const { config } = await settingsForFiles(path.join(SPECS_DIR, "pem/v9.yaml"), "/elsewhere/new.json", sources("pmm"));
    expect(config.name).toBe("pmm");
  });

  it("refuses an --api that is not shipped", async () => {
    await expect(settingsForFiles("a.json", "b.json", sources("nope"))).rejects.toThrow('unknown API "nope"');
  });

  it("takes the settings of the API folder either file sits in", async () => {
    const { config, oldDocument } = await settingsForFiles("/elsewhere/old.json", path.join(SPECS_DIR, "pmm/v3.yaml"), sources());
    expect(config.name).toBe("pmm");
    expect(oldDocument).toBeUndefined();
  });

  it("refuses files in the folders of two APIs", async () => {
    await expect(settingsForFiles(path.join(SPECS_DIR, "pem/v9.yaml"), path.join(SPECS_DIR, "pmm/v3.yaml"), sources())).rejects.toThrow("pass --api");
  });
});
