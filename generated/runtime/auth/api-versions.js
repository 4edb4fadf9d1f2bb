import { InvalidResponseError } from "../errors.js";
/** A version name as a server may list it (`v10`, `10`, `4.1`): short, and safe to quote in a message or log. */
const VERSION_NAME = /^[\w.-]{1,40}$/;
/**
 * One of the version lists of PEM's login answer (`supported_api_versions`,
 * `deprecated_api_versions`): absent means empty; anything but a list of version names
 * means the answer is not one the client can trust.
 */
export function versionList(body, field, loginPath) {
    const value = body[field];
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || !value.every((name) => typeof name === "string" && VERSION_NAME.test(name))) {
        throw new InvalidResponseError("POST", loginPath, `the login answer's ${field} is not a list of API version names`);
    }
    return value;
}
