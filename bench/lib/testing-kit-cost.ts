import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { Pool } from "undici";
import { median } from "./measure.js";
import { compareThroughput } from "./throughput.js";

export interface KitRow {
  figure: string;
  tool: string;
  value: string;
  command: string;
}

const FIGURE = "9. Test kit (pem-pmm-client/testing)";
const NODES = 10;

/**
 * The test kit's start-up (first fake in a fresh process, module import included, and the next
 * one in the same process; median of `runs` processes) and the requests per second a fake PMM v3
 * in its own process answers `listNodes` with, to 16 concurrent callers on an undici Pool (the
 * package's own dependency): on this box global fetch tops out near 4,000 req/s against a server
 * that answers a fixed body, so it would measure itself rather than the fake.
 */
export async function measureTestingKit(root: string, runs: number) {
  const rows: KitRow[] = [];
  const startup: Record<string, { firstMs: number; nextMs: number; version: string }> = {};
  for (const api of ["pem", "pmm"]) {
    const samples = Array.from({ length: runs + 1 }, () =>
      JSON.parse(execFileSync(process.execPath, [path.join(root, "bench/tools/fake-start.mjs"), api], { encoding: "utf8" })),
    ).slice(1); // the first run warms the disk cache
    const firstMs = median(samples.map((s) => s.firstMs));
    const nextMs = median(samples.map((s) => s.nextMs));
    startup[api] = { firstMs, nextMs, version: samples[0].version };
    const command = `node bench/tools/fake-start.mjs ${api}`;
    rows.push(
      { figure: FIGURE, tool: `first startFakeP${api.slice(1)}() (${api} ${samples[0].version}), import included`, value: `${firstMs.toFixed(1)} ms`, command },
      { figure: FIGURE, tool: `next startFakeP${api.slice(1)}() in the same process`, value: `${nextMs.toFixed(1)} ms`, command },
    );
  }
  const child = spawn(process.execPath, [path.join(root, "bench/tools/fake-pmm-server.mjs"), String(NODES)], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString())));
      child.once("exit", (code) => reject(new Error(`the fake exited with ${code}`)));
    });
    const headers = { authorization: `Bearer ${token}` };
    const pool = new Pool(url, { connections: 16 });
    const list = async () => {
      const answer = await pool.request({ method: "GET", path: "/v1/inventory/nodes", headers });
      if (answer.statusCode !== 200) throw new Error(`listNodes answered ${answer.statusCode}`);
      return answer.body.json();
    };
    const { listNodes = 0 } = await compareThroughput({ listNodes: list }, { concurrency: 16, seconds: 2, rounds: runs }).finally(() => pool.close());
    rows.push({
      figure: FIGURE,
      tool: `fake PMM v3 answering listNodes (${NODES} nodes), 16 concurrent callers (undici Pool)`,
      value: `${Math.round(listNodes)} req/s`,
      command: "node --import tsx bench/testing-kit.ts",
    });
    return { rows, startup, listNodesPerSecond: listNodes };
  } finally {
    child.kill();
  }
}
