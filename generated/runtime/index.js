export { createApiClient } from "./client.js";
export { ApiError, AuthenticationError } from "./errors.js";
