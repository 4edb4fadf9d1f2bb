/**
 * A defect of a document that `diff` reads past (`generate` refuses it): where it is, what is
 * wrong, and what the comparison does about it.
 */
export interface Defect {
  pointer: string;
  /** `the parameter's \`schema\` is missing`. */
  problem: string;
  /** `compared without it`. */
  handling: string;
}

/** Where lenient reading reports the defects it reads past; absent, reading is strict. */
export type OnDefect = (defect: Defect) => void;
