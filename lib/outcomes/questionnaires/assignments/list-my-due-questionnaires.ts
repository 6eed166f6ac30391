import "server-only";
import type { Db } from "@/db/client";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { listAssignments } from "./active-assignments";

/** What the client should fill in now (portal). */
export async function listMyDueQuestionnaires(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  return (await listAssignments(db, actor, requireClientId(actor))).filter((a) => a.due);
}
