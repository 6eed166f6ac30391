import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, bookingHolds, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can, clinicScope } from "@/lib/identity/scopes";
import type { PendingRequest } from "./schemas";

/**
 * Requests from the public page that a therapist must accept (the clinic's "therapist confirms"
 * setting), oldest first. The visitor's reason is health information: only clinicians see it.
 */
export async function listBookingRequests(db: Db, actor: Actor): Promise<PendingRequest[]> {
  assertCan(actor, "schedule.manage");
  const rows = await db
    .select({
      id: bookingHolds.id,
      startsAt: bookingHolds.startsAt,
      endsAt: bookingHolds.endsAt,
      typeName: appointmentTypes.name,
      therapistName: users.name,
      firstName: bookingHolds.firstName,
      lastName: bookingHolds.lastName,
      email: bookingHolds.email,
      phone: bookingHolds.phone,
      reason: bookingHolds.reason,
    })
    .from(bookingHolds)
    .innerJoin(
      appointmentTypes,
      and(eq(appointmentTypes.clinicId, bookingHolds.clinicId), eq(appointmentTypes.id, bookingHolds.typeId)),
    )
    .innerJoin(users, eq(users.id, bookingHolds.therapistUserId))
    .where(and(clinicScope(actor, bookingHolds), eq(bookingHolds.status, "awaiting_clinic")))
    .orderBy(asc(bookingHolds.startsAt))
    .limit(200);
  const clinical = can(actor, "clinical.read");
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    typeName: r.typeName,
    therapistName: r.therapistName,
    name: `${r.firstName} ${r.lastName}`,
    email: r.email,
    phone: r.phone,
    reason: clinical ? r.reason : "",
  }));
}
