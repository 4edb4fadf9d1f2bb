import path from "node:path";
import { BaseResolver, bundle, createConfig, type Document, Source } from "@redocly/openapi-core";
import { SpecError } from "../errors.js";
import { isUrl } from "./download.js";
import { externalRefs, refusePlainHttpRefs } from "./external-refs.js";

/**
 * `--allow-external-refs`: pulls every referenced file or https:// document into one
 * self-contained document, so that no later stage resolves anything itself. Every document
 * read on the way goes through the loader's own reading and parsing, with its limits.
 */
export async function bundleExternalRefs(
  source: string,
  document: Record<string, unknown>,
  readText: (location: string) => Promise<string>,
  parse: (location: string, text: string) => unknown,
): Promise<Record<string, unknown>> {
  const refs = externalRefs(document);
  if (refs.length === 0) return document;
  refusePlainHttpRefs(source, refs);
  const base = isUrl(source) ? source : path.resolve(source);
  const resolver = new LoaderResolver(readText, parse);
  const result = await bundle({
    doc: { source: new Source(base, ""), parsed: document },
    config: await createConfig({}),
    externalRefResolver: resolver,
    dereference: false,
  });
  const unresolved = result.problems.find((p) => p.severity === "error");
  if (unresolved) {
    const pointer = unresolved.location[0]?.pointer?.replace(/^#/, "");
    // The loader's own error says best what went wrong; Redocly only wraps it.
    const cause = resolver.failure;
    throw cause
      ? new SpecError(source, pointer, `the reference to ${cause.file} could not be followed: ${cause.problem}`, cause.remedy)
      : new SpecError(
          source,
          pointer,
          `has a reference that could not be followed: ${unresolved.message.replace(/\.$/, "")}.`,
          "Check the referenced file or URL.",
        );
  }
  return result.bundle.parsed as Record<string, unknown>;
}

/** Redocly's resolver with the loader's reading (https only, size and time limits) and parsing (alias limits). */
class LoaderResolver extends BaseResolver {
  /** The first error of the loader's own, kept because Redocly reports it as a plain "Can't resolve". */
  failure: SpecError | undefined;

  constructor(
    private readonly readText: (location: string) => Promise<string>,
    private readonly parse: (location: string, text: string) => unknown,
  ) {
    super();
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    try {
      return new Source(absoluteRef, await this.readText(absoluteRef));
    } catch (error) {
      return this.keep(error);
    }
  }

  override parseDocument(source: Source): Document {
    try {
      const parsed = this.parse(source.absoluteRef, source.body);
      refusePlainHttpRefs(source.absoluteRef, externalRefs(parsed));
      return { source, parsed };
    } catch (error) {
      return this.keep(error);
    }
  }

  private keep(error: unknown): never {
    if (error instanceof SpecError) this.failure ??= error;
    throw error;
  }
}
