import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes, availabilityExceptions, memberships, therapistHours, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { offersType, therapistsOfferingType } from "@/lib/scheduling/setup/type-therapists";
import { searchFreeSlots } from "./free-slots";
import type { AvailabilityDto, addExceptionBody, setHoursBody, slotsQuery } from "./schemas";

/** The clinic's therapists (id, name), optionally just one; NOT_FOUND for anyone else. */
async function therapistsOf(db: Db, actor: Actor, only?: string) {
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clinicId, actor.clinicId),
        eq(memberships.role, "therapist"),
        isNull(memberships.revokedAt),
        only ? eq(users.id, only) : undefined,
      ),
    )
    .orderBy(users.name);
  if (only && rows.length === 0) throw notFound("That therapist");
  return rows;
}

/** Admins manage every diary; a therapist only their own. */
function assertDiary(actor: Actor, therapistId: string) {
  assertCan(actor, "schedule.manage");
  if (!can(actor, "clinic.settings") && actor.userId !== therapistId)
    throw new AppError("FORBIDDEN", "You can change only your own hours.");
}

export async function getAvailability(db: Db, actor: Actor, therapistId: string): Promise<AvailabilityDto> {
  assertCan(actor, "schedule.manage");
  const [therapist] = await therapistsOf(db, actor, therapistId);
  const [hours] = await db
    .select()
    .from(therapistHours)
    .where(and(clinicScope(actor, therapistHours), eq(therapistHours.therapistUserId, therapistId)));
  const exceptions = await db
    .select()
    .from(availabilityExceptions)
    .where(and(clinicScope(actor, availabilityExceptions), eq(availabilityExceptions.therapistUserId, therapistId)))
    .orderBy(availabilityExceptions.createdAt);
  return {
    therapistId,
    therapistName: therapist!.name,
    blocks: hours?.blocks ?? [],
    version: hours?.version ?? 0,
    exceptions: exceptions.map((e) => ({ id: e.id, exception: e.exception })),
  };
}

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
