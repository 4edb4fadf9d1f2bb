// orval: one process that generates a fetch client for every given document.
import path from "node:path";
import { generate } from "orval";

const [outDir, ...documents] = process.argv.slice(2);
for (const file of documents) {
  await generate({ input: { target: file }, output: { target: path.join(outDir, `${path.basename(file, ".json")}.ts`), client: "fetch", prettier: false } });
}
