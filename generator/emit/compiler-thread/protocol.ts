import type { OpenApiDocument } from "../../convert/to-openapi3.js";

/** What the main thread asks of the compiler thread: one converted document's schema types. */
export interface CompilerRequest {
  id: number;
  source: string;
  document: OpenApiDocument;
}

/** Its answer: the types as text and how long making them took, or what went wrong. */
export type CompilerReply =
  | { id: number; types: string; milliseconds: number }
  | {
      id: number;
      failure: { kind: "spec"; file: string; pointer: string | undefined; problem: string; remedy: string } | { kind: "internal"; message: string };
    };
