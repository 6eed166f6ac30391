/**
 * The authorization walk (run by lib/api/authorization*.test.ts): every operation in the
 * OpenAPI document, called through its real route handler by anonymous, each Demo Clinic
 * role and each Other Clinic role, against Demo Clinic's objects. The document (not a
 * hand-kept list) drives the walk, so a new route is covered, or fails asking for a fixture.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rolesHave, type Permission, type Role } from "@/lib/identity/permissions";
import type { RouteHandler } from "@/lib/http/route";
import type { Operation } from "@/lib/http/operation";
import { freshDb, inRolledBackTransaction, type TestDb } from "./db";
import { routeFileFor } from "./route-files";
import { productionRolesIn, roleHandles, type RoleHandles } from "./role-handles";
import { clinicDb } from "@/db/clinic-db";
import { bodyFor, bodyRefersToDemo, buildWorld, demoClientLeaks, paramsFor, type World } from "./authz-fixtures";
import { ACTORS, BASE_URL, resolveActor, type ActorSpec } from "./authz-actors";
import { buildOpenApi } from "@/lib/api/openapi";

interface DocOperation {
  operationId: string;
  "x-permission": string;
  parameters: { name: string; in: string }[];
  requestBody?: { content: { "application/json": { example?: unknown } } };
  responses: Record<string, unknown>;
}

const doc = buildOpenApi();
const cases = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, DocOperation>).map(([method, op]) => ({
    path,
    method: method.toUpperCase(),
    op,
  })),
);

type Expected = 401 | 403 | 404 | "success";

/** Path parameters naming shared reference data (not a clinic's object): no 404 for other clinics. */
const SHARED_PATH_PARAMS = new Set(["instrumentId"]);

/**
 * What the actor must get: public → success for everyone; signed out → 401; a role without
 * the permission (x-permission, from lib/identity/permissions.ts) → 403; another clinic's actor
 * reaching a Demo object (path parameter, or an id in the body) → 404; otherwise success.
 */
function expectedFor(op: DocOperation, spec: ActorSpec, roles: Role[], refersToDemo: boolean): Expected {
  const perm = op["x-permission"];
  if (perm === "public") return "success";
  if (!spec.email) return 401;
  if (perm !== "signed-in" && !rolesHave(roles, perm as Permission)) return 403;
  const pathParams = op.parameters.some((p) => p.in === "path" && !SHARED_PATH_PARAMS.has(p.name));
  if (spec.clinic === "other" && (pathParams || refersToDemo)) return 404;
  return "success";
}

function errorCode(res: Response, text: string): string {
  if (res.ok) return "";
  try {
    // The message too: a wrong status is then diagnosed from the test output alone.
    const e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    return ` ${e?.code ?? ""}${e?.message ? ` (${e.message})` : ""}`;
  } catch {
    return "";
  }
}

/**
 * A successful JSON answer must match the operation's declared response schema: the schema is
 * what the OpenAPI document publishes and what the browser's types are built from, so a handler
 * that returns more, less or other than it declares is caught here, on a real answer.
 */
function responseShapeProblems(op: Operation, status: number, text: string, who: string): string[] {
  if (status === 204 || op.produces) return [];
  if (!op.response) return [`${op.id} answers JSON but declares no response schema`];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${who}: a ${status} answer that is not JSON`];
  }
  const parsed = op.response.safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues
    .slice(0, 3)
    .map((i) => `${who}: response does not match its schema at ${i.path.join(".") || "(root)"}: ${i.message}`);
}

/** Which of `parts` files runs an operation: stable as routes are added (a hash of its id). */
export function partOf(operationId: string, parts: number): number {
  return (createHash("sha256").update(operationId).digest().readUInt32BE(0) % parts) + 1;
}

/** Calls one operation as every actor; returns one line per wrong status or leak. */
async function walkOperation(path: string, method: string, op: DocOperation): Promise<string[]> {
  const mod = (await import(routeFileFor(path))) as Record<string, RouteHandler<Operation> | undefined>;
  const handler = mod[method];
  if (!handler?.invoke) return [`${routeFileFor(path)} does not export ${method} through route()`];
  const successStatus = Number(Object.keys(op.responses).find((s) => s.startsWith("2")));
  const pathParamNames = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const example = op.requestBody?.content["application/json"].example;
  const problems: string[] = [];

  const check = async (world: World, spec: ActorSpec, expected: Expected, handles?: Omit<RoleHandles, "close">) => {
    const { session } = await resolveActor(world.db, spec);
    const fixture = await bodyFor(world, op.operationId, example, Boolean(op.requestBody));
    const params = paramsFor(world, op.operationId, pathParamNames);
    const url = BASE_URL + path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
    const init: RequestInit = { method };
    if (fixture)
      Object.assign(init, { body: JSON.stringify(fixture.body), headers: { "content-type": "application/json" } });
    // As production: the platform role finds the actor, the operation runs as the RLS-bound app role.
    const roles = handles ?? (await productionRolesIn(world.db));
    const deps = { db: roles.platform, clinicDb: roles.clinicDb, session };
    const res = await handler.invoke(new Request(url, init), params, deps);
    const text = await res.text();
    const ok = expected === "success" ? res.status === successStatus : res.status === expected;
    if (!ok) {
      problems.push(
        `${spec.label}: expected ${expected === "success" ? successStatus : expected}, got ${res.status}${errorCode(res, text)}`,
      );
    }
    if (spec.clinic !== "demo") {
      for (const leak of demoClientLeaks(world, text)) problems.push(`${spec.label}: response shows ${leak}`);
    }
    if (ok && expected === "success") problems.push(...responseShapeProblems(handler.op, res.status, text, spec.label));
  };

  // A fresh database per operation. Denied actors go first, for real (on PostgreSQL through pools
  // that log in as the production roles; PGlite, one connection, as its owner); then each allowed
  // actor runs in its own transaction that is rolled back afterwards, so every one of them
  // starts from the same fresh state (a database each would cost ~0.5 s apiece on PGlite), and
  // takes the production roles inside it (productionRolesIn) on both databases.
  const fresh: TestDb = await freshDb();
  const real = roleHandles(fresh);
  try {
    const world = await buildWorld(fresh.db);
    const plan = await Promise.all(
      ACTORS.map(async (spec) => {
        const { roles } = await resolveActor(world.db, spec);
        return { spec, expected: expectedFor(op, spec, roles, bodyRefersToDemo(op.operationId)) };
      }),
    );
    const owner = { platform: world.db, clinicDb: (id: string) => clinicDb(world.db, id) };
    for (const { spec, expected } of plan.filter((p) => p.expected !== "success")) {
      await check(world, spec, expected, real ?? owner);
    }
    for (const { spec, expected } of plan.filter((p) => p.expected === "success")) {
      await inRolledBackTransaction(world.db, (tx) => check({ ...world, db: tx }, spec, expected));
    }
  } finally {
    await real?.close();
    await fresh.close();
  }
  return problems;
}

/**
 * Declares the tests for part `part` of `parts`. The walk is split across test files so
 * vitest runs the parts in parallel: each operation costs a fresh database.
 */
export function describeAuthorization(part: number, parts: number) {
  describe(`authorization of every API operation (part ${part} of ${parts})`, () => {
    const mine = cases.filter((c) => partOf(c.op.operationId, parts) === part);

    it("walks a non-empty document", () => {
      expect(cases.length).toBeGreaterThan(10);
      expect(mine.length).toBeGreaterThan(0);
    });

    for (const { path, method, op } of mine) {
      it(`${method} ${path} (${op["x-permission"]})`, async () => {
        expect(await walkOperation(path, method, op)).toEqual([]);
      });
    }
  });
}
