export { createApiClient } from "./client.js";
export { isApiErrorOf } from "./error-guard.js";
export { ApiError, AuthenticationError, ConnectionError, InvalidResponseError, PemPmmClientError, RequestValidationError, ResponseTooLargeError, ResponseValidationError, TimeoutError, TlsError, UnsupportedApiVersionError, } from "./errors.js";
