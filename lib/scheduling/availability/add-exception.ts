import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { availabilityExceptions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { recordEvent } from "@/lib/audit/record-event";
import type { addExceptionBody } from "./schemas";
import { therapistsOf, assertDiary } from "./diary-lookups";
import { getAvailability } from "./get-availability";

export async function addException(
  db: Db,
  actor: Actor,
  therapistId: string,
  input: z.output<typeof addExceptionBody>,
) {
  await therapistsOf(db, actor, therapistId);
  assertDiary(actor, therapistId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(availabilityExceptions)
      .values({
        clinicId: actor.clinicId,
        therapistUserId: therapistId,
        exception: input as Record<string, unknown>,
        createdBy: actor.userId,
      })
      .returning({ id: availabilityExceptions.id });
    await recordEvent(tx, actor, {
      action: "availability.exception_added",
      entityType: "therapist",
      entityId: therapistId,
      details: { exceptionId: row!.id, kind: input.kind },
    });
  });
  return getAvailability(db, actor, therapistId);
}
