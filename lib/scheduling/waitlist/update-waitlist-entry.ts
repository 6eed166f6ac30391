import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { waitlistEntries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid } from "@/lib/errors";
import type { WaitlistEntryDto, waitlistPatchBody } from "./schemas";
import { getWaitlistEntry } from "./get-waitlist-entry";
import { assertPreferences } from "./entry-lookups";

/** Edits preferences, or puts the entry back to waiting / removes it (kept, with its history). */
export async function updateWaitlistEntry(
  db: Db,
  actor: Actor,
  entryId: string,
  input: z.output<typeof waitlistPatchBody>,
): Promise<WaitlistEntryDto> {
  assertCan(actor, "schedule.manage");
  const current = await getWaitlistEntry(db, actor, entryId);
  await assertPreferences(db, actor, input);
  const timeFrom = input.timeFrom !== undefined ? input.timeFrom : current.timeFrom;
  const timeTo = input.timeTo !== undefined ? input.timeTo : current.timeTo;
  if (timeFrom && timeTo && timeTo <= timeFrom)
    throw invalid("The latest time must be after the earliest.", {
      timeTo: ["The latest time must be after the earliest."],
    });
  if (current.status === "booked" && input.status)
    throw conflict("This client has been booked from the waitlist; add a new entry if they are waiting again.");
  await db.transaction(async (tx) => {
    const set = {
      ...input,
      updatedAt: new Date(),
      ...(input.status === "waiting" ? { offeredAppointmentId: null } : {}),
    };
    await tx
      .update(waitlistEntries)
      .set(set)
      .where(and(clinicScope(actor, waitlistEntries), eq(waitlistEntries.id, entryId)));
    const action = input.status === "removed" ? "waitlist.removed" : "waitlist.updated";
    await recordEvent(tx, actor, {
      action,
      entityType: "waitlist_entry",
      entityId: entryId,
      details: { fields: Object.keys(input) },
    });
  });
  return getWaitlistEntry(db, actor, entryId);
}
