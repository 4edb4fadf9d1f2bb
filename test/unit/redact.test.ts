import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../templates/runtime/auth/redact.js";

describe("redactSecrets", () => {
  it("replaces each secret once, never the replacement itself", () => {
    expect(redactSecrets("token t in text", ["t"])).toBe("[redacted]oken [redacted] in [redacted]ex[redacted]");
    expect(redactSecrets({ message: "bad auth Bearer glsa_abc and glsa_abcdef" }, ["glsa_abc", "glsa_abcdef"])).toEqual({
      message: "bad auth Bearer [redacted] and [redacted]",
    });
  });

  it("takes out a secret as sent and JSON-escaped, and values under secret-looking keys", () => {
    const password = 'pa"ss\\word';
    const echoed = { error: `login failed for {"password":${JSON.stringify(password)}}`, request: { username: "dba", password: "anything" } };
    expect(redactSecrets(echoed, [password])).toEqual({
      error: 'login failed for {"password":"[redacted]"}',
      request: { username: "dba", password: "[redacted]" },
    });
  });

  it("leaves a body alone when there are no secrets", () => {
    expect(redactSecrets({ message: "Node not found." }, [])).toEqual({ message: "Node not found." });
  });
});
