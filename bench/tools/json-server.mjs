// A small JSON endpoint on 127.0.0.1 for the throughput figures; prints its port. It answers
// every request with the JSON file named as its argument, else with a one-node list.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = process.argv[2] ? readFileSync(process.argv[2], "utf8") : JSON.stringify({ generic: [{ node_id: "n1", node_name: "db1" }] });
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
