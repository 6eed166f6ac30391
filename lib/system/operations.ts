import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";

export const health = defineOperation({
  id: "health",
  method: "GET",
  path: "/api/health",
  tag: "System",
  summary: "Liveness and database mode",
  auth: { public: true },
  response: z.object({ status: z.literal("ok"), database: z.enum(["postgres", "pglite"]) }),
});

export const openapi = defineOperation({
  id: "openapi",
  method: "GET",
  path: "/api/openapi.json",
  tag: "System",
  summary: "This OpenAPI 3.1 document",
  auth: { public: true },
  response: z
    .object({
      openapi: z.string(),
      info: z.object({ title: z.string() }).loose(),
      paths: z.record(z.string(), z.unknown()),
    })
    .loose(),
});
