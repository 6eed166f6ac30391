import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { InvitationDto } from "./schemas";
import { toInvitationDto } from "./invitation-records";

/** Pending (not accepted, revoked or expired) invitations of the clinic. */
export async function listPendingInvitations(db: Db, actor: Actor): Promise<InvitationDto[]> {
  assertCan(actor, "staff.read");
  const rows = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.clinicId, actor.clinicId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(invitations.createdAt);
  return rows.map((r) => toInvitationDto(r));
}
