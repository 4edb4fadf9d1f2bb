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
};
export const AUTH_KINDS = Object.keys(LOGIN_KINDS);
