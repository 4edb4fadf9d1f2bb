export { createApiClient } from "./client.js";
export { ApiError, AuthenticationError, ConnectionError, TimeoutError, TlsError, UnsupportedApiVersionError } from "./errors.js";
