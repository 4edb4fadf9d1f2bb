import type { OpenAPIV3 } from "openapi-types";
import type { ApiModel } from "../../normalize/build-model.js";
import { defineCheck, type Finding, operationChange } from "../change.js";
import { type Pointers, pointersOf } from "../pointers.js";

/** What a scheme asks of a client: `http basic`, `apiKey header X-Auth-Token`, `oauth2`. */
function schemeShape(scheme: OpenAPIV3.SecuritySchemeObject | OpenAPIV3.ReferenceObject): string {
  if ("$ref" in scheme) return scheme.$ref;
  // `scheme` is missing from some vendors' documents, which diff reads leniently.
  if (scheme.type === "http") return `http ${(scheme.scheme ?? "").toLowerCase()}`;
  if (scheme.type === "apiKey") return `apiKey ${scheme.in} ${scheme.name}`;
  return scheme.type;
}

/**
 * Where a scheme's client gets its credentials: the OAuth flows' URLs and the OpenID Connect
 * discovery URL, as `flows.implicit.tokenUrl` → URL.
 */
function credentialUrls(scheme: OpenAPIV3.SecuritySchemeObject | OpenAPIV3.ReferenceObject): Map<string, string> {
  const urls = new Map<string, string>();
  if ("$ref" in scheme) return urls;
  if (scheme.type === "openIdConnect" && typeof scheme.openIdConnectUrl === "string") urls.set("openIdConnectUrl", scheme.openIdConnectUrl);
  if (scheme.type !== "oauth2") return urls;
  for (const [flow, fields] of Object.entries(scheme.flows ?? {}) as [string, Record<string, unknown>][])
    for (const key of ["authorizationUrl", "tokenUrl", "refreshUrl"]) {
      const url = fields?.[key];
      if (typeof url === "string") urls.set(`flows.${flow}.${key}`, url);
    }
  return urls;
}

/** Header names are case-insensitive (`apiKey header X-Key` ≡ `apiKey header x-key`); query and cookie names are not. */
const sameShape = (a: string, b: string) => a === b || (a.startsWith("apiKey header ") && a.toLowerCase() === b.toLowerCase());

const requirementText = (security: OpenAPIV3.SecurityRequirementObject[] | undefined) =>
  JSON.stringify(
    (security ?? [])
      .map((r) =>
        Object.entries(r)
          .map(([name, scopes]) => (scopes.length > 0 ? `${name}(${[...scopes].sort().join(" ")})` : name))
          .sort(),
      )
      .sort(),
  );

export const authChanged = defineCheck({
  id: "auth-changed",
  levels: ["breaking", "info"],
  description:
    "Security schemes and requirements, API-wide and per operation. The client's auth options come from the API's settings, not from the spec's schemes, so old code still compiles, except when the auth setting itself differs (ClientOptions.auth changes): breaking. A scheme that operations use and that is removed, asks for other credentials, or has them obtained at another URL (an OAuth flow's authorization, token or refresh URL, an OpenID Connect URL: code that fetches tokens there gets none), and a requirement that no longer lets in every caller it let in (an alternative dropped, a scope added), make calls fail: breaking. Schemes no operation uses, and requirements that let in more callers: info.",
  run: (diff) => {
    const changes: Finding[] = [];
    const schemes = (d: OpenAPIV3.Document) => d.components?.securitySchemes ?? {};
    const [before, after] = [schemes(diff.old.document), schemes(diff.new.document)];
    const used = schemesInUse(diff.old);
    const change = (level: Finding["level"], message: string, pointers: Pointers, compiles = true): Finding => ({
      level,
      message,
      typescript: ["ClientOptions.auth"],
      compiles,
      pointers,
    });
    const unused = (name: string) => (used.has(name) ? "" : " (no operation used it)");
    for (const name of Object.keys(before).filter((n) => !(n in after))) {
      changes.push(
        change(used.has(name) ? "breaking" : "info", `security scheme ${name} removed${unused(name)}`, pointersOf(diff.documents, before[name], undefined)),
      );
    }
    for (const name of Object.keys(after).filter((n) => !(n in before))) {
      changes.push(change("info", `security scheme ${name} added`, pointersOf(diff.documents, undefined, after[name])));
    }
    for (const name of Object.keys(after).filter((n) => n in before)) {
      const [was, is] = [schemeShape(before[name]!), schemeShape(after[name]!)];
      if (!sameShape(was, is))
        changes.push(
          change(
            used.has(name) ? "breaking" : "info",
            `security scheme ${name} changed from ${was} to ${is}${unused(name)}`,
            pointersOf(diff.documents, before[name], after[name]),
          ),
        );
      else {
        const [oldUrls, newUrls] = [credentialUrls(before[name]!), credentialUrls(after[name]!)];
        for (const [where, url] of oldUrls) {
          if (newUrls.get(where) === url) continue;
          const message = `security scheme ${name}: ${where} changed from ${url} to ${newUrls.get(where) ?? "(none)"}: credentials are obtained elsewhere now${unused(name)}`;
          changes.push(change(used.has(name) ? "breaking" : "info", message, pointersOf(diff.documents, before[name], after[name])));
        }
      }
    }
    const [wasRequired, isRequired] = [requirementText(diff.old.document.security), requirementText(diff.new.document.security)];
    if (wasRequired !== isRequired) {
      const level = stillLetsIn(diff.old.document.security, diff.new.document.security) ? "info" : "breaking";
      changes.push(
        change(
          level,
          `API-wide security requirement changed from ${wasRequired} to ${isRequired}`,
          pointersOf(diff.documents, diff.old.document.security, diff.new.document.security),
        ),
      );
    }
    for (const op of diff.matched) {
      // An operation without its own `security` follows the API-wide requirement, compared above.
      if (op.old.raw.security === undefined && op.new.raw.security === undefined) continue;
      const [before, after] = [op.old.raw.security ?? diff.old.document.security, op.new.raw.security ?? diff.new.document.security];
      const [was, is] = [requirementText(before), requirementText(after)];
      if (was !== is)
        changes.push(
          operationChange(
            stillLetsIn(before, after) ? "info" : "breaking",
            op.new.model,
            `security requirement changed from ${was} to ${is}`,
            [],
            pointersOf(diff.documents, before, after),
            true,
          ),
        );
    }
    if (diff.old.auth !== diff.new.auth) {
      // A setting of the API, not a place in either document.
      changes.push(change("breaking", `authentication changed from ${diff.old.auth} to ${diff.new.auth}`, {}, false));
    }
    return changes;
  },
});

type Requirement = OpenAPIV3.SecurityRequirementObject[] | undefined;

/** Each alternative of a requirement as what it asks for: scheme names, and `scheme:scope`s. */
function alternatives(security: Requirement): Set<string>[] {
  return (security ?? []).map(
    (alternative) => new Set(Object.entries(alternative).flatMap(([name, scopes]) => [name, ...scopes.map((scope) => `${name}:${scope}`)])),
  );
}

/** Whether every caller the old requirement let in still gets in: each old alternative asks for at least what some new one does. */
function stillLetsIn(before: Requirement, after: Requirement): boolean {
  const [was, is] = [alternatives(before), alternatives(after)];
  // No requirement, or an empty alternative, lets in anyone.
  if (is.length === 0 || is.some((a) => a.size === 0)) return true;
  if (was.length === 0 || was.some((a) => a.size === 0)) return false;
  return was.every((old) => is.some((current) => [...current].every((asked) => old.has(asked))));
}

/** The schemes that at least one operation's requirement (its own, else the API-wide one) names. */
function schemesInUse(model: ApiModel): Set<string> {
  const used = new Set<string>();
  for (const operation of model.operations) {
    const raw = model.document.paths[operation.path]?.[operation.httpMethod as OpenAPIV3.HttpMethods];
    for (const requirement of raw?.security ?? model.document.security ?? []) for (const name of Object.keys(requirement)) used.add(name);
  }
  return used;
}
