import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkIns } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import type { CheckInDto } from "../schemas";
import { toCheckInDto } from "./check-in-rows";

/** Recent check-ins, newest first: the portal's "this week" card and the therapist's symptom layer. */
export async function listCheckIns(db: Db, actor: Actor, clientId: string, limit = 12): Promise<CheckInDto[]> {
  if (actor.clientId !== clientId) assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await db
    .select()
    .from(checkIns)
    .where(and(clinicScope(actor, checkIns), eq(checkIns.clientId, clientId)))
    .orderBy(desc(checkIns.weekStart))
    .limit(limit);
  return rows.map(toCheckInDto);
}
