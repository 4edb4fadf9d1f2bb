export { type ClientLifecycle, createApiClient, type PemSession } from "./client.js";
export { isApiErrorOf } from "./error-guard.js";
export type { ValidationProblem } from "./errors.js";
export { ApiError, AuthenticationError, ConnectionError, InvalidResponseError, PemPmmClientError, RequestValidationError, ResponseTooLargeError, ResponseValidationError, TimeoutError, TlsError, UnsupportedApiVersionError, } from "./errors.js";
export type { Logger } from "./logger.js";
export type { ApiDescription, CallOptions, ClientOptions, FetchFunction, OperationTable, PemAuth, PemClientOptions, PemTokenOptions, PmmAuth, PmmClientOptions, RetryOptions, TlsOptions, ValidationMode, } from "./options.js";
