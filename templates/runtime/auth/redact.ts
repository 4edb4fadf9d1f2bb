/** What a secret is replaced with. */
const REDACTED = "[redacted]";
/** Properties whose values are secrets, whatever they hold. */
const SECRET_KEY = /pass(word|wd)|secret|token|api[-_]?key|authorization/i;
/** Deeper than this, a body is not PEM's: the rest is dropped rather than walked. */
const MAX_DEPTH = 32;

/**
 * A copy of a parsed answer with secrets the client sent taken out, for answers that may echo
 * the request (a login error quoting `{ username, password }`, a logout error quoting the
 * token) before they reach an error or a log: values of secret-looking properties, and every
 * occurrence of a secret, as sent or JSON-escaped, in any text.
 */
export function redactSecrets(body: unknown, secrets: readonly string[]): unknown {
  // One pass over each text, longest form first, so that no replacement is itself redacted again.
  const forms = [...new Set(secrets.filter((secret) => secret !== "").flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))].sort(
    (a, b) => b.length - a.length,
  );
  const pattern = forms.length > 0 ? new RegExp(forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g") : undefined;
  const text = (value: string) => (pattern ? value.replace(pattern, REDACTED) : value);
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return text(value);
    if (!value || typeof value !== "object") return value;
    if (depth >= MAX_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [text(key), SECRET_KEY.test(key) ? REDACTED : walk(item, depth + 1)]));
  };
  return walk(body, 0);
}

/** Headers whose values are secrets, whatever they hold: tokens (PEM's `X-Subject-Token`), credentials and cookies. */
const SECRET_HEADER = /token|authorization|api[-_]?key|cookie/i;

/**
 * A copy of an answer's headers for an error: the values of secret headers replaced, and the
 * client's secrets taken out of every other value (a server may echo a request header).
 */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, SECRET_HEADER.test(name) ? REDACTED : (redactSecrets(value, secrets) as string));
  return copy;
}
