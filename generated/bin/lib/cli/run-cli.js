import { SpecError, UsageError } from "../errors.js";
/**
 * Runs a CLI entry point: bad input prints one paragraph and exits 1, usage errors exit 2,
 * anything unexpected prints its stack (that is a bug worth reporting).
 */
export function runCli(main) {
    // A reader that stops early (`npm run diff -- … | head`) closes the pipe: that ends the output, quietly.
    process.stdout.on("error", (error) => {
        if (error.code !== "EPIPE")
            throw error;
        process.exit(process.exitCode ?? 0);
    });
    main().then((code) => {
        process.exitCode = code ?? 0;
    }, (error) => {
        if (error instanceof UsageError) {
            process.stderr.write(`error: ${error.message}\nRun with --help for usage.\n`);
            process.exitCode = 2;
        }
        else if (error instanceof SpecError) {
            process.stderr.write(`error: ${error.message}\n`);
            process.exitCode = 1;
        }
        else {
            process.stderr.write(`internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
            process.exitCode = 1;
        }
    });
}
/** Wraps node:util parseArgs errors as usage errors. */
export function usage(parse) {
    try {
        return parse();
    }
    catch (error) {
        throw new UsageError(error.message);
    }
}
