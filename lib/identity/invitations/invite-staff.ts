import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { conflict } from "@/lib/errors";
import type { staffInvitationBody } from "./schemas";
import { insertInvitation } from "./invitation-records";

/** Invites a therapist or admin. Returns the one-time link to show once, to copy. */
export async function inviteStaff(db: Db, actor: Actor, input: z.output<typeof staffInvitationBody>, baseUrl: string) {
  assertCan(actor, "staff.invite");
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.clinicId, actor.clinicId),
          eq(memberships.role, input.role),
          isNull(memberships.revokedAt),
          sql`lower(${users.email}) = ${input.email}`,
        ),
      );
    if (existing) throw conflict(`${input.email} is already a ${input.role} in this clinic.`);
    return insertInvitation(
      tx,
      actor,
      { kind: "staff", email: input.email, role: input.role, clientId: null },
      baseUrl,
    );
  });
}
