/** An OpenAPI 3.0 document with `count` operations (a GET and a DELETE per path), for scaling figures and tests. */
export function syntheticSpec(count: number): object {
  const paths: Record<string, object> = {};
  const item = { type: "object", properties: { id: { type: "string" }, size: { type: "integer" } } };
  for (let i = 0; i < count; i += 2) {
    const parameters = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
    const ok = { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } };
    paths[`/items${i}/{id}`] = {
      get: { operationId: `getItem${i}`, tags: [`group${i % 50}`], parameters, responses: { 200: ok } },
      ...(i + 1 < count
        ? { delete: { operationId: `deleteItem${i}`, tags: [`group${i % 50}`], parameters, responses: { 204: { description: "gone" } } } }
        : {}),
    };
  }
  return { openapi: "3.0.3", info: { title: "synthetic", version: "1" }, paths, components: { schemas: { Item: item } } };
}
