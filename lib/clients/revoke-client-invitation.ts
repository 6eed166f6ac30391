import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { revokeInvitation } from "@/lib/identity/invitations/invitation-records";
import { getClientOrThrow } from "./records/get-client-or-throw";

// Like inviting (./invite-client.ts), revoking a client's portal invitation is the clients area's; identity does
// the revoking of invitations of every kind.

export async function revokeClientInvitation(db: Db, actor: Actor, clientId: string) {
  assertCan(actor, "clients.invite");
  await getClientOrThrow(db, actor, clientId);
  return revokeInvitation(db, actor, and(eq(invitations.clientId, clientId), eq(invitations.kind, "client")));
}
