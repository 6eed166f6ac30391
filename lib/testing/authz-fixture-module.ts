import type { Db } from "@/db/client";

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

/** Demo Clinic's objects, created in each fresh database. */
export interface World {
  db: Db;
  demoClinicId: string;
  params: Record<string, string>;
  /** Demo Clinic's client records: what another clinic must never see. */
  demoClients: { id: string; firstName: string; lastName: string; email: string | null }[];
}

export interface DynamicBody {
  refersToDemo?: boolean;
  make: (w: World) => Promise<unknown>;
}
