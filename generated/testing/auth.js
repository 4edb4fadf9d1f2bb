import { randomUUID } from "node:crypto";
import { fill } from "./values.js";
const unauthorized = (message) => ({ status: 401, headers: {}, body: { message } });
/**
 * PEM's token API: `POST …/token/` checks the user and answers 201 with `X-Subject-Token`;
 * every other call needs a live `X-Auth-Token`; `DELETE …/token/` releases it.
 */
export class PemTokens {
    settings;
    /** Live tokens → when each expires (ms since the epoch). */
    live = new Map();
    /** Every token issued, in order, released or not. */
    issued = [];
    constructor(settings) {
        this.settings = settings;
    }
    /** Makes every issued token expire now, as time passing would. */
    expire() {
        for (const token of this.live.keys())
            this.live.set(token, 0);
    }
    gate = (request, matched) => {
        const operation = matched.route.op.operation;
        if (operation === "token.create") {
            const body = request.body;
            const user = this.settings.users.find((u) => u.username === body?.username && u.password === body?.password);
            if (!user)
                return unauthorized("The given information is not valid.");
            const token = randomUUID();
            const issuedAt = Date.now();
            this.live.set(token, issuedAt + this.settings.ttlMs);
            this.issued.push(token);
            const schema = matched.route.op.success[0]?.schema;
            const answer = {
                issuedAt: new Date(issuedAt).toISOString(),
                expiresAt: new Date(issuedAt + this.settings.ttlMs).toISOString(),
                supported_api_versions: this.settings.supported,
                deprecated_api_versions: [],
            };
            return { status: 201, headers: { "X-Subject-Token": token }, body: fill(this.settings.tokenModel, schema, answer) };
        }
        const token = request.headers["x-auth-token"] ?? "";
        if (!((this.live.get(token) ?? 0) > Date.now()))
            return unauthorized("Invalid token");
        if (operation === "token.delete") {
            this.live.delete(token);
            return { status: 204, headers: {} };
        }
        return undefined;
    };
}
/**
 * PMM's credentials: `Authorization: Bearer TOKEN` with an accepted token (service account
 * token or API key), Basic `api_key:TOKEN`, or Basic with a user's name and password.
 */
export function pmmGate(tokens, users) {
    return (request) => {
        const header = request.headers.authorization ?? "";
        const [scheme = "", value = ""] = header.split(" ", 2);
        if (scheme.toLowerCase() === "bearer" && tokens.includes(value))
            return undefined;
        if (scheme.toLowerCase() === "basic") {
            const decoded = Buffer.from(value, "base64").toString("utf8");
            const colon = decoded.indexOf(":");
            const [name, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
            if (colon > 0 && name === "api_key" && tokens.includes(secret))
                return undefined;
            if (colon > 0 && users.some((u) => u.username === name && u.password === secret))
                return undefined;
        }
        return { status: 401, headers: {}, body: { code: 16, message: "Unauthenticated", details: [] } };
    };
}
