import { describe, expect, it } from "vitest";
import { camelCase, pascalCase, words } from "../../generator/normalize/identifiers.js";
import { assignNames, operationIdName, pathName } from "../../generator/normalize/naming.js";

describe("identifiers", () => {
  it("splits snake case, camel case, acronyms and punctuation into words", () => {
    expect(words("server_group")).toEqual(["server", "group"]);
    expect(words("AWSInstanceCheck")).toEqual(["AWS", "Instance", "Check"]);
    expect(words("logs.zip")).toEqual(["logs", "zip"]);
    expect(camelCase("ListNodesMixin3")).toBe("listNodesMixin3");
    expect(pascalCase("email groups")).toBe("EmailGroups");
    expect(camelCase("2fa")).toBe("_2fa");
  });
});

describe("path naming rule (PEM)", () => {
  const name = (method: string, path: string) => {
    const n = pathName(method, path);
    return `${n.namespace}.${n.name}`;
  };

  it("uses the first segment as namespace and the method + item/collection as verb", () => {
    expect(name("get", "/server/")).toBe("server.list");
    expect(name("post", "/server/")).toBe("server.create");
    expect(name("get", "/server/{server_id}")).toBe("server.get");
    expect(name("put", "/server/{server_id}")).toBe("server.update");
    expect(name("delete", "/server/{server_id}")).toBe("server.delete");
    expect(name("get", "/server_group/")).toBe("serverGroup.list");
  });

  it("keeps /server/status/ apart from /server/{server_id}", () => {
    expect(name("get", "/server/status/")).toBe("server.listStatus");
    expect(name("get", "/server/status/{server_id}")).toBe("server.getStatus");
    expect(name("get", "/server/{server_id}")).toBe("server.get");
  });

  it("keeps /agent/{agent_id} apart from /agent/job/{agent_id} and /agent/job/{agent_id}/{job_id}", () => {
    expect(name("get", "/agent/{agent_id}")).toBe("agent.get");
    expect(name("get", "/agent/job/{agent_id}")).toBe("agent.getJob");
    expect(name("get", "/agent/job/{agent_id}/{job_id}")).toBe("agent.getJobByJobId");
  });

  it("names nested resources by their static segments", () => {
    expect(name("get", "/server/{sid}/database/{db_name}/schema/")).toBe("server.listDatabaseSchema");
    expect(name("get", "/email/groups")).toBe("email.listGroups");
  });

  it("ignores version segments and treats :verb custom methods as words", () => {
    expect(name("post", "/v1/actions:cancelAction")).toBe("action.createCancelAction");
  });

  it("is a pure function of method and path, so versions agree", () => {
    const v9 = assignNames(
      [
        { httpMethod: "get", path: "/server/{server_id}" },
        { httpMethod: "get", path: "/agent/" },
      ],
      "path",
    );
    const v10 = assignNames(
      [
        { httpMethod: "get", path: "/agent/job/{agent_id}" },
        { httpMethod: "get", path: "/agent/" },
        { httpMethod: "get", path: "/server/{server_id}" },
      ],
      "path",
    );
    expect(v10[2]).toEqual(v9[0]);
    expect(v10[1]).toEqual(v9[1]);
  });

  it("separates collisions by the ids each name left out", () => {
    const names = assignNames(
      [
        { httpMethod: "get", path: "/a/{x}/b" },
        { httpMethod: "get", path: "/a/b" },
      ],
      "path",
    );
    expect(names.map((n) => n.name)).toEqual(["listBByX", "listB"]);
    const clashing = assignNames(
      [
        { httpMethod: "get", path: "/probe/{probe_id}/data/" },
        { httpMethod: "get", path: "/probe/{internal_name}/data/" },
      ],
      "path",
    );
    expect(clashing.map((n) => `${n.namespace}.${n.name}`)).toEqual(["probe.listDataByProbeId", "probe.listDataByInternalName"]);
    const history = assignNames(
      [
        { httpMethod: "get", path: "/probe/{probe_id}/history/from/{start_time}/to/{end_time}" },
        { httpMethod: "get", path: "/probe/{internal_name}/history/from/{start_time}/to/{end_time}" },
      ],
      "path",
    );
    expect(history.map((n) => n.name)).toEqual(["getHistoryFromToByProbeId", "getHistoryFromToByInternalName"]);
  });

  it("uses the singular for namespaces, so /profiles/ and /profile/export/ share one", () => {
    expect(name("get", "/profiles/")).toBe("profile.list");
    expect(name("get", "/policies/")).toBe("policy.list");
    expect(name("get", "/indexes/")).toBe("index.list");
    expect(name("get", "/series/")).toBe("series.list");
    expect(name("get", "/news/")).toBe("news.list");
    expect(name("get", "/server/status/")).toBe("server.listStatus");
    expect(name("get", "/status/")).toBe("status.list");
    expect(name("get", "/alias/")).toBe("alias.list");
  });

  it("keeps the plural namespace when the singular one is taken by the same name", () => {
    const names = assignNames(
      [
        { httpMethod: "get", path: "/profile/" },
        { httpMethod: "get", path: "/profiles/" },
      ],
      "path",
    );
    expect(names.map((n) => `${n.namespace}.${n.name}`)).toEqual(["profile.list", "profiles.list"]);
  });

  it("names a write by its action word", () => {
    expect(name("post", "/profiles/{source_id}/clone")).toBe("profile.clone");
    expect(name("post", "/profile/export/")).toBe("profile.export");
    expect(name("post", "/alert/custom/import/")).toBe("alert.importCustom");
    expect(name("post", "/alert/copy/server/{server_id}/database/{database_name}")).toBe("alert.copyServerDatabase");
    expect(name("delete", "/profiles/{profile_id}/rollback")).toBe("profile.rollback");
    expect(name("get", "/probe/export/")).toBe("probe.listExport");
  });
});

describe("operationId naming rule (PMM)", () => {
  it("drops Mixin suffixes and uses the tag without Service as namespace", () => {
    expect(operationIdName("ListNodesMixin3", "ManagementService", "/v1/management/nodes")).toEqual({ namespace: "management", name: "listNodes" });
    expect(operationIdName("ListNodes", "NodesService", "/v1/inventory/nodes")).toEqual({ namespace: "nodes", name: "listNodes" });
    expect(operationIdName("Status", "HAService", "/v1/ha/status")).toEqual({ namespace: "ha", name: "status" });
  });

  it("falls back to the path's namespace when there is no tag, or the tag is only `Service`", () => {
    expect(operationIdName("Readiness", undefined, "/v1/server/readyz")).toEqual({ namespace: "server", name: "readiness" });
    expect(operationIdName("RemoveService", "Service", "/v1/management/Service/Remove")).toEqual({ namespace: "management", name: "removeService" });
  });

  it("separates two operations that share a name after removing Mixin", () => {
    const names = assignNames(
      [
        { httpMethod: "get", path: "/v1/backups/{artifact_id}/logs", operationId: "GetLogs", tag: "BackupService" },
        { httpMethod: "get", path: "/v1/restores/{restore_id}/logs", operationId: "GetLogsMixin5", tag: "BackupService" },
      ],
      "operationId",
    );
    expect(names[0]!.name).not.toBe(names[1]!.name);
    expect(names.every((n) => n.name.startsWith("getLogs") && !n.name.includes("Mixin"))).toBe(true);
  });

  it("names an operation by its path when its operationId has no letters or digits", () => {
    const [name] = assignNames([{ httpMethod: "get", path: "/v1/nodes", operationId: "!!!", tag: "NodesService" }], "operationId");
    expect(name).toEqual({ namespace: "nodes", name: "list" });
  });

  it("never shadows client members or makes a namespace thenable", () => {
    const [ns, method] = assignNames([{ httpMethod: "get", path: "/use/x", operationId: "Then", tag: "use" }], "operationId");
    expect(ns).toEqual({ namespace: "useApi", name: "thenOperation" });
    expect(method).toBeUndefined();
  });
});
