/**
 * The generator's one way to keep text from a spec or a command line from steering what shows:
 * control characters (ESC sequences, CR, line breaks), line and paragraph separators, and format
 * characters (bidi overrides and isolates, marks, zero-width characters: "Trojan Source") are
 * written as `\u` escapes. An escape means the same character in a JavaScript or JSON string, so
 * generated code keeps its meaning; in a comment, Markdown or a terminal it shows as the escape.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** As INVISIBLE, without the tab and line feed a file's own layout is made of. */
const INVISIBLE_IN_FILE = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** One code unit at a time (`\udb40\udc01` for U+E0001), the form JavaScript and JSON both read. */
function escaped(character: string): string {
  let text = "";
  for (let i = 0; i < character.length; i++) text += `\\u${character.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return text;
}

/** Text for one line of a message or report: every such character escaped, line breaks too. */
export function printable(text: string): string {
  return text.replace(INVISIBLE, escaped);
}

/** A generated file's content: every such character escaped except its tabs and line feeds. */
export function printableFile(content: string): string {
  return content.replace(INVISIBLE_IN_FILE, escaped);
}
