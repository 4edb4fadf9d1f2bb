/** One layout: the versioned API's base URL and the token API beside it. */
export interface PemEndpoints {
    baseUrl: string;
    tokenUrl: string;
    /** The token URL's path, as messages and logs name it. */
    tokenPath: string;
}
/** Whether an answer says there is nothing at that path. */
export declare function isNotHere(response: Response): boolean;
/**
 * Whether a login answer came from PEM's token API: a token, or a verdict on the credentials.
 * A success without a token is a web page that answers every path.
 */
export declare function isTokenApi(response: Response): boolean;
/** A login answer that sends the client on to the next layout: nothing there, or a web page that answers every path (a failure such as 503 is the token API's own). */
export declare function notTheTokenApi(response: Response): boolean;
/** PEM's token API sits beside the versioned data APIs: `…/api/v10` → `…/api/token/`. */
export declare function defaultTokenUrl(baseUrl: string): string;
/**
 * The layouts to try, in order. An explicit path in `baseUrl` or `tokenUrl` is the only
 * candidate; an origin alone gives the spec's layout first and the other one second.
 */
export declare function pemEndpointCandidates(settings: {
    origin: string;
    explicitBaseUrl?: string | undefined;
    tokenUrl?: URL | undefined;
    specBasePath: string;
}): PemEndpoints[];
/**
 * A URL under another base URL; openapi-fetch (or the methods, as it does) has put the first
 * candidate's base in front of every path, before the login told which layout is right.
 */
export declare function relocatedUrl(url: string, from: string, to: string): string;
/** The same request sent under another base URL (relocatedUrl). */
export declare function relocate(request: Request, from: string, to: string): Promise<Request>;
