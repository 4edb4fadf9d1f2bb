import { UsageError } from "../errors.js";
import { AUTH_KINDS, LOGIN_KINDS } from "../load/login-kinds.js";
const FLAGS = {
    password: {
        flag: "auth",
        value: "<user>:<password>",
        parse(value) {
            const colon = value.indexOf(":");
            if (colon <= 0)
                throw new UsageError("--auth takes <user>:<password> (or env:NAME holding that).");
            return { username: value.slice(0, colon), password: value.slice(colon + 1) };
        },
    },
    token: { flag: "token", value: "<token>", parse: (token) => ({ token }) },
    apiKey: { flag: "api-key", value: "<key>", parse: (apiKey) => ({ apiKey }) },
};
/** The shapes some login kind takes (generator/load/login-kinds.ts): one flag each. */
const KINDS = AUTH_KINDS.map((kind) => LOGIN_KINDS[kind]);
const OFFERED = Object.keys(FLAGS).filter((shape) => KINDS.some((kind) => kind.credentials[shape]));
/** The flags for `parseArgs`. */
export const CREDENTIAL_OPTIONS = Object.fromEntries(OFFERED.map((shape) => [FLAGS[shape].flag, { type: "string" }]));
/** Every credential flag, for a message to someone who gave none: `--auth, --token or --api-key`. */
export function anyCredentialFlag() {
    const flags = OFFERED.map((shape) => `--${FLAGS[shape].flag}`);
    return flags.length > 1 ? `${flags.slice(0, -1).join(", ")} or ${flags.at(-1)}` : flags.join("");
}
const usageOf = (shape) => `--${FLAGS[shape].flag} ${FLAGS[shape].value}`;
/** The help lines: each flag with what it means for each kind that takes it. */
export function credentialHelp() {
    const width = Math.max(...OFFERED.map((shape) => usageOf(shape).length)) + 3;
    return OFFERED.map((shape) => {
        const meanings = KINDS.flatMap((kind) => kind.credentials[shape] ?? []);
        return `  ${usageOf(shape).padEnd(width)}${meanings.join("; ")}`;
    }).join("\n");
}
/** The client's `auth` from the one credential flag given, and that flag (`--auth`); undefined without one. */
export function credentials(values, api, kind, env) {
    const given = OFFERED.filter((shape) => typeof values[FLAGS[shape].flag] === "string");
    if (given.length > 1)
        throw new UsageError(`give one of ${given.map((shape) => `--${FLAGS[shape].flag}`).join(", ")}, not several.`);
    const [shape] = given;
    if (shape === undefined)
        return undefined;
    const { flag, parse } = FLAGS[shape];
    if (!kind.credentials[shape]) {
        const accepted = OFFERED.filter((s) => kind.credentials[s]).map(usageOf);
        throw new UsageError(`--${flag} is not a way to log in to ${api}; it takes ${accepted.join(" or ")}.`);
    }
    return { auth: parse(secret(`--${flag}`, values[flag], env)), flag: `--${flag}` };
}
/** A credential flag's value, or with `env:NAME` that environment variable's. */
function secret(option, value, env) {
    if (!value.startsWith("env:"))
        return value;
    const name = value.slice(4);
    const fromEnv = env[name];
    if (!fromEnv)
        throw new UsageError(`${option} env:${name}: the environment variable ${name} is not set.`);
    return fromEnv;
}
