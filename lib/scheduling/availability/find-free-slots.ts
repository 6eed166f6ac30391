import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { invalid, notFound } from "@/lib/errors";
import { offersType, therapistsOfferingType } from "@/lib/scheduling/setup/type-therapists";
import { searchFreeSlots } from "./free-slots";
import type { slotsQuery } from "./schemas";
import { therapistsOf } from "./diary-lookups";

/**
 * The next free slots for an appointment type: working hours and exceptions, existing
 * bookings with their buffers, the type's own buffer and a free room when it needs one.
 */
export async function findFreeSlots(db: Db, actor: Actor, typeId: string, q: z.output<typeof slotsQuery>) {
  assertCan(actor, "schedule.manage");
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, typeId), isNull(appointmentTypes.archivedAt)),
    );
  if (!type) throw notFound("That appointment type");
  const offering = await therapistsOfferingType(db, actor, typeId);
  const therapists = (await therapistsOf(db, actor, q.therapistId)).filter((t) => offersType(offering, t.id));
  // The type is limited to other therapists: say so rather than answer "no free slot".
  if (q.therapistId && therapists.length === 0)
    throw invalid("This therapist does not offer that appointment type.", {
      therapistId: ["This therapist does not offer that appointment type."],
    });
  if (therapists.length === 0) return [];
  const from = q.from ? new Date(q.from) : new Date();
  const to = new Date(from.getTime() + q.days * 86_400_000);
  const slots = await searchFreeSlots(db, actor, {
    type,
    therapists,
    from,
    to,
    earliestStart: new Date(),
    limit: q.limit,
  });
  return slots.map((s) => ({
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    therapistId: s.therapistId,
    therapistName: s.therapistName,
    roomId: s.roomId,
    roomName: s.roomName,
  }));
}
