/*
 * The one redaction path: every text the client builds from what a server sent (error bodies,
 * their headers, validation problems, log lines) passes through this module first.
 */

/** What a secret is replaced with. */
const REDACTED = "[redacted]";
/** Properties whose values are secrets, whatever they hold. */
const SECRET_KEY = /pass(word|wd)|secret|token|api[-_]?key|authorization/i;
/** Deeper than this, a body is not PEM's: the rest is dropped rather than walked. */
const MAX_DEPTH = 32;
/** A text cut short ends so: by the server, or by validators.js, which bounds a quoted value at 4 KiB. */
const CUT_MARK = "(?=(?:\\.\\.\\.|…)$)";
/** A secret cut short by a message keeps at most this many of its characters visible. */
const MIN_CUT_PREFIX = 4;

/**
 * A copy of a parsed answer with secrets the client sent taken out, for answers that may echo
 * the request (a login error quoting `{ username, password }`, a logout error quoting the
 * token) before they reach an error or a log: values of secret-looking properties, and every
 * occurrence of a secret in any text, keys included, in each form a server is likely to echo it
 * in (see secretPattern), also where a text was cut short in the middle of one.
 */
export function redactSecrets(body: unknown, secrets: readonly string[]): unknown {
  const text = textRedactor(secrets);
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return text(value);
    if (!value || typeof value !== "object") return value;
    if (depth >= MAX_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [text(key), SECRET_KEY.test(key) ? REDACTED : walk(item, depth + 1)]));
  };
  return walk(body, 0);
}

/** redactSecrets for texts, built once for any number of them. */
export function textRedactor(secrets: readonly string[]): (text: string) => string {
  // Longest first, so that a secret that contains another is taken out whole, and one pass, so that no replacement is redacted again.
  const unique = [...new Set(secrets.filter((secret) => secret !== ""))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return (text) => text;
  const whole = new RegExp(unique.map(secretPattern).join("|"), "g");
  const cut = unique.map(cutPattern).filter((pattern) => pattern !== undefined);
  const cutAtEnd = cut.length > 0 ? new RegExp(cut.join("|")) : undefined;
  // Built for each error, not cached: a cache would keep the secrets after their client is gone.
  return (text: string) => {
    const redacted = text.replace(whole, REDACTED);
    return cutAtEnd ? redacted.replace(cutAtEnd, REDACTED) : redacted;
  };
}

/**
 * A secret in every form a server is likely to echo it in: each character as it is or encoded
 * (mixed freely), and the whole secret in base64. A server quoting a request escapes it its own
 * way: Python's `json.dumps` writes `\u00fc`, Go's encoding/json `\u0026` and `\u003c`, a web
 * page `&amp;` or `&#60;`, a URL `%C3%BC` or `+`, a JSON pointer `~1`.
 */
function secretPattern(secret: string): string {
  const base64 = btoa(String.fromCharCode(...UTF8.encode(secret))).replace(/=+$/, "");
  const base64Url = base64.replace(/\+/g, "-").replace(/\//g, "_");
  // Base64 of a few characters could be anything: only a secret long enough has its base64 taken out.
  const encoded = secret.length >= 8 ? [base64, base64Url].map(literal) : [];
  return [charsPattern([...secret]), ...encoded].join("|");
}

/** The start of a secret (at least MIN_CUT_PREFIX characters) at the end of a text that was cut short. */
function cutPattern(secret: string): string | undefined {
  const chars = [...secret];
  if (chars.length <= MIN_CUT_PREFIX) return undefined;
  const rest = chars.slice(MIN_CUT_PREFIX).reduceRight((inner, char) => `(?:${charPattern(char)}${inner})?`, "");
  return `${charsPattern(chars.slice(0, MIN_CUT_PREFIX))}${rest}${CUT_MARK}`;
}

function charsPattern(chars: readonly string[]): string {
  return chars.map(charPattern).join("");
}

const UTF8 = new TextEncoder();
/** JSON's two-character escapes. */
const JSON_SHORT: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
/** HTML's named references for the characters servers escape. */
const HTML_NAMED: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** JSON pointer's escapes. */
const POINTER: Readonly<Record<string, string>> = { "~": "~0", "/": "~1" };

/** One character (a code point) as it is, or escaped as JSON, percent-encoding, HTML or a JSON pointer would write it. */
function charPattern(char: string): string {
  const code = char.codePointAt(0)!;
  const units = char.length === 1 ? [code] : [char.charCodeAt(0), char.charCodeAt(1)];
  const forms = [
    literal(char),
    units.map((unit) => `\\\\u${anyCaseHex(unit, 4)}`).join(""),
    [...UTF8.encode(char)].map((byte) => `%${anyCaseHex(byte, 2)}`).join(""),
    `&#0*${code};`,
    `&#[xX]0*${anyCaseHex(code, 1)};`,
  ];
  for (const table of [JSON_SHORT, HTML_NAMED, POINTER]) if (Object.hasOwn(table, char)) forms.push(literal(table[char]!));
  if (char === " ") forms.push("\\+");
  return `(?:${forms.join("|")})`;
}

/** A number in hex, at least `digits` long, matching either case. */
function anyCaseHex(value: number, digits: number): string {
  return [...value.toString(16).padStart(digits, "0")].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join("");
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Headers whose values are secrets, whatever they hold: tokens (PEM's `X-Subject-Token`), credentials and cookies. */
const SECRET_HEADER = /token|authorization|api[-_]?key|cookie/i;

/**
 * A copy of an answer's headers for an error: the values of secret headers replaced, and the
 * client's secrets taken out of every other value (a server may echo a request header).
 */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const text = textRedactor(secrets);
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, SECRET_HEADER.test(name) ? REDACTED : text(value));
  return copy;
}
