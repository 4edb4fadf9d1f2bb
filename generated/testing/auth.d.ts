import type { Gate } from "./engine.js";
import type { FakeModel } from "./model.js";
/** A user a fake accepts. */
export interface FakeUser {
    username: string;
    password: string;
}
/**
 * PEM's token API: `POST …/token/` checks the user and answers 201 with `X-Subject-Token`;
 * every other call needs a live `X-Auth-Token`; `DELETE …/token/` releases it.
 */
export declare class PemTokens {
    private readonly settings;
    /** Live tokens → when each expires (ms since the epoch). */
    private readonly live;
    /** Every token issued, in order, released or not. */
    readonly issued: string[];
    constructor(settings: {
        users: readonly FakeUser[];
        ttlMs: number;
        tokenModel: FakeModel;
        supported: readonly string[];
    });
    /** Makes every issued token expire now, as time passing would. */
    expire(): void;
    readonly gate: Gate;
}
/**
 * PMM's credentials: `Authorization: Bearer TOKEN` with an accepted token (service account
 * token or API key), Basic `api_key:TOKEN`, or Basic with a user's name and password.
 */
export declare function pmmGate(tokens: readonly string[], users: readonly FakeUser[]): Gate;
