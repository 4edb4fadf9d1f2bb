import { describe, expect, it } from "vitest";
import { pemEndpointCandidates, relocate } from "../../templates/runtime/auth/pem-location.js";

const origin = "https://pem.example.com";

describe("PEM endpoint candidates", () => {
  it.each([
    [
      "an origin, spec under /api",
      { specBasePath: "/api/v10" },
      [
        ["/api/v10", "/api/token/"],
        ["/pem/api/v10", "/pem/api/token/"],
      ],
    ],
    [
      "an origin, spec under /pem/api",
      { specBasePath: "/pem/api/v17" },
      [
        ["/pem/api/v17", "/pem/api/token/"],
        ["/api/v17", "/api/token/"],
      ],
    ],
    ["an explicit base URL", { specBasePath: "/api/v10", explicitBaseUrl: `${origin}/pem/api/v10` }, [["/pem/api/v10", "/pem/api/token/"]]],
    ["an explicit token URL", { specBasePath: "/api/v10", tokenUrl: new URL(`${origin}/pem/api/token/`) }, [["/pem/api/v10", "/pem/api/token/"]]],
    ["a token URL of another shape", { specBasePath: "/api/v10", tokenUrl: new URL(`${origin}/auth/login`) }, [["/api/v10", "/auth/login"]]],
    ["a base path of neither layout", { specBasePath: "/custom/v2" }, [["/custom/v2", "/custom/token/"]]],
  ])("%s", (_name, settings, expected) => {
    const candidates = pemEndpointCandidates({ origin, ...settings });
    expect(candidates).toEqual(expected.map(([base, token]) => ({ baseUrl: `${origin}${base}`, tokenUrl: `${origin}${token}`, tokenPath: token })));
  });
});

describe("relocate", () => {
  it("moves a request with its body and headers to the other base, and leaves others alone", async () => {
    const request = new Request(`${origin}/api/v10/server/1?x=1`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Team": "dba" },
      body: '{"a":1}',
    });
    const moved = await relocate(request, `${origin}/api/v10`, `${origin}/pem/api/v10`);
    expect(moved.url).toBe(`${origin}/pem/api/v10/server/1?x=1`);
    expect(moved.method).toBe("PUT");
    expect(moved.headers.get("x-team")).toBe("dba");
    expect(await moved.text()).toBe('{"a":1}');
    const elsewhere = new Request(`${origin}/api/v100/server/`);
    expect(await relocate(elsewhere, `${origin}/api/v10`, `${origin}/pem/api/v10`)).toBe(elsewhere);
  });
});
