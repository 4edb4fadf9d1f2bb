import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { printable, printedPointer } from "../../templates/runtime/errors.js";
import { assertSafeTransport } from "../../templates/runtime/security.js";
import { anyCredentialFlag, CREDENTIAL_OPTIONS, credentialHelp, credentials } from "../cli/credential-flags.js";
import { type CliIo, usage } from "../cli/run-cli.js";
import { UsageError } from "../errors.js";
import { type AuthKind, LOGIN_KINDS } from "../load/login-kinds.js";
import {
  type CallOutcome,
  type CheckRun,
  defaultCalls,
  listedCalls,
  type PlannedCall,
  runCalls,
  type SkippedOperation,
  skippedOperations,
  tableOperations,
} from "./server-check.js";

/** Where check-server runs from: the generator's repository or the installed package. */
export interface CheckSite {
  /** How the command is typed there: `npm run check-server --`, `npx pem-pmm-client check-server`. */
  command: string;
  /** What the generated client is checked against, for --help. */
  against: string;
  /** Extra lines of --help's exit codes. */
  exitCodes: string;
  /**
   * The folder of the generated entry `api`/`version`, or an exit code when there is nothing to
   * check (the site has reported why).
   *
   * @throws {UsageError} no such version there.
   */
  locate(api: string, version: string, io: CliIo): Promise<string | number>;
}

const help = (site: CheckSite) => `Usage:
  ${site.command} <api> <version> --base-url <url> [credentials] [options]

Calls a live server read-only and checks every answer against ${site.against}
(with validate: "strict"): which operations and
which fields disagree. It calls every GET operation whose input is optional (with none) and
that answers JSON, or only those --operations lists; one whose answer the spec gives no JSON
schema is "not checked". The report lists every operation it did not call, with the reason.
It logs in once for the whole run; rejected credentials or a TLS failure stop it (exit 3).

Credentials (each value may be env:NAME, to read it from that environment variable instead of
the command line, where other users of the machine can see it):
${credentialHelp()}

Options:
  --operations <file>  a JSON array of the GET methods to call, each a name or an object with
                       the method's input: ["server.list", { "operation": "server.get",
                       "input": { "path": { "server_id": "1" } } }]
  --ca <file>          a PEM-encoded CA certificate to trust (PEM's self-signed CA)
  --insecure           skip TLS verification (anyone on the network path can read the credentials)
  --allow-insecure-http  send the credentials over plain http:// to another machine (refused
                       without it: anyone on the network path could read them; use https://)
  --timeout-ms <ms>    each call's deadline (default 30000)
  -h, --help           show this help

Credentials are never printed. Exit codes: 0 every answer agrees with the spec, 1 some disagree,
2 usage error, 3 none disagree but some calls could not be checked (or the run stopped)${site.exitCodes}.`;

/** `check-server`: call a live server read-only and compare its answers with the version's spec. */
export async function checkServerCommand(argv: string[], io: CliIo, site: CheckSite): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      options: {
        "base-url": { type: "string" },
        ...CREDENTIAL_OPTIONS,
        operations: { type: "string" },
        ca: { type: "string" },
        insecure: { type: "boolean", default: false },
        "allow-insecure-http": { type: "boolean", default: false },
        "timeout-ms": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.stdout.write(`${help(site)}\n`);
    return 0;
  }
  const [api, version, ...rest] = positionals;
  if (!api || !version || rest.length > 0) throw new UsageError("give an API and a version, such as: pem v10.");
  if (!values["base-url"]) throw new UsageError("--base-url is required: the server to check, such as https://pem.example.com.");
  const located = await site.locate(api, version, io);
  if (typeof located === "number") return located;
  const entry = path.join(located, "index.js");
  const validatorsFile = path.join(located, "validators.js");
  const generated = await import(pathToFileURL(entry).href);
  const operations = tableOperations(generated.operationTable);
  const given = credentials(values, api, LOGIN_KINDS[generated.apiDescription.auth as AuthKind], io.env);
  const auth = given?.auth;
  checkTransport(values["base-url"], auth, values["allow-insecure-http"]);
  const calls = values.operations ? await listedCalls(operations, values.operations) : defaultCalls(operations);
  const skipped = skippedOperations(operations, calls, values.operations !== undefined);
  const { responses } = await import(pathToFileURL(validatorsFile).href);
  const options = {
    baseUrl: values["base-url"],
    auth,
    allowInsecureHttp: values["allow-insecure-http"],
    validate: "strict",
    ...(values.ca || values.insecure
      ? { tls: { ...(values.ca ? { ca: readCa(path.resolve(io.cwd, values.ca), values.ca) } : {}), ...(values.insecure ? { insecure: true } : {}) } }
      : {}),
    ...(values["timeout-ms"] ? { timeoutMs: Number(values["timeout-ms"]) } : {}),
    logger: { warn: (message: string) => io.stderr.write(`warning: ${message}\n`) },
  };
  let client: GeneratedClient;
  try {
    client = generated.createClient(options);
  } catch (error) {
    // The client refuses options it cannot use (a baseUrl that is not http(s), a timeout out of range) with a TypeError that says why.
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
  let run: CheckRun;
  try {
    run = await runCalls(client, calls, generated, (name) => Object.hasOwn(responses, name));
  } finally {
    await client.close();
  }
  const { outcomes, stopped } = run;
  const stoppedBefore = (stopped?.notCalled ?? []).map(({ operation, name }) => ({ operation, name, reason: "the run stopped before it" }));
  const notCalled = [...stoppedBefore, ...skipped];
  io.stdout.write(report(`${api} ${version}`, outcomes, notCalled));
  if (stopped) io.stderr.write(`error: ${stoppedMessage(stopped, given?.flag)}\n`);
  if (outcomes.some((o) => o.kind === "disagrees")) return 1;
  return stopped || outcomes.some((o) => o.kind === "unchecked") ? 3 : 0;
}

/** Why the run stopped, in this command's terms: its flags, not the client's options. */
function stoppedMessage(stopped: NonNullable<CheckRun["stopped"]>, flag: string | undefined): string {
  if (stopped.reason === "credentials") {
    const status = "status" in stopped.error && stopped.error.status !== undefined ? ` (HTTP ${stopped.error.status})` : "";
    const which = flag ?? anyCredentialFlag();
    return `the server rejected the credentials${status}, so the run stopped: more attempts could lock the account. Check ${which}.`;
  }
  return `${flagsFor(stopped.error.message)} The run stopped: every call would fail the same way.`;
}

/** The client's TLS advice (templates/runtime/errors.ts) with this command's flags for the client's options. */
const FLAG_FOR_OPTION: [string, string][] = [
  ["`tls.ca`", "--ca <file>"],
  ["`tls.insecure: true`", "--insecure"],
  ["the host in baseUrl", "the host in --base-url"],
  [", or set `tls.servername` to one", ""],
  [" and, if it requires a client certificate, `tls.cert` and `tls.key`", " (check-server sends no client certificate)"],
];

function flagsFor(message: string): string {
  return FLAG_FOR_OPTION.reduce((text, [option, flag]) => text.replaceAll(option, flag), message);
}

/** A client of the generated entry, as check-server calls it: namespaces of methods, and close(). */
type GeneratedClient = Parameters<typeof runCalls>[0] & { close(): Promise<void> };

/** Credentials over plain http:// to another machine: refused unless --allow-insecure-http, in this command's words. */
function checkTransport(baseUrl: string, auth: object | undefined, allowed: boolean): void {
  // A base URL that does not parse is the client's to refuse, with its own message.
  if (!auth || allowed || !URL.canParse(baseUrl)) return;
  try {
    assertSafeTransport(baseUrl, "--base-url", false);
  } catch {
    throw new UsageError(
      `--base-url ${new URL(baseUrl).host} is plain http://: anyone on the network path could read the credentials. Use https://, or add --allow-insecure-http if this network is trusted.`,
    );
  }
}

function readCa(file: string, given: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--ca ${given} cannot be read: ${(error as Error).message}`);
  }
}

function report(what: string, outcomes: CallOutcome[], notCalled: readonly SkippedOperation[]): string {
  const disagree = outcomes.filter((o) => o.kind === "disagrees");
  const unchecked = outcomes.filter((o) => o.kind === "unchecked");
  const counts =
    disagree.length === 0 && unchecked.length === 0
      ? `all agree with the spec`
      : `${disagree.length} disagree with the spec, ${unchecked.length} could not be checked`;
  const lines = [`${what}: ${outcomes.length} operation${outcomes.length === 1 ? "" : "s"} called; ${counts}; ${notCalled.length} not called.`];
  const label = (c: { name: string; operation: PlannedCall["operation"] }) => `${c.name} (${c.operation.entry.method} ${c.operation.entry.path})`;
  const where = (o: CallOutcome) => label(o.call);
  if (disagree.length > 0) lines.push("", "Disagree:");
  for (const o of disagree) {
    if (o.kind !== "disagrees") continue;
    lines.push(`  ${where(o)}, HTTP ${o.status}`);
    // The server chose the keys and values: printed escaped and cut short.
    for (const p of o.problems)
      lines.push(`    ${p.pointer ? printedPointer(p.pointer) : "(the body)"}: expected ${p.expected}, received ${printable(p.received)}`);
  }
  if (unchecked.length > 0) lines.push("", "Not checked:");
  for (const o of unchecked) if (o.kind === "unchecked") lines.push(`  ${where(o)}: ${flagsFor(o.reason)}`);
  if (notCalled.length > 0) lines.push("", "Not called:");
  for (const c of notCalled) lines.push(`  ${label(c)}: ${c.reason}`);
  return `${lines.join("\n")}\n`;
}
