/**
 * A copy of a parsed answer with secrets the client sent taken out, for answers that may echo
 * the request (a login error quoting `{ username, password }`, a logout error quoting the
 * token) before they reach an error or a log: values of secret-looking properties, and every
 * occurrence of a secret in any text, keys included, in each form a server is likely to echo it
 * in (see secretPattern), also where a text was cut short in the middle of one.
 */
export declare function redactSecrets(body: unknown, secrets: readonly string[]): unknown;
/** redactSecrets for texts, built once for any number of them. */
export declare function textRedactor(secrets: readonly string[]): (text: string) => string;
/**
 * A copy of an answer's headers for an error: the values of secret headers replaced, and the
 * client's secrets taken out of every other value (a server may echo a request header).
 */
export declare function redactHeaders(headers: Headers, secrets: readonly string[]): Headers;
