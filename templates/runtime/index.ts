export { createApiClient, type ApiClient } from "./client.js";
export { ApiError, AuthenticationError } from "./errors.js";
export type { ApiDescription, CallOptions, ClientOptions, FetchFunction, OperationTable, PemAuth, PmmAuth } from "./options.js";
