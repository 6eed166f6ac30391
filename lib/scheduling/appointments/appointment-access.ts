import "server-only";
import { offersType, therapistsOfferingType } from "@/lib/scheduling/setup/type-therapists";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { can, clinicScope } from "@/lib/identity/scopes";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

export { ACTIVE_STATUSES } from "@/lib/scheduling/rules/statuses";

/** The appointment row, locked for this transaction; NOT_FOUND for absent or another clinic's. */
export async function lockAppointment(tx: Db, actor: Actor, appointmentId: string) {
  const [row] = await tx
    .select()
    .from(appointments)
    .where(and(clinicScope(actor, appointments), eq(appointments.id, appointmentId)))
    .for("update");
  if (!row) throw notFound("That appointment");
  return row;
}

/**
 * Admins run every diary; a therapist changes only their own (the issue: "therapists, for
 * their own diary"). Checked after the appointment was found, so another clinic still gets 404.
 */
export function assertDiary(actor: Actor, ...therapistIds: string[]) {
  assertDiaryWith(
    "You can book and change only your own appointments. Ask the front desk to change a colleague's diary.",
    actor,
    ...therapistIds,
  );
}

/** assertDiary with a message that says what to do for this particular step. */
export function assertDiaryWith(message: string, actor: Actor, ...therapistIds: string[]) {
  if (can(actor, "clinic.settings")) return;
  if (therapistIds.every((id) => id === actor.userId)) return;
  throw forbidden(message);
}

/** A therapist of the actor's clinic (id and name), or 400 naming the field. */
export async function clinicTherapist(db: Db, actor: Actor, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(currentTherapistOf(actor.clinicId), eq(memberships.userId, userId)));
  if (!row)
    throw invalid("Choose a therapist of this clinic.", { therapistUserId: ["Choose a therapist of this clinic."] });
  return row;
}

/** A type limited to some therapists (appointment_type_therapists) cannot be booked with anyone else. */
export async function assertOffersType(db: Db, actor: Actor, typeId: string, therapist: { id: string; name: string }) {
  if (!offersType(await therapistsOfferingType(db, actor, typeId), therapist.id)) {
    const message = `${therapist.name} does not offer this appointment type (see Settings → Appointment types).`;
    throw invalid(message, { therapistUserId: [message] });
  }
}

/** Optimistic concurrency: the editor's version must be the stored one, else 409. */
export function assertVersion(row: { version: number }, version: number) {
  if (row.version !== version) {
    throw conflict("Someone else changed this appointment since you opened it. Reload to see the latest.", {
      reason: "stale",
    });
  }
}
