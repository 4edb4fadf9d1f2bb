/** Receives what the runtime does. Messages never contain credentials or tokens. */
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  /** `details`, when given, is the same report as fields (response validation's operation, status, pointer, expected, received). */
  warn?(message: string, details?: Record<string, unknown>): void;
}

/** Without a logger, only warnings are shown (on stderr); debug and info stay silent. */
const defaultLogger: Logger = {
  warn: (message) => process.emitWarning(message, { code: "PEM_PMM_CLIENT" }),
};

export function resolveLogger(logger: Logger | undefined): Required<Logger> {
  const target = logger ?? defaultLogger;
  const noop = () => {};
  return {
    debug: target.debug?.bind(target) ?? noop,
    info: target.info?.bind(target) ?? noop,
    warn: target.warn?.bind(target) ?? noop,
  };
}
