import type { Db } from "@/db/client";
import type { SessionInfo } from "@/lib/identity/session-info";

export type { SessionInfo } from "@/lib/identity/session-info";

/** What a request needs from the outside world; tests pass their own database and session. */
export interface RouteDeps {
  /** The platform handle: resolving the actor, and operations that are not one clinic's (db/index.ts). */
  db: Db;
  /** One clinic's handle (every transaction sets app.clinic_id). Default: db/clinic-db.ts over `db`. */
  clinicDb?: (clinicId: string) => Promise<Db>;
  session: SessionInfo | null;
  ip?: string;
  /** The public origin (NEXTAUTH_URL); state-changing requests from any other are refused. Default: the request's. */
  origin?: string;
}
