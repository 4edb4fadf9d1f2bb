import type { Middleware } from "openapi-fetch";
import type { ClientAuth } from "./login-kinds.js";
/**
 * openapi-fetch middleware that sends its calls with the client's credentials, as the methods
 * send theirs (direct-request.ts): the headers, the base URL of a PEM layout found at the
 * first login, and one more sending when the auth asks for it after an answer (PEM's 401).
 */
export declare function authMiddleware(auth: ClientAuth & Required<Pick<ClientAuth, "credentials">>, baseUrl: string): Middleware;
