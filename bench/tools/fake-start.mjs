// Times pem-pmm-client/testing in a fresh process: the first fake (module import included) and the next one.
// Prints one JSON line: { api, firstMs, nextMs }. Argument: "pem" or "pmm".
const api = process.argv[2];
const started = performance.now();
const kit = await import(new URL("../../generated/testing/index.js", import.meta.url).href);
const start = api === "pem" ? kit.startFakePem : kit.startFakePmm;
const first = await start();
const firstMs = performance.now() - started;
const again = performance.now();
const next = await start();
const nextMs = performance.now() - again;
await Promise.all([first.close(), next.close()]);
process.stdout.write(`${JSON.stringify({ api, version: first.version, firstMs, nextMs })}\n`);
