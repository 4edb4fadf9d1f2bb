/** Without a logger, only warnings are shown (on stderr); debug and info stay silent. */
const defaultLogger = {
    warn: (message) => process.emitWarning(message, { code: "PEM_PMM_CLIENT" }),
};
export function resolveLogger(logger) {
    const target = logger ?? defaultLogger;
    const noop = () => { };
    return {
        debug: target.debug?.bind(target) ?? noop,
        info: target.info?.bind(target) ?? noop,
        warn: target.warn?.bind(target) ?? noop,
    };
}
