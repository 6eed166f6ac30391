import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { revokeInvitation } from "./invitation-records";

export async function revokeStaffInvitation(db: Db, actor: Actor, invitationId: string) {
  assertCan(actor, "staff.invite");
  return revokeInvitation(db, actor, and(eq(invitations.id, invitationId), eq(invitations.kind, "staff")));
}
