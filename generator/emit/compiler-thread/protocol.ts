/**
 * What the main thread asks of the compiler thread: work that needs only the `typescript`
 * compiler, none of it ts-morph's.
 */
export type CompilerTask =
  /**
   * One converted document's schema types, from its JSON text: cheaper to send than the object
   * (a structured clone), and parsed there into the copy that the types are made from.
   */
  | { kind: "schemaTypes"; source: string; documentJson: string }
  /** A folder of templates/ (TEMPLATE_FOLDERS), compiled. */
  | { kind: "templateFolder"; templatesDir: string; folder: string }
  /** The package's `pem-pmm-client` command, compiled from generator/. */
  | { kind: "packageBin"; generatorDir: string };

/** What each kind of task gives: a text, or files by name. */
export interface CompilerResults {
  schemaTypes: string;
  templateFolder: Map<string, string>;
  packageBin: Map<string, string>;
}

export interface CompilerRequest {
  id: number;
  task: CompilerTask;
}

/** Its answer: the result and how long making it took, or what went wrong. */
export type CompilerReply =
  | { id: number; result: CompilerResults[CompilerTask["kind"]]; milliseconds: number }
  | {
      id: number;
      failure: { kind: "spec"; file: string; pointer: string | undefined; problem: string; remedy: string } | { kind: "internal"; message: string };
    };
