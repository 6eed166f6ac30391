/**
 * Property-based fuzz of the edge (issue 11): every operation in the OpenAPI document, called
 * through its real route handler by a signed-in actor allowed to call it, with hostile values
 * put into its body, query and path (lib/testing/hostile-input.ts). Two properties:
 * - nothing answers 500 or above;
 * - a refused request (4xx) leaves every table exactly as it was (nothing half-written).
 * Each operation first gets one targeted probe per field, query and path parameter, then a few
 * random mutations (FUZZ_RUNS, default 3), so it stays well inside CI's time; the seed is
 * printed on failure and FUZZ_SEED replays it. The database is fingerprinted (every row of
 * every table) only around requests that reached a write, which keeps the run short.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { rolesHave, type Permission } from "@/lib/identity/permissions";
import type { RouteHandler } from "@/lib/http/route";
import type { Operation } from "@/lib/http/operation";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { routeFileFor } from "@/lib/testing/route-files";
import { bodyFor, buildWorld, paramsFor, type World } from "@/lib/testing/authz-fixtures";
import { ACTORS, BASE_URL, resolveActor } from "@/lib/testing/authz-actors";
import {
  asText,
  mutation,
  pathsOf,
  replaceAt,
  safeSegment,
  targetedProbes,
  type Mutation,
} from "@/lib/testing/hostile-input";
import { buildOpenApi } from "./openapi";

vi.mock("@/lib/delivery/email/deliver", () => ({ kickOutbox: () => {} }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

interface DocOperation {
  operationId: string;
  "x-permission": string;
  parameters: { name: string; in: string }[];
  requestBody?: { content: { "application/json": { example?: unknown } } };
}

const doc = buildOpenApi();
const cases = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, DocOperation>).map(([method, op]) => ({
    path,
    method: method.toUpperCase(),
    op,
  })),
);

// Tables a refused request may legitimately touch: the audit trail (refusals are recorded) and
// the sign-in / throttling bookkeeping.
const BOOKKEEPING = /audit|attempt|throttl|rate_limit|session/;

let fingerprintSql: string;
/** Row count and a hash of every row of every table, as one string. */
async function fingerprint(db: Db): Promise<string> {
  return rowsOf<{ fp: string }>(await db.execute(sql.raw(fingerprintSql)))[0]!.fp;
}

/** The database, noting whether anything was asked to write (insert, update, delete, transaction, raw SQL). */
function watching(db: Db) {
  const seen = { write: false };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "insert" || prop === "update" || prop === "delete" || prop === "transaction" || prop === "execute")
        seen.write = true;
      return Reflect.get(target, prop, receiver);
    },
  });
  return { db: proxy, seen };
}

let t: TestDb;
let world: World;
beforeAll(async () => {
  t = await freshDb();
  world = await buildWorld(t.db);
  const rows = rowsOf<{ tablename: string }>(
    await t.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`),
  );
  const parts = rows
    .map((r) => r.tablename)
    .filter((name) => !BOOKKEEPING.test(name))
    .map((name) => `(select '${name}:' || count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) from "${name}" x)`);
  fingerprintSql = `select ${parts.join(" || '|' || ")} as fp`;
});
afterAll(() => t?.close());

/** The first demo actor whose roles allow the operation (anonymous for public ones). */
async function actorFor(op: DocOperation) {
  const perm = op["x-permission"];
  for (const spec of ACTORS) {
    if (perm === "public" ? spec.email !== null : spec.email === null || spec.clinic !== "demo") continue;
    const { session, roles } = await resolveActor(world.db, spec);
    if (perm === "public" || perm === "signed-in" || rolesHave(roles, perm as Permission)) return session;
  }
  throw new Error(`No demo actor may call ${op.operationId}`);
}

function applyMutation(
  m: Mutation,
  base: { body: unknown; params: Record<string, string>; query: [string, string][] },
  op: DocOperation,
) {
  const queryNames = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
  const paramNames = Object.keys(base.params);
  let { body, params, query } = base;
  let target = m.target;
  if ((target === "body" || target === "extraKey") && body === undefined)
    target = queryNames.length ? "query" : "param";
  if (target === "query" && queryNames.length === 0) target = paramNames.length ? "param" : "query";
  if (target === "param" && paramNames.length === 0) target = "query";
  if (target === "body") {
    const paths = pathsOf(body);
    body = replaceAt(body, paths[m.pick % paths.length]!, m.value);
  } else if (target === "extraKey") {
    body = body && typeof body === "object" && !Array.isArray(body) ? { ...body, [asText(m.value)]: m.value } : m.value;
  } else if (target === "param") {
    params = { ...params, [paramNames[m.pick % paramNames.length]!]: asText(m.value) };
  } else {
    const name = queryNames.length ? queryNames[m.pick % queryNames.length]! : asText(m.value);
    const value = asText(m.value);
    query = [...query, [name, value], ...(m.repeat ? [[name, value] as [string, string]] : [])];
  }
  return { body, params, query };
}

describe("hostile input at the edge, every operation", () => {
  it("covers a non-empty document", () => expect(cases.length).toBeGreaterThan(50));

  for (const { path, method, op } of cases) {
    it(`${method} ${path}`, async () => {
      const mod = (await import(routeFileFor(path))) as Record<string, RouteHandler<Operation> | undefined>;
      const handler = mod[method]!;
      const session = await actorFor(op);
      const pathNames = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
      const example = op.requestBody?.content["application/json"].example;
      const fixture = await bodyFor(world, op.operationId, example, Boolean(op.requestBody));
      const base = { body: fixture?.body, params: paramsFor(world, op.operationId, pathNames), query: [] };
      const queryNames = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
      const probes = targetedProbes(base.body, queryNames, pathNames);
      let known = await fingerprint(t.db);

      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const { body, params, query } = applyMutation(m, base, op);
          const url = new URL(BASE_URL + path.replace(/\{(\w+)\}/g, (_, n: string) => safeSegment(params[n]!)));
          for (const [k, v] of query) url.searchParams.append(k, v);
          const init: RequestInit = { method };
          if (body !== undefined || op.requestBody)
            Object.assign(init, { body: JSON.stringify(body ?? {}), headers: { "content-type": "application/json" } });
          const { db, seen } = watching(t.db);
          const res = await handler.invoke(new Request(url, init), params, { db, session, origin: BASE_URL });
          const text = await res.text();
          expect(res.status, `${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
          if (!seen.write) return;
          const after = await fingerprint(t.db);
          if (res.status >= 400)
            expect(after, `a refused request changed the database: ${text.slice(0, 200)}`).toBe(known);
          known = after;
        }),
        { numRuns: probes.length + RUNS, seed: SEED, endOnFailure: true, examples: probes.map((p) => [p]) },
      );
    });
  }
});
