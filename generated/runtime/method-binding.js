import { callArguments } from "./call-arguments.js";
import { apiErrorFrom, InvalidResponseError } from "./errors.js";
import { checkInput, checkPathValues, pathParameterNames } from "./input-guards.js";
import { PATH_METHODS } from "./path-client.js";
import { bodyOptions } from "./transport/form-body.js";
import { validationMode } from "./validation.js";
/**
 * Puts the client's methods on `client`, one frozen namespace per group of the operation table,
 * whose methods resolve to the data or reject with an ApiError. Returns openapi-fetch's path
 * calls (`GET`, …, `request`, `use`, `eject`) with their `{ data, error, response }` contract,
 * which the version entries' `pathClient` hands out (path-client.ts).
 */
export function bindMethods(client, operations, context) {
    const { fetchClient, lastMiddleware } = context;
    const viaFetchClient = parsingJsonHere(fetchClient.request);
    const direct = parsingJsonHere(context.direct);
    /** The caller's middleware → how many times it is registered, as openapi-fetch's `use` and `eject` count. */
    const callersMiddleware = new Map();
    const request = (method, path, init) => (callersMiddleware.size > 0 ? viaFetchClient : direct)(method, path, init);
    // The methods check their whole input themselves (checkInput), with their own names in the errors.
    const pathCall = checkingPathValues(viaFetchClient);
    const pathCalls = {};
    for (const name of PATH_METHODS)
        pathCalls[name] = (path, init) => pathCall(name, path, init);
    pathCalls.request = pathCall;
    pathCalls.use = (...middleware) => {
        // Counted first: should openapi-fetch refuse one of them, the methods keep going through it, which is never wrong.
        for (const one of middleware)
            if (one)
                callersMiddleware.set(one, (callersMiddleware.get(one) ?? 0) + 1);
        fetchClient.eject(lastMiddleware);
        fetchClient.use(...middleware, lastMiddleware);
    };
    pathCalls.eject = (...middleware) => {
        fetchClient.eject(...middleware);
        for (const one of middleware) {
            const count = callersMiddleware.get(one) ?? 0;
            if (count > 1)
                callersMiddleware.set(one, count - 1);
            else
                callersMiddleware.delete(one);
        }
    };
    for (const [namespace, methods] of Object.entries(operations)) {
        const group = {};
        for (const [name, operation] of Object.entries(methods)) {
            const call = { operation: `${namespace}.${name}`, method: operation.method, path: operation.path };
            const pathNames = pathParameterNames(operation.path);
            // Async, so that a mistaken input or misplaced call options reject the call, as every other failure does.
            group[name] = async (first, second) => {
                const input = operation.noInput ? "none" : operation.inputRequired ? "required" : "optional";
                const { input: given, callOptions } = callArguments(call.operation, input, first, second);
                checkInput(call.operation, operation, pathNames, given);
                return callOperation(request, context, operation, call, given, callOptions);
            };
        }
        client[namespace] = Object.freeze(group);
    }
    return Object.freeze(pathCalls);
}
async function callOperation(request, context, operation, call, input, callOptions) {
    const { checking, secrets } = context;
    // Both modes are read before anything is sent: a mistyped one must not fail after a write went through.
    const validateRequest = validationMode("validateRequests", callOptions?.validateRequests, checking.validateRequests);
    const validate = validationMode("validate", callOptions?.validate, checking.validate);
    // Form bodies hold files and are encoded by the runtime: only JSON bodies are checked.
    if (validateRequest !== "off" && input?.body !== undefined && !operation.form)
        await checking.validation.request(call, input.body, validateRequest, secrets);
    const { headers: bodyHeaders, ...body } = bodyOptions(operation.form, input?.body);
    const { data, error, response } = await request(operation.method, operation.path, {
        params: { path: input?.path, query: input?.query, header: input?.header },
        ...body,
        parseAs: operation.parseAs ?? "json",
        ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
        ...(bodyHeaders || callOptions?.headers ? { headers: { ...bodyHeaders, ...callOptions?.headers } } : {}),
    });
    // A server may echo the request (its headers, the token) in an error body or its headers.
    if (!response.ok)
        throw apiErrorFrom({ method: operation.method, path: operation.path, response, body: error, secrets: secrets() });
    // An empty answer's data is undefined: where the spec gives that status a body, that is drift too.
    if (validate !== "off" && !operation.parseAs)
        await checking.validation.response(call, response.status, data, validate, secrets);
    return data;
}
/**
 * openapi-fetch's `request` refusing the path values that would send the call elsewhere (see
 * input-guards.ts), for openapi-fetch's own calls (`GET`, …), which the methods go through too.
 */
function checkingPathValues(request) {
    return async (method, path, init) => {
        const params = init?.params;
        checkPathValues(`${method.toUpperCase()} ${path}`, pathParameterNames(path), params?.path);
        return request(method, path, init);
    };
}
/**
 * openapi-fetch's `request` with a JSON success answer parsed here instead, so that the
 * answer's malformed body, and only that (not a SyntaxError of the caller's middleware), is an
 * InvalidResponseError. An empty body is `undefined`, as openapi-fetch has it.
 */
function parsingJsonHere(request) {
    return async (method, path, init) => {
        if ((init?.parseAs ?? "json") !== "json")
            return request(method, path, init);
        const result = await request(method, path, { ...init, parseAs: "text" });
        if (!result.response.ok || typeof result.data !== "string")
            return result;
        try {
            return { ...result, data: result.data ? JSON.parse(result.data) : undefined };
        }
        catch {
            throw new InvalidResponseError(method.toUpperCase(), path, "the body of its success answer is not valid JSON");
        }
    };
}
