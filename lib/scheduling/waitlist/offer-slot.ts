import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointments, waitlistEntries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { assertDiary, assertOffersType, clinicTherapist } from "@/lib/scheduling/appointments/appointment-access";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { getWaitlistEntry } from "./get-waitlist-entry";
import { emailWaitlistOffer } from "./offer-email";
import type { offerBody } from "./schemas";
import { slotRows } from "./slot-matching";

/** An entry can be offered or booked only while the client is still waiting (or was offered one). */
function assertOpen(status: string) {
  if (status !== "waiting" && status !== "offered") throw conflict(`This entry is already ${status}.`);
}

/**
 * Offers a freed slot to a waiting client: marks the entry offered, and with `book` books the
 * client into the slot at once (through bookAppointment, so the database still refuses a
 * double booking: 409 when someone took the time meanwhile). One transaction: a refused
 * booking leaves the entry as it was. The entry row is locked inside it, so two bookings of
 * one entry at once (two slots, two clicks) give one appointment and a 409.
 */
export async function offerSlot(db: Db, actor: Actor, entryId: string, input: z.output<typeof offerBody>) {
  assertCan(actor, "schedule.manage");
  const entry = await getWaitlistEntry(db, actor, entryId);
  assertOpen(entry.status);
  const slot = input.appointmentId
    ? (await slotRows(db, actor, eq(appointments.id, input.appointmentId)))[0]
    : undefined;
  if (input.appointmentId && !slot) throw notFound("That appointment");
  const booking = input.book && slot ? slot : undefined;
  const typeId = booking ? (entry.typeId ?? booking.typeId) : null;
  if (booking) {
    assertDiary(actor, booking.therapistId);
    if (booking.start.getTime() <= Date.now())
      throw invalid("That slot has already started, so it cannot be booked. Choose a later freed slot.");
    if (!booking.free) throw conflict("That slot has been taken meanwhile. Choose another freed slot.");
    await assertOffersType(db, actor, typeId!, await clinicTherapist(db, actor, booking.therapistId));
  }

  const bookedAppointmentId = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: waitlistEntries.status })
      .from(waitlistEntries)
      .where(and(clinicScope(actor, waitlistEntries), eq(waitlistEntries.id, entryId)))
      .for("update");
    if (!locked) throw notFound("That waitlist entry");
    assertOpen(locked.status);
    let booked: string | null = null;
    if (booking) {
      const [room] = await tx
        .select({ roomId: appointments.roomId })
        .from(appointments)
        .where(and(clinicScope(actor, appointments), eq(appointments.id, booking.appointmentId)));
      const { appointment } = await bookAppointment(tx, actor, {
        clientId: entry.clientId,
        therapistUserId: booking.therapistId,
        typeId: typeId!,
        roomId: room?.roomId ?? null,
        startsAt: booking.startsAt,
        idempotencyKey: `waitlist:${entryId}:${booking.appointmentId}`,
      });
      booked = appointment.id;
    }
    await tx
      .update(waitlistEntries)
      .set({
        status: booked ? "booked" : "offered",
        offeredAppointmentId: slot?.appointmentId ?? null,
        updatedAt: new Date(),
      })
      .where(and(clinicScope(actor, waitlistEntries), eq(waitlistEntries.id, entryId)));
    // Booked: the booking's own confirmation tells them. Offered: this tells them the time is free.
    if (!booked && slot) await emailWaitlistOffer(tx, actor, entry.clientId, slot);
    await recordEvent(tx, actor, {
      action: booked ? "waitlist.booked" : "waitlist.offered",
      entityType: "waitlist_entry",
      entityId: entryId,
      details: { freedAppointmentId: slot?.appointmentId ?? null, bookedAppointmentId: booked },
    });
    return booked;
  });
  return { entry: await getWaitlistEntry(db, actor, entryId), bookedAppointmentId };
}
