import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { clinicDb } from "@/db/clinic-db";
import { loadSessionActor, type Actor } from "@/lib/identity/actor";
import { can } from "@/lib/identity/scopes";
import type { Input, Operation } from "./operation";
import { json, toErrorResponse, zodFieldErrors } from "./respond";
import { AppError } from "@/lib/errors";
import { auditOperationRead, auditOperationRefused } from "@/lib/audit/operation-reads";
import { requestMetaFromHeaders, withRequestMeta } from "@/lib/audit/request-meta";
import { MAX_JSON_BODY_BYTES, readTextWithin, unsafeStringErrors } from "./input-guard";
import { crossSiteRefusal } from "./same-origin";
import type { RouteDeps, SessionInfo } from "./route-deps";

export type { RouteDeps, SessionInfo } from "./route-deps";

export interface HandlerContext<O extends Operation> {
  input: Input<O>;
  db: Db;
  req: Request;
  /** Present for permission operations; may be present for user and public ones. */
  actor: O["auth"] extends { permission: string } ? Actor : Actor | null;
  session: SessionInfo | null;
}

/**
 * What a handler may return: the operation's declared response (its schema's input type, so a
 * handler cannot drift from what the OpenAPI document and the browser's types promise), or a
 * raw Response (downloads, redirects). Operations without a response schema return anything.
 */
type HandlerResult<O extends Operation> = z.input<NonNullable<O["response"]>> | Response;
type Handler<O extends Operation> = (ctx: HandlerContext<O>) => Promise<HandlerResult<O>>;

/** A raw Response returned by a handler passes through untouched (downloads, redirects). */
function toResponse(op: Operation, result: unknown): Response {
  if (result instanceof Response) return result;
  return json(result ?? null, op.successStatus ?? 200);
}

function parseQuery(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  // Only JSON: a cross-site HTML form can send text/plain that happens to parse as JSON.
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("INVALID", "Send the request body as JSON (Content-Type: application/json).");
  }
  let text: string | null;
  try {
    text = await readTextWithin(req, limit);
  } catch {
    throw new AppError("INVALID", "The request body is not valid UTF-8 text.");
  }
  if (text === null) {
    throw new AppError(
      "TOO_LARGE",
      `The request body is larger than ${Math.round((limit / 1024 / 1024) * 10) / 10} MB.`,
    );
  }
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("INVALID", "The request body is not valid JSON.");
  }
}

async function parseInput(op: Operation, req: Request, params: Record<string, unknown>) {
  const fieldErrors: Record<string, string[]> = {};
  // Strings that cannot be stored as text are refused here for every operation (input-guard.ts);
  // the schema only sees input that passed.
  const parse = (schema: z.ZodType | undefined, value: unknown, prefix: string) => {
    if (!schema) return {};
    const unsafe = unsafeStringErrors(value, prefix);
    if (Object.keys(unsafe).length > 0) {
      Object.assign(fieldErrors, unsafe);
      return undefined;
    }
    const r = schema.safeParse(value);
    if (!r.success) Object.assign(fieldErrors, zodFieldErrors(r.error, prefix));
    return r.success ? r.data : undefined;
  };
  const p =
    Object.keys(unsafeStringErrors(params)).length > 0
      ? { success: false as const }
      : op.params
        ? op.params.safeParse(params)
        : { success: true as const, data: {} };
  // A malformed id cannot name a record of this clinic: same answer as a missing one.
  if (!p.success) throw new AppError("NOT_FOUND", "That record was not found.");
  const query = parse(op.query, parseQuery(new URL(req.url)), "");
  const body = op.body
    ? parse(op.body, await readJsonBody(req, op.maxBodyBytes ?? MAX_JSON_BODY_BYTES), "")
    : undefined;
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID", "Some fields need attention.", fieldErrors);
  return { params: p.data, query, body };
}

async function resolveActor(op: Operation, deps: RouteDeps): Promise<Actor | null> {
  const { session, db } = deps;
  if ("public" in op.auth && !session) return null;
  if (!session) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  const actor = await loadSessionActor(db, session.userId, session.clinicId);
  if ("permission" in op.auth) {
    if (!actor) throw new AppError("FORBIDDEN", "Choose a clinic you belong to first.");
    if (!can(actor, op.auth.permission)) {
      if (actor.twoFactorSetupRequired) {
        throw new AppError("FORBIDDEN", "This clinic requires two-factor sign-in. Set it up first.");
      }
      throw new AppError("FORBIDDEN", "Your role in this clinic does not allow this.");
    }
  }
  return actor;
}

/**
 * A clinic's JSON read runs its statements in one transaction: on the clinic handle a statement
 * outside a transaction costs three round trips (BEGIN with the clinic setting, the statement,
 * COMMIT), so a read of four statements sent twelve; in one transaction it sends six (issue 16),
 * and its statements see one snapshot. Writes keep their own transactions, which the use-cases
 * open where their invariants need them; downloads (`produces`) may stream after the handler
 * returns, so they stay outside. The audit of the read is recorded after the commit, through the
 * clinic's shared handle, where concurrent reads share one insert (lib/audit/read-batch.ts).
 */
function readsInOneTransaction(op: Operation, actor: Actor | null): boolean {
  return op.method === "GET" && !op.produces && actor !== null && "permission" in op.auth;
}

function clinicHandle(deps: RouteDeps, clinicId: string): Promise<Db> {
  return deps.clinicDb ? deps.clinicDb(clinicId) : clinicDb(deps.db, clinicId);
}

/** Runs one operation: authenticate, authorize, validate, call the handler, map errors. */
export async function invokeOperation<O extends Operation>(
  op: O,
  handler: Handler<O>,
  req: Request,
  params: Record<string, unknown>,
  deps: RouteDeps,
): Promise<Response> {
  // Every audit event this request records carries its request id and address.
  return withRequestMeta(requestMetaFromHeaders(req.headers, deps.ip), async () => {
    let actor: Actor | null = null;
    let db = deps.db;
    try {
      const refusal = crossSiteRefusal(req, deps.origin ?? new URL(req.url).origin);
      if (refusal) throw new AppError("FORBIDDEN", refusal);
      actor = await resolveActor(op, deps);
      // A clinic's operation reads and writes through that clinic's handle; the rest (a login's own
      // settings, public booking by slug) are platform work.
      if (actor && "permission" in op.auth) db = await clinicHandle(deps, actor.clinicId);
      const input = (await parseInput(op, req, params)) as Input<O>;
      const run = (handle: Db) =>
        handler({ input, db: handle, req, actor: actor as HandlerContext<O>["actor"], session: deps.session });
      const result = readsInOneTransaction(op, actor) ? await db.transaction(run) : await run(db);
      if (op.auditRead && actor)
        await auditOperationRead(db, actor, op, input.params as Record<string, unknown>, result);
      return toResponse(op, result);
    } catch (err) {
      if (op.auditRead && actor) await auditOperationRefused(db, actor, op, params, err);
      return toErrorResponse(err);
    }
  });
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

export type RouteHandler<O extends Operation> = ((req: Request, ctx: NextContext) => Promise<Response>) & {
  op: O;
  invoke: (req: Request, params: Record<string, unknown>, deps: RouteDeps) => Promise<Response>;
};

/**
 * Binds an operation to its handler. The export is what Next serves; `.invoke` lets the
 * authorization test call the very same code with its own database and session.
 */
export function route<O extends Operation>(op: O, handler: Handler<O>): RouteHandler<O> {
  const serve = async (req: Request, ctx: NextContext) => {
    const { defaultRouteDeps } = await import("./default-deps");
    let deps: RouteDeps;
    try {
      deps = await defaultRouteDeps(req);
    } catch (err) {
      return toErrorResponse(err);
    }
    return invokeOperation(op, handler, req, (await ctx.params) ?? {}, deps);
  };
  return Object.assign(serve, {
    op,
    invoke: (req: Request, params: Record<string, unknown>, deps: RouteDeps) =>
      invokeOperation(op, handler, req, params, deps),
  });
}
