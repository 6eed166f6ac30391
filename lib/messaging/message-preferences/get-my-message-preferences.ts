import "server-only";
import type { Db } from "@/db/client";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { readPreferences, toPreferencesDto } from "./preference-record";

/** The signed-in client's own preferences (portal account page). */
export async function getMyMessagePreferences(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  return toPreferencesDto(actor, await readPreferences(db, actor, requireClientId(actor)));
}
