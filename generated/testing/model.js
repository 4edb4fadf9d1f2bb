/** Follows `$ref`s (`#/components/schemas/…`) to the schema they name; undefined for one that leads nowhere. */
export function resolve(model, schema) {
    let current = schema;
    for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
        if (hops > 64 || !current.$ref.startsWith("#/"))
            return undefined;
        let target = model.document;
        for (const token of current.$ref.slice(2).split("/")) {
            const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
            target = target && typeof target === "object" && Object.hasOwn(target, key) ? target[key] : undefined;
        }
        current = target;
    }
    return current;
}
