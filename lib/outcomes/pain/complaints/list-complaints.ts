import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import type { ComplaintDto } from "../schemas";
import { readComplaints } from "./complaint-rows";

/**
 * A client's complaints, open first. Staff with clinical access see any client of the clinic;
 * a client sees their own (getClientOrThrow applies the row scope).
 */
export async function listComplaints(db: Db, actor: Actor, clientId: string): Promise<ComplaintDto[]> {
  if (actor.clientId !== clientId) assertCan(actor, "clinical.read");
  const [, list] = await Promise.all([getClientOrThrow(db, actor, clientId), readComplaints(db, actor, clientId)]);
  return list;
}
