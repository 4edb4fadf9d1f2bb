/**
 * The login kinds, by the name a generated entry gives in `api.auth` (auth/login-kinds.ts).
 * Declared here, beside the shapes, so that the option types consumers read do not bring in the
 * login code's declarations, and openapi-fetch's with them.
 */
export type LoginKindName = "pem-token" | "pmm";

/**
 * The credentials each login kind takes in `auth`: one tuple of keys per accepted shape, each
 * key a non-empty string. The `auth` types (AuthOf) and createClient's check of `auth` are both
 * read from here; the table below is checked against this type key by key.
 */
export interface AuthShapes extends Record<LoginKindName, readonly (readonly string[])[]> {
  /** PEM: a user's credentials to log in with, or a token obtained elsewhere. */
  "pem-token": readonly [readonly ["username", "password"], readonly ["token"]];
  /** PMM: a service-account token or API key as a bearer token, HTTP basic, or an API key in basic form. */
  pmm: readonly [readonly ["token"], readonly ["username", "password"], readonly ["apiKey"]];
}

export const AUTH_SHAPES: AuthShapes = {
  "pem-token": [["username", "password"], ["token"]],
  pmm: [["token"], ["username", "password"], ["apiKey"]],
};

/** One object type per shape: `["username", "password"]` → `{ username: string; password: string }`. */
type Shapes<Keys> = Keys extends readonly string[] ? { [Key in Keys[number]]: string } : never;

/** The `auth` option of a client of that login kind. */
export type AuthOf<Kind extends LoginKindName> = Shapes<AuthShapes[Kind][number]>;
