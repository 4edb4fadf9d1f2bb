/** What every error of this client carries about the failed call. */
export interface CallInfo {
  method: string;
  /** The path template, such as `/server/{server_id}`: ids and secrets stay out of messages. */
  path: string;
}

/** The server answered a call with a non-success status. */
export class ApiError<Body = unknown> extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** The server's request id, when it sent one (`X-Request-Id`). */
  readonly requestId: string | undefined;
  /** The parsed error body; PMM sends `{ code, message, details }`. */
  readonly body: Body;

  constructor(call: CallInfo & { status: number; requestId?: string | undefined; body: Body }) {
    super(`${call.method} ${call.path} failed with HTTP ${call.status}${describeBody(call.body)}`);
    this.status = call.status;
    this.method = call.method;
    this.path = call.path;
    this.requestId = call.requestId;
    this.body = call.body;
  }
}

/** Logging in failed, or the server rejected the credentials even after a fresh login. */
export class AuthenticationError extends Error {
  override name = "AuthenticationError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function describeBody(body: unknown): string {
  if (body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string") {
    return `: ${(body as { message: string }).message}`;
  }
  if (typeof body === "string" && body.trim() && body.length <= 200) return `: ${body.trim()}`;
  return "";
}
