import { spawn } from "node:child_process";
import path from "node:path";
import { median } from "./measure.js";

/** Starts the JSON server in its own process, so it does not share the client's event loop; it answers with `bodyFile` when given. */
export async function startJsonServer(toolsDir: string, bodyFile?: string): Promise<{ origin: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(toolsDir, "json-server.mjs"), ...(bodyFile ? [bodyFile] : [])], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`json server exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** Requests per second with `concurrency` callers for `seconds`. */
async function requestsPerSecond(call: () => Promise<unknown>, concurrency: number, seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await call();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}

/** Alternates the contenders for `rounds` rounds after a warm-up, so drift affects both alike. */
export async function compareThroughput(contenders: Record<string, () => Promise<unknown>>, options: { concurrency: number; seconds: number; rounds: number }) {
  for (const call of Object.values(contenders)) await requestsPerSecond(call, options.concurrency, 0.5);
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const [name, call] of Object.entries(contenders)) samples[name]!.push(await requestsPerSecond(call, options.concurrency, options.seconds));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}
