import "server-only";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { memberships } from "@/db/schema";

/**
 * The one rule for "a therapist of this clinic" on a membership row: the therapist role, not revoked. Booking,
 * diaries, calendar feeds, the waitlist, invoices and registration numbers all ask it: someone whose therapist
 * role was removed keeps their past appointments and invoices, but is offered, booked and billed no more.
 * The clinic is the actor's id, or a column when the membership is joined to another clinic-owned row.
 */
export function currentTherapistOf(clinicId: string | AnyPgColumn): SQL {
  return and(eq(memberships.clinicId, clinicId), eq(memberships.role, "therapist"), isNull(memberships.revokedAt))!;
}
