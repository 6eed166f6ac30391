import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookingHolds, clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { enqueueEmail } from "@/lib/delivery/email/outbox";
import { clinicFormat } from "@/lib/format/clinic-format";
import { conflict, notFound } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { bookFromHold } from "./book-from-hold";
import { publicClinicById } from "./public-clinic";

/**
 * Accepts (books) or declines a request. The row is locked, so two staff deciding at once get
 * one outcome; a decided request answers 409. Accepting books under the same guards as any
 * booking; declining frees the slot and tells the person.
 */
export async function decideBookingRequest(
  db: Db,
  actor: Actor,
  requestId: string,
  input: { accept: boolean },
  baseUrl: string,
  now = new Date(),
): Promise<{ status: "confirmed" | "declined" }> {
  assertCan(actor, "schedule.manage");
  const clinic = await publicClinicById(db, actor.clinicId);
  try {
    return await db.transaction(async (tx) => {
      const [hold] = await tx
        .select()
        .from(bookingHolds)
        .where(and(clinicScope(actor, bookingHolds), eq(bookingHolds.id, requestId), isNotNull(bookingHolds.clientId)))
        .for("update");
      if (!hold) throw notFound("That booking request");
      if (hold.status !== "awaiting_clinic") throw conflict("Someone has already answered this request.");
      if (input.accept) {
        const [client] = await tx
          .select({ userId: clients.userId })
          .from(clients)
          .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, hold.clientId!)));
        await bookFromHold(
          tx,
          clinic,
          hold,
          { id: hold.clientId!, hasLogin: Boolean(client?.userId) },
          { baseUrl, now, by: actor },
        );
        return { status: "confirmed" as const };
      }
      await tx
        .update(bookingHolds)
        .set({ status: "declined" })
        .where(and(clinicScope(actor, bookingHolds), eq(bookingHolds.id, hold.id)));
      const f = clinicFormat({ locale: clinic.locale, timeZone: clinic.timezone });
      await enqueueEmail(tx, {
        clinicId: clinic.id,
        to: hold.email,
        kind: "public_booking.declined",
        subject: `Your request to ${clinic.name}`,
        text:
          `Hello ${hold.firstName},\n\nSorry: ${clinic.name} cannot offer ${f.at(hold.startsAt, "dateTimeFull")}. ` +
          `Please choose another time on the booking page, or call the clinic.`,
      });
      await recordEvent(tx, actor, {
        action: "booking.declined",
        entityType: "booking_hold",
        entityId: hold.id,
        details: { clientId: hold.clientId },
      });
      return { status: "declined" as const };
    });
  } catch (err) {
    if (sqlState(err) === "23P01") throw conflict("That time is no longer free: decline the request and call them.");
    throw err;
  }
}
