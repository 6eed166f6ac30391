import { describe, expect, it } from "vitest";
import type { Operation } from "@/lib/http/operation";
import { HTTP_METHODS, apiPathOf, listRouteFiles, routeFileFor } from "@/lib/testing/route-files";
import { operations } from "./registry";

type RouteModule = Record<string, unknown>;
const opOf = (handler: unknown): Operation | undefined => (handler as { op?: Operation } | undefined)?.op;

describe("API registry ↔ route files", () => {
  const files = listRouteFiles();

  it("finds the route files (and maps folders to paths)", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(apiPathOf("clients/[clientId]/archive")).toBe("/api/clients/{clientId}/archive");
    expect(routeFileFor("/api/clients/{clientId}")).toMatch(/app\/api\/clients\/\[clientId\]\/route\.ts$/);
  });

  it("has one operation per id and per path and method", () => {
    const ids = operations.map((o) => o.id);
    const keys = operations.map((o) => `${o.method} ${o.path}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("every exported handler serves the registry operation for its path and method", async () => {
    const problems: string[] = [];
    for (const { path, file } of files) {
      const mod = (await import(file)) as RouteModule;
      const methods = HTTP_METHODS.filter((m) => m in mod);
      if (methods.length === 0) problems.push(`${path}: route file exports no HTTP method`);
      for (const method of methods) {
        const expected = operations.find((o) => o.path === path && o.method === method);
        const actual = opOf(mod[method]);
        if (!expected) problems.push(`${method} ${path}: exported but not in lib/api/registry.ts`);
        else if (!actual) problems.push(`${method} ${path}: handler has no .op (wrap it with route())`);
        else if (actual !== expected)
          problems.push(`${method} ${path}: handler serves ${actual.id}, registry says ${expected.id}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every registry operation has a route file exporting its method", async () => {
    const problems: string[] = [];
    for (const op of operations) {
      const file = files.find((f) => f.path === op.path);
      if (!file) {
        problems.push(`${op.id}: no route file for ${op.path} (expected ${routeFileFor(op.path)})`);
        continue;
      }
      const mod = (await import(file.file)) as RouteModule;
      if (opOf(mod[op.method]) !== op) problems.push(`${op.id}: ${file.path} does not export ${op.method} for it`);
    }
    expect(problems).toEqual([]);
  });
});
