import type { Engine, RecordedRequest } from "./engine.js";
/** A request's parts as the engine reads them, from its URL, headers and body text. */
export declare function requestParts(method: string, url: URL, headers: Record<string, string>, text: string): Omit<RecordedRequest, "operation">;
/** Serves the engine on 127.0.0.1 at a free port, over HTTPS when given a certificate. */
export declare function listen(engine: Engine, tls: {
    cert: string;
    key: string;
} | undefined): Promise<{
    url: string;
    close(): Promise<void>;
}>;
/** A `fetch` answering from the engine, with no socket: for `createClient({ fetch })`. */
export declare function engineFetch(engine: Engine): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
