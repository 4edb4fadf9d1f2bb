// A small JSON endpoint on 127.0.0.1 for the throughput figure; prints its port.
import { createServer } from "node:http";

const body = JSON.stringify({ generic: [{ node_id: "n1", node_name: "db1" }] });
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
