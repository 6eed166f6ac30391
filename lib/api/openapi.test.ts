import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/identity/permissions";
import { buildOpenApi } from "./openapi";
import { operations } from "./registry";

type DocOp = { operationId: string; "x-permission": string; requestBody?: unknown; responses: Record<string, unknown> };

describe("the OpenAPI document", () => {
  const doc = buildOpenApi();
  const paths = doc.paths as Record<string, Record<string, DocOp>>;

  it("is OpenAPI 3.1 and plain JSON", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("lists every registry operation, and nothing else", () => {
    for (const op of operations) {
      const entry = paths[op.path]?.[op.method.toLowerCase()];
      expect(entry?.operationId, `${op.method} ${op.path}`).toBe(op.id);
      expect(Boolean(entry?.requestBody), `${op.id} request body`).toBe(Boolean(op.body));
    }
    const documented = Object.values(paths).flatMap((methods) => Object.values(methods).map((m) => m.operationId));
    expect(documented.sort()).toEqual(operations.map((o) => o.id).sort());
  });

  it("states who may call each operation", () => {
    const allowed = new Set(["public", "signed-in", ...Object.keys(PERMISSIONS)]);
    for (const methods of Object.values(paths)) {
      for (const op of Object.values(methods)) {
        expect(allowed.has(op["x-permission"]), op.operationId).toBe(true);
        if (op["x-permission"] !== "public")
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "403"]));
      }
    }
  });
});
