import "server-only";
import type { Db } from "@/db/client";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { MessagePreferencesBody } from "../preference-schemas";
import { savePreferences } from "./preference-record";

/** The client records their own choice in the portal. */
export async function setMyMessagePreferences(db: Db, actor: Actor, body: MessagePreferencesBody) {
  assertCan(actor, "portal.self");
  return savePreferences(db, actor, requireClientId(actor), body, "portal");
}
