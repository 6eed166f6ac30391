import type { Db } from "@/db/client";
import type { SessionInfo } from "@/lib/auth/session-info";

export type { SessionInfo } from "@/lib/auth/session-info";

/** What a request needs from the outside world; tests pass their own database and session. */
export interface RouteDeps {
  db: Db;
  session: SessionInfo | null;
  ip?: string;
  /** The public origin (NEXTAUTH_URL); state-changing requests from any other are refused. Default: the request's. */
  origin?: string;
}
