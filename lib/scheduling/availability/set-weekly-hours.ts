import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { therapistHours } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import type { setHoursBody } from "./schemas";
import { therapistsOf, assertDiary } from "./diary-lookups";
import { getAvailability } from "./get-availability";

export async function setWeeklyHours(db: Db, actor: Actor, therapistId: string, input: z.output<typeof setHoursBody>) {
  await therapistsOf(db, actor, therapistId);
  assertDiary(actor, therapistId);
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: therapistHours.version })
      .from(therapistHours)
      .where(and(clinicScope(actor, therapistHours), eq(therapistHours.therapistUserId, therapistId)))
      .for("update");
    if ((current?.version ?? 0) !== input.version)
      throw conflict("These hours were changed elsewhere since you opened them. Reload to see the latest.");
    if (current) {
      await tx
        .update(therapistHours)
        .set({ blocks: input.blocks, version: current.version + 1, updatedAt: new Date() })
        .where(and(clinicScope(actor, therapistHours), eq(therapistHours.therapistUserId, therapistId)));
    } else {
      await tx
        .insert(therapistHours)
        .values({ clinicId: actor.clinicId, therapistUserId: therapistId, blocks: input.blocks });
    }
    await recordEvent(tx, actor, {
      action: "availability.hours_set",
      entityType: "therapist",
      entityId: therapistId,
      details: { blocks: input.blocks.length },
    });
  });
  return getAvailability(db, actor, therapistId);
}
