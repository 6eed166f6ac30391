import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { readPreferences, toPreferencesDto } from "./preference-record";

/** A client's message preferences and SMS consent, for staff who read the client (client page). */
export async function getClientMessagePreferences(db: Db, actor: Actor, clientId: string) {
  assertCan(actor, "clients.read");
  return toPreferencesDto(actor, await readPreferences(db, actor, clientId));
}
