import "server-only";
import { getClinicDb, getPlatformDb } from "@/db";
import { currentSession } from "@/lib/identity/session";
import { appUrl } from "@/lib/app-url";
import type { RouteDeps } from "./route-deps";
import { clientAddress } from "./client-address";

export async function defaultRouteDeps(req: Request): Promise<RouteDeps> {
  const [db, session] = await Promise.all([getPlatformDb(), currentSession()]);
  return { db, clinicDb: getClinicDb, session, ip: clientAddress(req.headers) ?? undefined, origin: appUrl(req) };
}
