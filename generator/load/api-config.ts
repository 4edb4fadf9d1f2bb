import { readFile } from "node:fs/promises";
import path from "node:path";
import { SpecError } from "../errors.js";
import { AUTH_KINDS, type AuthKind, LOGIN_KINDS } from "./login-kinds.js";
import { parseDocumentText } from "./read-document.js";

/** Where method names come from: HTTP method + path (PEM), or operationIds (PMM). */
export type NamingStrategy = "path" | "operationId";

/** Per-API settings, read from `specs/<api>/api.yaml`. */
export interface ApiConfig {
  name: string;
  auth: AuthKind;
  /** Header parameter that carries the credential; lifted out of every generated signature. */
  authHeader?: string;
  naming: NamingStrategy;
  /** How 64-bit integers arrive on the wire: PMM's gateway sends them as JSON strings. */
  int64: "string" | "number";
}

export const API_CONFIG_FILE = "api.yaml";

const FIELDS: Record<keyof Omit<ApiConfig, "name">, readonly string[] | "string"> = {
  auth: AUTH_KINDS,
  authHeader: "string",
  naming: ["path", "operationId"],
  int64: ["string", "number"],
};

export async function readApiConfig(apiDir: string): Promise<ApiConfig> {
  const file = path.join(apiDir, API_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new SpecError(
      file,
      undefined,
      "is missing.",
      `Every API folder in specs/ needs an ${API_CONFIG_FILE} with its auth kind and naming strategy; see README.md, "Adding an API version".`,
    );
  }
  return parseApiConfig(file, path.basename(apiDir), parseDocumentText(file, text));
}

export function parseApiConfig(file: string, name: string, raw: Record<string, unknown>): ApiConfig {
  for (const [key, value] of Object.entries(raw)) {
    const allowed = FIELDS[key as keyof typeof FIELDS];
    if (!allowed) {
      throw new SpecError(file, `/${key}`, `unknown setting \`${key}\`.`, `Known settings: ${Object.keys(FIELDS).join(", ")}.`);
    }
    const valid = allowed === "string" ? typeof value === "string" && value !== "" : allowed.includes(value as string);
    if (!valid) {
      throw new SpecError(
        file,
        `/${key}`,
        `\`${key}\` is ${JSON.stringify(value)}.`,
        allowed === "string" ? "It must be a non-empty string." : `It must be one of: ${allowed.join(", ")}.`,
      );
    }
  }
  for (const key of ["auth", "naming"] as const) {
    if (raw[key] === undefined)
      throw new SpecError(
        file,
        "",
        `the required setting \`${key}\` is missing.`,
        `Add \`${key}: ${FIELDS[key][0]}\` (one of: ${(FIELDS[key] as string[]).join(", ")}).`,
      );
  }
  const auth = raw.auth as AuthKind;
  const authHeader = (raw.authHeader as string | undefined) ?? LOGIN_KINDS[auth].credentialHeader;
  return {
    name,
    auth,
    naming: raw.naming as NamingStrategy,
    int64: (raw.int64 as ApiConfig["int64"] | undefined) ?? "number",
    // A kind whose runtime always sends its credential in one header lifts that header by default.
    ...(authHeader ? { authHeader } : {}),
  };
}
