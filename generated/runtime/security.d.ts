/**
 * Refuses to send credentials over plain http:// to anything but this machine, unless the
 * caller explicitly allows it.
 */
export declare function assertSafeTransport(url: string, what: string, allowInsecureHttp: boolean): void;
