import type { ApiModel, OperationModel, ParameterModel } from "../../generator/normalize/build-model.js";
import { pascalCase } from "../../generator/normalize/identifiers.js";

/**
 * A hand-built operation for emitter tests: `GET /v1/things` (`things.listThings`), a JSON 200
 * and a JSON `default` error, unless `given` says otherwise. `parameters` (by location) follows
 * from `parameterList`, as build-model makes it.
 */
export function operationModel(given: Partial<OperationModel> = {}): OperationModel {
  const namespace = given.namespace ?? "things";
  const name = given.name ?? "listThings";
  const parameterList = given.parameterList ?? [];
  return {
    namespace,
    name,
    typeName: `${pascalCase(namespace)}${pascalCase(name)}`,
    httpMethod: "get",
    path: "/v1/things",
    deprecated: false,
    parameters: parameterGroups(parameterList),
    parameterList,
    sameUrlAs: [],
    success: [{ status: "200", contentType: "application/json" }],
    errors: [{ status: "default", contentType: "application/json" }],
    parseAs: "json",
    ...given,
  };
}

/** A PMM-like API version of `operations`; the emitters under test do not read its document. */
export function apiModel(operations: OperationModel[], given: Partial<Omit<ApiModel, "operations">> = {}): ApiModel {
  return {
    api: "pmm",
    version: "v3",
    auth: "pmm",
    basePath: "",
    document: { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {} },
    operations,
    ...given,
  };
}

function parameterGroups(list: readonly ParameterModel[]): OperationModel["parameters"] {
  const groups: OperationModel["parameters"] = {};
  for (const { location, required } of list) {
    groups[location] ??= { required: false };
    groups[location]!.required ||= required;
  }
  return groups;
}
