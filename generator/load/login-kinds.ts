// The runtime's names of the kinds and the auth shapes each takes: a kind or a shape on one side
// only fails to compile here.
import type { AuthShapes, LoginKindName } from "../../templates/runtime/auth/auth-shapes.js";

/** A runtime auth shape by its last key: `["username", "password"]` is "password". */
type ShapeName<Keys> = Keys extends readonly [...unknown[], infer Last extends string] ? Last : never;

/**
 * What the generator knows of each kind of login the runtime implements
 * (templates/runtime/auth/login-kinds.ts): the names an API's `api.yaml` gives in `auth:`,
 * and what a generated client of that kind declares.
 */
export const LOGIN_KINDS = {
  /** PEM: a token from its token API, sent as X-Auth-Token; the client can log out. */
  "pem-token": {
    authOptions: "PemAuth",
    clientOptions: "PemClientOptions",
    clientBase: "PemSession",
    credentialHeader: "X-Auth-Token",
    credentials: { password: "PEM: log in with these", token: "PEM: an X-Auth-Token you have" },
  },
  /** PMM: a bearer token (service account), basic auth or an API key on each request. */
  pmm: {
    authOptions: "PmmAuth",
    clientOptions: "PmmClientOptions",
    clientBase: "ClientLifecycle",
    credentialHeader: undefined,
    credentials: { password: "PMM: HTTP basic", token: "PMM: a bearer token", apiKey: "PMM: an API key" },
  },
} as const satisfies { [Kind in LoginKindName]: LoginKind & { credentials: Record<ShapeName<AuthShapes[Kind][number]>, string> } };

export interface LoginKind {
  /** The runtime type of the client's `auth` option. */
  authOptions: string;
  /** The runtime type of the client's options: every client's, and the kind's own. */
  clientOptions: string;
  /** The runtime interface the generated `Client` extends: its lifecycle (`close`), and a PEM session's `logout`. */
  clientBase: string;
  /** The header parameter that carries the credential in the spec, lifted out of every method. */
  credentialHeader: string | undefined;
  /**
   * The shapes `auth` takes, each with what it means for this kind (check-server's credential
   * flags come from these): `{ username, password }`, `{ token }`, `{ apiKey }`.
   */
  credentials: Partial<Record<CredentialShape, string>>;
}

export type CredentialShape = "password" | "token" | "apiKey";

export type AuthKind = keyof typeof LOGIN_KINDS;

export const AUTH_KINDS = Object.keys(LOGIN_KINDS) as AuthKind[];
