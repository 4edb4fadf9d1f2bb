/** How an operation's body goes on the wire, when it is not JSON. */
export type FormEncoding = "multipart" | "urlencoded";
type FormFields = Record<string, unknown>;
/** A multipart form: a Blob, File or Uint8Array (a Node.js Buffer too) becomes a file part. */
export declare function toFormData(body: FormFields): FormData;
/** A URL-encoded form; files cannot be sent this way. */
export declare function toUrlEncoded(body: FormFields): URLSearchParams;
/** openapi-fetch's options for a call's body: JSON is left to openapi-fetch, forms are encoded here. */
export declare function bodyOptions(encoding: FormEncoding | undefined, body: unknown): {
    body?: unknown;
    bodySerializer?: (body: unknown) => unknown;
    headers?: Record<string, string>;
};
export {};
