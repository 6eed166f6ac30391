import { z } from "zod";
import type { Operation } from "@/lib/http/operation";
import { PERMISSIONS } from "@/lib/identity/permissions";
import { operations } from "./registry";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          enum: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID", "CONFLICT", "RATE_LIMITED", "INTERNAL"],
        },
        message: { type: "string" },
        fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      },
    },
  },
};

function schemaOf(t: z.ZodType, io: "input" | "output") {
  // Dates and transforms have no JSON form; "any" keeps the document valid instead of throwing.
  const s = z.toJSONSchema(t, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

function parametersOf(op: Operation) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const js = schemaOf(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema: s });
    }
  }
  return out;
}

function describeAuth(op: Operation): string {
  if ("public" in op.auth) return "Public.";
  if ("user" in op.auth) return "Any signed-in person.";
  const p = PERMISSIONS[op.auth.permission];
  return `Requires permission \`${op.auth.permission}\` (roles: ${p.roles.join(", ")}).`;
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers parse with. */
export function buildOpenApi(ops: Operation[] = operations) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const ok = String(op.successStatus ?? 200);
    const responses: Record<string, unknown> = {
      [ok]: op.response
        ? {
            description: "Success",
            content: { [op.produces ?? "application/json"]: { schema: schemaOf(op.response, "output") } },
          }
        : { description: "Success" },
      "400": {
        description: "Invalid input, with field errors",
        content: { "application/json": { schema: errorSchema } },
      },
    };
    if (!("public" in op.auth)) {
      responses["401"] = { description: "Not signed in", content: { "application/json": { schema: errorSchema } } };
      responses["403"] = {
        description: "Role lacks permission",
        content: { "application/json": { schema: errorSchema } },
      };
    }
    if (op.params)
      responses["404"] = {
        description: "Missing, or another clinic's",
        content: { "application/json": { schema: errorSchema } },
      };
    if (op.method !== "GET")
      responses["409"] = { description: "Conflict", content: { "application/json": { schema: errorSchema } } };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      description: describeAuth(op),
      tags: [op.tag],
      "x-permission": "permission" in op.auth ? op.auth.permission : "public" in op.auth ? "public" : "signed-in",
      parameters: parametersOf(op),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: schemaOf(op.body, "input"),
                  ...(op.exampleBody ? { example: op.exampleBody } : {}),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Knotwork API",
      version: "1.0.0",
      description: "Practice management for trigger point clinics. Session cookie authentication (next-auth).",
    },
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } } },
    security: [{ session: [] }],
    paths,
  };
}
