// openapi-typescript alone: one process that writes the types of every given document.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const [outDir, ...documents] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
for (const file of documents) {
  const nodes = await openapiTS(JSON.parse(readFileSync(file, "utf8")), { silent: true });
  writeFileSync(path.join(outDir, `${path.basename(file, ".json")}.d.ts`), astToString(nodes));
}
