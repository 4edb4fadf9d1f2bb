// Hey API: one process that generates a fetch client (types + SDK) for every given document.
import path from "node:path";
import { createClient } from "@hey-api/openapi-ts";

const [outDir, ...documents] = process.argv.slice(2);
for (const file of documents) {
  await createClient({
    input: file,
    output: { path: path.join(outDir, path.basename(file, ".json")), postProcess: [] },
    plugins: ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"],
    logs: { level: "silent" },
  });
}
