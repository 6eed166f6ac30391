import type { z } from "zod";
import type { Permission } from "@/lib/identity/permissions";
import type { ReadKind } from "@/lib/audit/read-kinds";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * Who may call an operation:
 * - `public`: anyone (health, invitation acceptance);
 * - `user`: any signed-in person, before or after choosing a clinic;
 * - a permission: a signed-in person whose role in the current clinic holds it.
 */
export type OperationAuth = { public: true } | { user: true } | { permission: Permission };

/**
 * One API operation: the single description from which the route handler validates,
 * the OpenAPI document is generated, and the authorization test walks.
 */
export interface Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  id: string;
  method: HttpMethod;
  /** OpenAPI-style path, e.g. /api/clients/{clientId}. */
  path: string;
  summary: string;
  tag: string;
  auth: OperationAuth;
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  successStatus?: 200 | 201 | 202 | 204;
  /** A valid example body: shown in the OpenAPI document and used by the authorization test. */
  exampleBody?: z.input<B>;
  /**
   * Largest JSON body accepted, in bytes (default MAX_JSON_BODY_BYTES, 1 MB). Only uploads raise
   * it, to their own file limit plus the base64 overhead.
   */
  maxBodyBytes?: number;
  /** Content type of a non-JSON response (e.g. text/calendar, text/csv). */
  produces?: string;
  /**
   * A read of health information: the route wrapper records who read it (and refused
   * attempts) in the audit trail. `client: "result"` takes the client id from the response
   * (a visit, a programme); otherwise it is the `clientId` path parameter.
   */
  auditRead?: { kind: ReadKind; client?: "params" | "result" };
}

/** Keeps the literal auth and the exact schemas in the type, so handlers get typed input, actor and result. */
export function defineOperation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  const A extends OperationAuth = OperationAuth,
  R extends z.ZodType = z.ZodType,
>(op: Operation<P, Q, B> & { auth: A; response?: R }): Operation<P, Q, B> & { auth: A; response?: R } {
  return op;
}

export type Input<O extends Operation> = {
  params: z.output<NonNullable<O["params"]>>;
  query: z.output<NonNullable<O["query"]>>;
  body: z.output<NonNullable<O["body"]>>;
};
