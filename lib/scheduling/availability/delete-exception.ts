import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { availabilityExceptions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import { therapistsOf, assertDiary } from "./diary-lookups";
import { getAvailability } from "./get-availability";

export async function deleteException(db: Db, actor: Actor, therapistId: string, exceptionId: string) {
  await therapistsOf(db, actor, therapistId);
  assertDiary(actor, therapistId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(availabilityExceptions)
      .where(
        and(
          clinicScope(actor, availabilityExceptions),
          eq(availabilityExceptions.id, exceptionId),
          eq(availabilityExceptions.therapistUserId, therapistId),
        ),
      )
      .returning({ id: availabilityExceptions.id });
    if (!row) throw notFound("That exception");
    await recordEvent(tx, actor, {
      action: "availability.exception_removed",
      entityType: "therapist",
      entityId: therapistId,
      details: { exceptionId },
    });
  });
  return getAvailability(db, actor, therapistId);
}
