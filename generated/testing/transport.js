import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
/** Largest request body read, as a real server would limit it. */
const MAX_BODY = 16 * 1024 * 1024;
/** A request's parts as the engine reads them, from its URL, headers and body text. */
export function requestParts(method, url, headers, text) {
    const query = {};
    for (const [name, value] of url.searchParams) {
        const seen = query[name];
        query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    let body;
    if (text !== "") {
        try {
            body = JSON.parse(text);
        }
        catch {
            body = text;
        }
    }
    return { method: method.toUpperCase(), path: url.pathname, query, headers, body };
}
function encode(answer) {
    if (answer.body === undefined || answer.status === 204 || answer.status === 304)
        return { headers: answer.headers, text: undefined };
    return { headers: { "content-type": "application/json", ...answer.headers }, text: JSON.stringify(answer.body) };
}
/** Serves the engine on 127.0.0.1 at a free port, over HTTPS when given a certificate. */
export async function listen(engine, tls) {
    const handler = (request, response) => void serve(engine, request, response, tls ? "https" : "http");
    const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handler) : createHttpServer(handler);
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address();
    return {
        url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
        close: () => new Promise((resolve) => {
            engine.close();
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
async function serve(engine, request, response, scheme) {
    try {
        const chunks = [];
        let size = 0;
        for await (const chunk of request) {
            size += chunk.length;
            if (size > MAX_BODY)
                return void response.writeHead(413).end();
            chunks.push(chunk);
        }
        const headers = {};
        for (const [name, value] of Object.entries(request.headers))
            if (value !== undefined)
                headers[name] = Array.isArray(value) ? value.join(", ") : value;
        const url = new URL(request.url ?? "/", `${scheme}://${request.headers.host ?? "127.0.0.1"}`);
        const answer = await engine.handle(requestParts(request.method ?? "GET", url, headers, Buffer.concat(chunks).toString("utf8")));
        const { headers: out, text } = encode(answer);
        response.writeHead(answer.status, out);
        response.end(text);
    }
    catch (error) {
        // A bug of the fake must show in the test that met it, as a 500 with what went wrong.
        if (!response.headersSent)
            response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: `the fake failed: ${error instanceof Error ? error.message : String(error)}` }));
    }
}
/** A `fetch` answering from the engine, with no socket: for `createClient({ fetch })`. */
export function engineFetch(engine) {
    return async (input, init) => {
        const request = new Request(input, init);
        const headers = {};
        request.headers.forEach((value, name) => {
            headers[name] = value;
        });
        const answer = await engine.handle(requestParts(request.method, new URL(request.url), headers, await request.text()));
        const { headers: out, text } = encode(answer);
        return new Response(text ?? null, { status: answer.status, headers: out });
    };
}
