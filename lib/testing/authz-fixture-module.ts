import type { Db } from "@/db/client";
import type { DynamicBody } from "./authz-fixtures";

/**
 * One area's additions to the authorization walk's world (lib/testing/authz-fixtures.ts):
 * Demo Clinic objects for its path parameters and bodies that need live ids.
 */
export interface FixtureModule {
  /** Create Demo Clinic objects; `base` holds the params built so far (clientId, typeId, …). */
  buildParams?: (db: Db, base: Readonly<Record<string, string>>) => Promise<Record<string, string>>;
  /** operationId → { path param: fixture key } when an operation needs a different object. */
  paramOverrides?: Record<string, Record<string, string>>;
  /** operationId → a body made from live objects. */
  dynamicBodies?: Record<string, DynamicBody>;
}
