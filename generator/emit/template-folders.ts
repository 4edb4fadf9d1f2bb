/**
 * The folders of templates/ that generated/ holds compiled, each under its own name: the runtime
 * every client imports and the test kit. What is compiled into them comes from templates/ and the
 * generator alone, never from a spec; the pipeline writes testing/'s index of versions beside it.
 * (A module of its own, so that the input record can name them without loading the compiler.)
 */
export const TEMPLATE_FOLDERS = ["runtime", "testing"] as const;
