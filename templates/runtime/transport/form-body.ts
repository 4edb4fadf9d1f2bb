/*
 * Request bodies that are forms rather than JSON: `multipart/form-data` (file uploads) and
 * `application/x-www-form-urlencoded`, built from the method's `body` object.
 */

/** How an operation's body goes on the wire, when it is not JSON. */
export type FormEncoding = "multipart" | "urlencoded";

type FormFields = Record<string, unknown>;

/** A multipart form: a Blob, File or Uint8Array (a Node.js Buffer too) becomes a file part. */
export function toFormData(body: FormFields): FormData {
  const form = new FormData();
  for (const [name, value] of fields(body)) {
    if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : name);
    else if (value instanceof Uint8Array) form.append(name, new Blob([value as Uint8Array<ArrayBuffer>]), name);
    else form.append(name, text(value));
  }
  return form;
}

/** A URL-encoded form; files cannot be sent this way. */
export function toUrlEncoded(body: FormFields): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of fields(body)) {
    if (value instanceof Blob || value instanceof Uint8Array) {
      throw new TypeError(`Form field "${name}" holds binary data, which a URL-encoded form cannot carry.`);
    }
    form.append(name, text(value));
  }
  return form;
}

/** Each field once per value: arrays repeat the field; undefined and null leave it out. */
function* fields(body: FormFields): Generator<[string, unknown]> {
  if (!body || typeof body !== "object") throw new TypeError("A form body must be an object of fields.");
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) yield [name, item];
  }
}

function text(value: unknown): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** openapi-fetch's options for a call's body: JSON is left to openapi-fetch, forms are encoded here. */
export function bodyOptions(
  encoding: FormEncoding | undefined,
  body: unknown,
): { body?: unknown; bodySerializer?: (body: unknown) => unknown; headers?: Record<string, string> } {
  if (body === undefined) return {};
  if (encoding === "multipart") return { body: toFormData(body as FormFields) };
  if (encoding === "urlencoded") {
    const encoded = toUrlEncoded(body as FormFields).toString();
    return { body, bodySerializer: () => encoded, headers: { "Content-Type": "application/x-www-form-urlencoded" } };
  }
  return { body };
}
