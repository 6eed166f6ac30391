import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { MessagePreferencesBody } from "../preference-schemas";
import { savePreferences } from "./preference-record";

/** Staff record the client's choice (clients.write), e.g. consent given at the desk. */
export async function setClientMessagePreferences(
  db: Db,
  actor: Actor,
  clientId: string,
  body: MessagePreferencesBody,
) {
  assertCan(actor, "clients.write");
  return savePreferences(db, actor, clientId, body, "staff");
}
