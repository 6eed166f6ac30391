import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { listAssignments } from "./active-assignments";

export async function listClientAssignments(db: Db, actor: Actor, clientId: string) {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  return listAssignments(db, actor, clientId);
}
