import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, diaryEntries } from "@/db/schema";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { AppError, invalid, notFound } from "@/lib/errors";
import { clinicDay } from "./dates";
import { toDiaryEntryDto } from "./diary-rows";
import type { DiaryEntryDto, diaryEntryBody } from "./schemas";

/**
 * One entry per complaint per clinic-local day. A second entry the same day is refused with
 * 409 and the earlier one, unless the client confirmed replacing it (`replace`).
 */
export async function addDiaryEntry(
  db: Db,
  actor: Actor,
  input: z.output<typeof diaryEntryBody>,
): Promise<{ entry: DiaryEntryDto; replaced: boolean }> {
  assertCan(actor, "portal.self");
  const clientId = requireClientId(actor);
  const today = clinicDay(new Date(), actor.clinicTimezone);
  const date = input.date ?? today;
  if (date > today)
    throw invalid("The diary is for days that have happened.", { date: ["Choose today or an earlier day."] });
  if (date < clinicDay(new Date(Date.now() - 30 * 86_400_000), actor.clinicTimezone)) {
    throw invalid("Entries can be added for the last 30 days.", { date: ["Choose a day in the last 30 days."] });
  }
  return db.transaction(async (tx) => {
    const [complaint] = await tx
      .select({ id: complaints.id })
      .from(complaints)
      .where(
        and(clinicScope(actor, complaints), eq(complaints.clientId, clientId), eq(complaints.id, input.complaintId)),
      );
    // Someone else's complaint is answered like a missing one: existence never leaks.
    if (!complaint) throw notFound("That complaint");
    const [existing] = await tx
      .select()
      .from(diaryEntries)
      .where(
        and(
          clinicScope(actor, diaryEntries),
          eq(diaryEntries.complaintId, input.complaintId),
          eq(diaryEntries.entryDate, date),
        ),
      )
      .for("update");
    if (existing && !input.replace) {
      throw new AppError(
        "CONFLICT",
        `You already scored this pain ${existing.score}/10 on that day. Replace it?`,
        undefined,
        { existing: toDiaryEntryDto(existing) },
      );
    }
    if (existing) {
      const [row] = await tx
        .update(diaryEntries)
        .set({ score: input.score, note: input.note, updatedAt: new Date() })
        .where(and(clinicScope(actor, diaryEntries), eq(diaryEntries.id, existing.id)))
        .returning();
      return { entry: toDiaryEntryDto(row!), replaced: true };
    }
    const [row] = await tx
      .insert(diaryEntries)
      .values({
        clinicId: actor.clinicId,
        clientId,
        complaintId: input.complaintId,
        entryDate: date,
        score: input.score,
        note: input.note,
      })
      .returning();
    return { entry: toDiaryEntryDto(row!), replaced: false };
  });
}
