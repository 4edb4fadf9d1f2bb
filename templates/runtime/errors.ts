import { redactHeaders, redactSecrets } from "./auth/redact.js";

/*
 * Every error this client throws. Messages name the method and path template (ids and
 * secrets stay out); credentials and tokens never appear in a message, a field or a cause.
 */

/**
 * What every error of the client extends, as openai-node's errors extend `OpenAIError`: one
 * `instanceof` tells the client's failures from the caller's own. Options the client
 * refuses at creation or per call are plain `TypeError`s, as with any JavaScript API.
 */
export class PemPmmClientError extends Error {
  override name = "PemPmmClientError";
}

/** What an ApiError is made of: the call, the answer's status, and its body and headers (redacted). */
export interface ApiErrorCall<Body = unknown> {
  method: string;
  /** The path template, such as `/server/{server_id}`. */
  path: string;
  status: number;
  requestId?: string | undefined;
  body: Body;
  headers?: Headers;
}

/**
 * The server answered a call with a non-success status. A 401 or 403 is an AuthenticationError,
 * which is an ApiError too; `isApiError(error, "nodes.getNode")` (exported by each version
 * entry) also types `body` as that method's error body.
 */
export class ApiError<Body = unknown> extends PemPmmClientError {
  override name = "ApiError";
  readonly status: number;
  readonly method: string;
  /** The path template, such as `/server/{server_id}`. */
  readonly path: string;
  /** The server's request id, when it sent one (`X-Request-Id`). */
  readonly requestId: string | undefined;
  /** The parsed error body; PMM sends `{ code, message, details }`, PEM `{ success, errormsg }`. */
  readonly body: Body;
  /** The server's own explanation, from the body: PMM's `message` or PEM's `errormsg`. */
  readonly serverMessage: string | undefined;
  /** The answer's headers (`Retry-After`, `WWW-Authenticate`, …), with tokens, cookies and the client's secrets redacted. */
  readonly headers: Headers;

  /** `message` replaces the usual one (`GET /server/ failed with HTTP 500: …`) where the client knows more. */
  constructor(call: ApiErrorCall<Body>, message?: string) {
    const serverMessage = serverMessageOf(call.body);
    super(
      message ??
        `${call.method} ${call.path} failed with HTTP ${call.status}${serverMessage ? `: ${serverMessage}` : ""}${call.requestId ? ` (request id ${call.requestId})` : ""}`,
    );
    this.status = call.status;
    this.method = call.method;
    this.path = call.path;
    this.requestId = call.requestId;
    this.body = call.body;
    this.serverMessage = serverMessage;
    this.headers = call.headers ?? new Headers();
  }
}

/**
 * The server rejected the credentials (HTTP 401) or what they may do (HTTP 403), on a call or
 * at PEM's login, even after the one fresh login a PEM client tries: an ApiError with that
 * status, the answer's body and headers. `method` and `path` are the request answered so (PEM's
 * `POST /token/` for a rejected login).
 */
export class AuthenticationError<Body = unknown> extends ApiError<Body> {
  override name = "AuthenticationError";
}

/** Where an ApiError comes from: the request, the answer and its parsed body, and the secrets to take out of both. */
export interface ApiAnswer {
  method: string;
  path: string;
  response: Response;
  body: unknown;
  secrets: readonly string[];
}

/**
 * The error for an answer with a failure status (an AuthenticationError for 401 and 403): its
 * request id from `X-Request-Id`, and its body and headers without the client's `secrets`,
 * which a server may echo from the request. `message` as for ApiError.
 */
export function apiErrorFrom(answer: ApiAnswer, message?: string): ApiError {
  const { method, path, response, body, secrets } = answer;
  const headers = redactHeaders(response.headers, secrets);
  const call = { method, path, status: response.status, requestId: requestIdOf(headers), body: redactSecrets(body, secrets), headers };
  return response.status === 401 || response.status === 403 ? new AuthenticationError(call, message) : new ApiError(call, message);
}

/** The most of an `X-Request-Id` an error keeps: real ids (UUIDs, trace ids) are far shorter. */
const MAX_REQUEST_ID = 128;

/** The answer's `X-Request-Id` as other server text is shown: control characters escaped, and bounded (`headers` keeps it whole). */
function requestIdOf(headers: Headers): string | undefined {
  const id = headers.get("x-request-id");
  return id ? printable(id, MAX_REQUEST_ID) : undefined;
}

/** The server does not support the API version this client was generated for. */
export class UnsupportedApiVersionError extends PemPmmClientError {
  override name = "UnsupportedApiVersionError";
  constructor(
    readonly version: string,
    readonly supportedVersions: readonly string[],
  ) {
    super(
      `The server does not support API ${version}; it supports ${listed(supportedVersions) || "no versions it named"}. Use the client for one of those versions.`,
    );
  }
}

/** At most this many versions are named in a message; a server may list any number. */
const LISTED_VERSIONS = 10;

function listed(versions: readonly string[]): string {
  const named = versions.slice(0, LISTED_VERSIONS).join(", ");
  return versions.length > LISTED_VERSIONS ? `${named} and ${versions.length - LISTED_VERSIONS} more` : named;
}

/** The call a ConnectionError is about, and what the system said of the failure. */
export interface ConnectionFailure {
  method: string;
  path: string;
  /** The URL the call was sent to: its host and port go into the error, nothing else of it. */
  url?: string | undefined;
  /** The system's error code (`ECONNREFUSED`), when there is one. */
  code?: string | undefined;
  /** What failed, in words, when there is no code (a caller's `fetch` may throw anything). */
  reason?: string | undefined;
}

/**
 * The request never got a complete answer: connection refused or reset (also while the body
 * was read), DNS failure, TLS failure, or a client that was closed.
 */
export class ConnectionError extends PemPmmClientError {
  override name = "ConnectionError";
  readonly method: string;
  readonly path: string;
  /** The host the call went to (`pem.example.com`, `127.0.0.1`); undefined when it was never sent. */
  readonly host: string | undefined;
  /** Its port, the scheme's default (443, 80) when the URL gives none. */
  readonly port: number | undefined;
  /** The system's code: `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, `ETIMEDOUT`, `UND_ERR_SOCKET`, …, or a TLS code. */
  readonly code: string | undefined;

  /**
   * The message is `problem`, then where and the system's code with what it means
   * (`no response (pem.example.com:443, ECONNREFUSED: nothing accepts connections there; …)`),
   * then `advice` if any.
   */
  constructor(failure: ConnectionFailure, problem: string, options?: { cause?: unknown; advice?: string }) {
    const where = hostAndPort(failure.url);
    const said = failure.code ? `${failure.code}${Object.hasOwn(CODE_MEANINGS, failure.code) ? `: ${CODE_MEANINGS[failure.code]}` : ""}` : failure.reason;
    const details = [where && `${where.host}:${where.port}`, said].filter(Boolean);
    const message = `${failure.method} ${failure.path}: ${problem}${details.length > 0 ? ` (${details.join(", ")})` : ""}`;
    super(options?.advice ? `${message}: ${options.advice}` : message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.method = failure.method;
    this.path = failure.path;
    this.host = where?.host;
    this.port = where?.port;
    this.code = failure.code;
  }
}

/** What the usual codes mean for someone checking `baseUrl` and the network. */
const CODE_MEANINGS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "nothing accepts connections there; check the host and port in baseUrl",
  ENOTFOUND: "the host name does not resolve; check the host in baseUrl",
  EAI_AGAIN: "the host name could not be resolved for now; check DNS",
  ECONNRESET: "the server or something on the way closed the connection",
  ETIMEDOUT: "no answer to the connection attempt; check the host, the port and firewalls",
  UND_ERR_CONNECT_TIMEOUT: "no answer to the connection attempt; check the host, the port and firewalls",
  EHOSTUNREACH: "no route to the host",
  ENETUNREACH: "no route to the network",
  UND_ERR_SOCKET: "the connection closed before the answer was complete",
};

/** The host and port of a URL, never its credentials, path or query. */
function hostAndPort(url: string | undefined): { host: string; port: number } | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : 80;
    return { host: parsed.hostname, port };
  } catch {
    return undefined;
  }
}

/** What a call to a closed client fails with. */
export function clientClosedError(method: string, path: string): ConnectionError {
  return new ConnectionError({ method, path }, "the client was closed; create a new client for more calls");
}

/** The server's certificate was not trusted, did not match its name, or the TLS handshake failed. */
export class TlsError extends ConnectionError {
  override name = "TlsError";
  declare readonly code: string;
  constructor(failure: ConnectionFailure & { code: string }, options?: { cause?: unknown }) {
    super(failure, "TLS failed", { ...options, advice: tlsAdvice(failure.code) });
  }
}

const HOSTNAME_CODES = new Set(["ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH"]);
const CERTIFICATE_CODES = /CERT|SIGNATURE|ISSUER/;

function tlsAdvice(code: string): string {
  if (HOSTNAME_CODES.has(code)) {
    return "the server's certificate does not name the host in baseUrl. Use a host name the certificate lists, or set `tls.servername` to one.";
  }
  if (CERTIFICATE_CODES.test(code)) {
    return "the server's certificate is not trusted. Pass its CA as `tls.ca`; `tls.insecure: true` skips verification but exposes credentials to anyone on the network path.";
  }
  return "the handshake did not complete. Check the server's TLS settings and, if it requires a client certificate, `tls.cert` and `tls.key`.";
}

/** The call did not finish within `timeoutMs`. */
export class TimeoutError extends PemPmmClientError {
  override name = "TimeoutError";
  constructor(
    readonly method: string,
    readonly path: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} ${path} did not finish within ${timeoutMs} ms (the client's timeoutMs).`);
  }
}

/** The answer was longer than `maxResponseBytes`: the client stopped reading it and closed the connection. */
export class ResponseTooLargeError extends PemPmmClientError {
  override name = "ResponseTooLargeError";
  constructor(
    readonly method: string,
    readonly path: string,
    readonly maxResponseBytes: number,
  ) {
    super(
      `${method} ${path}: the answer is longer than ${maxResponseBytes} bytes (the client's maxResponseBytes), so the client stopped reading it. Raise maxResponseBytes if answers this long are expected.`,
    );
  }
}

/** The server answered, but not in a form the client can read: a success body that is not JSON, a malformed login answer. */
export class InvalidResponseError extends PemPmmClientError {
  override name = "InvalidResponseError";
  constructor(
    readonly method: string,
    readonly path: string,
    problem: string,
  ) {
    super(`${method} ${path}: ${problem}.`);
  }
}

/** One place where a body disagrees with the spec: a JSON pointer into the body, what the spec expects there, and what was there. */
export interface ValidationProblem {
  /** `/nodes/0/node_id`; empty for the body itself. */
  readonly pointer: string;
  /** A JSON type (`string`, `integer or null`), `one of "A", "B"`, `required`, `no such property`, `a body`, or a union's alternatives joined by `or`. */
  readonly expected: string;
  /** A JSON type, the value outside an enum (at most 64 characters), or `nothing` for a missing property or body. */
  readonly received: string;
}

/** Characters that would break a log line or hide text: controls, line and paragraph separators, bidi overrides. */
const UNPRINTABLE = /[\p{Cc}\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const UNPRINTABLE_RUN = new RegExp(`${UNPRINTABLE.source}+`, "gu");
const MAX_PRINTED = 64;

/**
 * Text the server chose (a key, a value outside an enum) as a message prints it: escaped as
 * `\u001b`, and at most `max` characters, so that an answer cannot forge or flood log lines.
 */
export function printable(text: string, max: number = MAX_PRINTED): string {
  const escaped = text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escaped.length > max ? `${escaped.slice(0, max - 3)}...` : escaped;
}

/** A problem's place as a message prints it: each pointer segment printable(). The problem itself keeps the exact pointer. */
export function printedPointer(pointer: string): string {
  return pointer
    ? pointer
        .split("/")
        .map((segment) => printable(segment))
        .join("/")
    : "the top";
}

/** Names the first problem and how many more there are. */
function problemSummary(problems: readonly ValidationProblem[]): string {
  const [first] = problems;
  if (!first) return "no problem";
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  return `at ${printedPointer(first.pointer)}: expected ${first.expected}, received ${printable(first.received)}${more}`;
}

/** With `validate: "strict"`: a success answer was read, but its body disagrees with the spec. */
export class ResponseValidationError<Body = unknown> extends PemPmmClientError {
  override name = "ResponseValidationError";
  /** The method's name, such as `nodes.listNodes`. */
  readonly operation: string;
  readonly method: string;
  /** The path template, such as `/server/{server_id}`. */
  readonly path: string;
  readonly status: number;
  /** Every place where the body disagrees with the spec. */
  readonly problems: readonly ValidationProblem[];
  /** The parsed body, as the server sent it. */
  readonly body: Body;

  constructor(call: { operation: string; method: string; path: string; status: number; problems: readonly ValidationProblem[]; body: Body }) {
    super(`${call.method} ${call.path} (${call.operation}): the ${call.status} answer disagrees with the spec ${problemSummary(call.problems)}.`);
    this.operation = call.operation;
    this.method = call.method;
    this.path = call.path;
    this.status = call.status;
    this.problems = call.problems;
    this.body = call.body;
  }
}

/** With `validateRequests: "strict"`: a request body disagrees with the spec, so it was not sent. The body is not kept (it may hold passwords). */
export class RequestValidationError extends PemPmmClientError {
  override name = "RequestValidationError";
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly problems: readonly ValidationProblem[];

  constructor(call: { operation: string; method: string; path: string; problems: readonly ValidationProblem[] }) {
    super(`${call.method} ${call.path} (${call.operation}): the request body disagrees with the spec ${problemSummary(call.problems)}; it was not sent.`);
    this.operation = call.operation;
    this.method = call.method;
    this.path = call.path;
    this.problems = call.problems;
  }
}

/** PMM's gateway says why in `message`, PEM in `errormsg`; a short plain-text body says it as a whole. */
function serverMessageOf(body: unknown): string | undefined {
  if (body && typeof body === "object") {
    const { message, errormsg } = body as { message?: unknown; errormsg?: unknown };
    const text = typeof message === "string" && message ? message : typeof errormsg === "string" ? errormsg : undefined;
    return text === undefined ? undefined : shownText(text);
  }
  if (typeof body === "string" && body.length <= MAX_SERVER_MESSAGE) return shownText(body);
  return undefined;
}

/** The most of a server's message that goes into an error's message; the body keeps all of it. */
const MAX_SERVER_MESSAGE = 200;

/** A server's text as one line a terminal shows as it is: no control characters (escape sequences, line breaks), and not too long. */
function shownText(text: string): string | undefined {
  const line = text.replace(UNPRINTABLE_RUN, " ").trim();
  return line.length > MAX_SERVER_MESSAGE ? `${line.slice(0, MAX_SERVER_MESSAGE - 1)}…` : line || undefined;
}
