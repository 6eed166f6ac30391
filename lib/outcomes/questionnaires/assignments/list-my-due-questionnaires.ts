import "server-only";
import type { Db } from "@/db/client";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { dueWithInstruments, loadAssignments } from "./active-assignments";

/** What the client should fill in now (portal), each with its items as the clinic words them. */
export async function listMyDueQuestionnaires(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  return dueWithInstruments(db, actor, await loadAssignments(db, actor, requireClientId(actor)));
}
