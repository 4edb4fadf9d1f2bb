/** The HTTP methods an OpenAPI path item can hold an operation under. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
