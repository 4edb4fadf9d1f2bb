import { didYouMean, nameList } from "./nearest-name.js";
import type { ClientOptions } from "./options.js";

/*
 * createClient's options as a JavaScript caller may get them wrong: an option name no client
 * takes (`timeout` for `timeoutMs`) would be ignored without a word, and an `auth` of no accepted
 * shape (`{ tokn }`) would send no credentials, or `undefined:undefined`. Both are refused.
 */

/** Every option of every client; typed against ClientOptions, so that a new option cannot be missed. */
const CLIENT_OPTION_NAMES: Record<keyof ClientOptions<unknown>, true> = {
  baseUrl: true,
  auth: true,
  fetch: true,
  headers: true,
  tls: true,
  allowInsecureHttp: true,
  timeoutMs: true,
  maxResponseBytes: true,
  retry: true,
  logger: true,
  validate: true,
  validateRequests: true,
};

/** What a login kind adds to the options every client takes. */
export interface KindOptions {
  /** The options only clients of this kind take (PEM's `tokenUrl`). */
  optionNames: readonly string[];
  /** The shapes `auth` may take (auth/auth-shapes.ts). */
  authShapes: readonly (readonly string[])[];
}

/**
 * @throws {TypeError} an option name that no client of this kind takes, or an `auth` that is
 * not one of the kind's shapes with a non-empty string for each key. Never quotes a value.
 */
export function checkClientOptions(options: object, kind: KindOptions): void {
  const accepted = [...Object.keys(CLIENT_OPTION_NAMES), ...kind.optionNames];
  for (const key of Object.keys(options)) {
    if (!accepted.includes(key)) {
      throw new TypeError(`createClient: there is no option \`${key}\`.${didYouMean(key, accepted)} The options are ${nameList(accepted, "and")}.`);
    }
  }
  const { auth } = options as { auth?: unknown };
  if (auth !== undefined) checkAuth(auth, kind.authShapes);
}

function checkAuth(auth: unknown, shapes: readonly (readonly string[])[]): void {
  const described = shapes.map((keys) => `{ ${keys.join(", ")} }`).join(" or ");
  if (auth === null || typeof auth !== "object" || Array.isArray(auth)) {
    throw new TypeError(`createClient: \`auth\` must be ${described}.`);
  }
  const given = Object.keys(auth);
  const shape = shapes.find((keys) => keys.length === given.length && keys.every((key) => given.includes(key)));
  if (!shape) {
    const known = [...new Set(shapes.flat())];
    const unknown = given.find((key) => !known.includes(key));
    const hint = unknown === undefined ? "" : didYouMean(unknown, known);
    throw new TypeError(`createClient: \`auth\` takes ${described}, and was given { ${given.join(", ")} }.${hint}`);
  }
  for (const key of shape) {
    const value = (auth as Record<string, unknown>)[key];
    if (typeof value !== "string" || value === "") {
      // An unset environment variable is the usual cause: say what it is, never what it holds.
      const what = typeof value === "string" ? "empty" : value === undefined ? "undefined" : `a ${value === null ? "null" : typeof value}`;
      throw new TypeError(`createClient: \`auth.${key}\` must be a non-empty string, and is ${what}.`);
    }
  }
}
