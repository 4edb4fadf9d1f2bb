/** Splits a name such as `server_group`, `ListNodesMixin3`, `AWSInstance` or `logs.zip` into words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function camelCase(name: string): string {
  const parts = words(name).map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w.toLowerCase())));
  const joined = parts.join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

export function pascalCase(name: string): string {
  const joined = words(name)
    .map((w) => capitalize(w.toLowerCase()))
    .join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** Whether `name` can be written bare, as a property key or a TSDoc `@param` name. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
