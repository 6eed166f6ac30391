import type { HttpMethod, Operation } from "@/lib/http/operation";

/**
 * What the browser knows of an operation: its method and path at run time, and the whole
 * operation (its zod schemas) as a type only. app/_lib/operations.gen.ts holds one per operation,
 * generated from lib/api/registry.ts, so the browser never loads server code to call the API.
 */
export interface OpRef<O extends Operation = Operation> {
  readonly method: HttpMethod;
  /** OpenAPI-style, e.g. /api/clients/{clientId}. */
  readonly path: string;
  /** Type only (never set): the operation this reference stands for. */
  readonly __op?: O;
}
