// The runtime's names of the kinds: a kind on one side only fails to compile here.
import type { LoginKindName } from "../../templates/runtime/auth/login-kinds.js";

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
    takesApiKey: false,
  },
  /** PMM: a bearer token (service account), basic auth or an API key on each request. */
  pmm: { authOptions: "PmmAuth", clientOptions: "PmmClientOptions", clientBase: "ClientLifecycle", credentialHeader: undefined, takesApiKey: true },
} as const satisfies Record<LoginKindName, LoginKind>;

export interface LoginKind {
  /** The runtime type of the client's `auth` option. */
  authOptions: string;
  /** The runtime type of the client's options: every client's, and the kind's own. */
  clientOptions: string;
  /** The runtime interface the generated `Client` extends besides `ApiClient`. */
  clientBase: string;
  /** The header parameter that carries the credential in the spec, lifted out of every method. */
  credentialHeader: string | undefined;
  /** Whether `auth` takes `{ apiKey }`. */
  takesApiKey: boolean;
}

export type AuthKind = keyof typeof LOGIN_KINDS;

export const AUTH_KINDS = Object.keys(LOGIN_KINDS) as AuthKind[];
