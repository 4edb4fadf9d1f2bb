// A fake PMM of pem-pmm-client/testing in its own process, seeded with NODES generic nodes;
// prints its URL and token once listening.
const { startFakePmm } = await import(new URL("../../generated/testing/index.js", import.meta.url).href);
const nodes = Number(process.argv[2] ?? 10);
const seed = { "/v1/inventory/nodes": Array.from({ length: nodes }, (_, i) => ({ generic: { node_name: `node-${i}`, address: `10.0.0.${i}` } })) };
const fake = await startFakePmm({ version: "v3", seed });
process.stdout.write(`${JSON.stringify({ url: fake.url, token: fake.tokens[0] })}\n`);
