import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, therapistRegistrations } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import type { registrationBody } from "../schemas";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

export async function setRegistration(db: Db, actor: Actor, input: z.output<typeof registrationBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(currentTherapistOf(actor.clinicId), eq(memberships.userId, input.userId)));
    if (!member) throw notFound("That therapist");
    await tx
      .insert(therapistRegistrations)
      .values({ clinicId: actor.clinicId, userId: input.userId, registrationNumber: input.registrationNumber })
      .onConflictDoUpdate({
        target: [therapistRegistrations.clinicId, therapistRegistrations.userId],
        set: { registrationNumber: input.registrationNumber, updatedAt: new Date() },
      });
    await recordEvent(tx, actor, {
      action: "billing.registration_set",
      entityType: "user",
      entityId: input.userId,
    });
    return { userId: input.userId, registrationNumber: input.registrationNumber };
  });
}
