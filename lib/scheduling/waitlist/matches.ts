import "server-only";
import { ACTIVE_STATUSES } from "@/lib/scheduling/rules/statuses";
import { and, asc, eq, gt, gte, inArray, isNull, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, clients, rooms, users, waitlistEntries } from "@/db/schema";
import { selectAppointmentView } from "@/lib/scheduling/appointments/view-query";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { assertDiary, assertOffersType, clinicTherapist } from "@/lib/scheduling/appointments/appointment-access";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { typeTherapistMap } from "@/lib/scheduling/setup/type-therapists";
import { byBestMatch, matchEntry, type TypeInfo } from "./match";
import { findEntries, getWaitlistEntry, toEntryDtos } from "./entries";
import { emailWaitlistOffer } from "./offer-email";
import type { FreedSlotDto, FreedSlotSummary, SlotMatchesDto, offerBody } from "./schemas";

const RECENT_DAYS = 7;

type SlotRow = FreedSlotDto & { start: Date; end: Date; blocksUntil: Date; clientId: string };

async function slotRows(db: Db, actor: Actor, where: SQL | undefined): Promise<SlotRow[]> {
  const rows = await selectAppointmentView(db, {
    appointmentId: appointments.id,
    start: appointments.startsAt,
    end: appointments.endsAt,
    blocksUntil: appointments.blocksUntil,
    therapistId: appointments.therapistUserId,
    therapistName: users.name,
    typeId: appointments.typeId,
    typeName: appointmentTypes.name,
    roomId: appointments.roomId,
    roomName: rooms.name,
    status: appointments.status,
    cancelledAt: appointments.cancelledAt,
    clientId: appointments.clientId,
  })
    .where(and(clinicScope(actor, appointments), where))
    .orderBy(asc(appointments.startsAt));
  // Free = no longer active, and no other active booking of the therapist or the room in its time since.
  const taken = rows.length
    ? await db
        .select({
          therapistId: appointments.therapistUserId,
          roomId: appointments.roomId,
          start: appointments.startsAt,
          blocksUntil: appointments.blocksUntil,
        })
        .from(appointments)
        .where(
          and(
            clinicScope(actor, appointments),
            inArray(appointments.status, [...ACTIVE_STATUSES]),
            lt(appointments.startsAt, new Date(Math.max(...rows.map((r) => r.blocksUntil.getTime())))),
            gt(appointments.blocksUntil, new Date(Math.min(...rows.map((r) => r.start.getTime())))),
          ),
        )
    : [];
  return rows.map(({ roomId, ...r }) => ({
    ...r,
    startsAt: r.start.toISOString(),
    endsAt: r.end.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    free:
      !(ACTIVE_STATUSES as readonly string[]).includes(r.status) &&
      !taken.some(
        (o) =>
          (o.therapistId === r.therapistId || (roomId !== null && o.roomId === roomId)) &&
          o.start < r.blocksUntil &&
          o.blocksUntil > r.start,
      ),
  }));
}

/** Everything matching needs, loaded once: waiting entries, types and who offers them, waiting clients' bookings. */
async function matchingContext(db: Db, actor: Actor) {
  const entries = await findEntries(db, actor, and(eq(waitlistEntries.status, "waiting"), isNull(clients.archivedAt)));
  const typeRows = await db.select().from(appointmentTypes).where(clinicScope(actor, appointmentTypes));
  const offering = await typeTherapistMap(db, actor);
  const types = new Map<string, TypeInfo>(
    typeRows.map((t) => [
      t.id,
      {
        name: t.name,
        durationMin: t.durationMin,
        bufferAfterMin: t.bufferAfterMin,
        offeredBy: offering.get(t.id) ?? null,
      },
    ]),
  );
  const clientIds = [...new Set(entries.map((e) => e.clientId))];
  const busy = clientIds.length
    ? await db
        .select({ clientId: appointments.clientId, start: appointments.startsAt, end: appointments.endsAt })
        .from(appointments)
        .where(
          and(
            clinicScope(actor, appointments),
            inArray(appointments.status, [...ACTIVE_STATUSES]),
            inArray(appointments.clientId, clientIds),
            gt(appointments.endsAt, new Date()),
          ),
        )
    : [];
  return { entries, types, busy };
}

type Context = Awaited<ReturnType<typeof matchingContext>>;

function matchesFor(ctx: Context, slot: SlotRow, timeZone: string) {
  return (
    ctx.entries
      .filter((e) => e.clientId !== slot.clientId)
      // The client cannot come if they already have an appointment at that time.
      .filter((e) => !ctx.busy.some((b) => b.clientId === e.clientId && b.start < slot.end && b.end > slot.start))
      .flatMap((e) => {
        const m = matchEntry(slot, e, ctx.types, timeZone);
        return m ? [{ entry: e, createdAt: e.createdAt, ...m }] : [];
      })
      .sort(byBestMatch)
  );
}

/**
 * The waiting clients who would take the slot of an appointment (usually just cancelled),
 * best match first, each with the reasons they fit. Works for a still-booked appointment
 * too (`slot.free` says whether it can be booked now).
 */
export async function waitlistMatches(db: Db, actor: Actor, appointmentId: string): Promise<SlotMatchesDto> {
  assertCan(actor, "schedule.manage");
  const [slot] = await slotRows(db, actor, eq(appointments.id, appointmentId));
  if (!slot) throw notFound("That appointment");
  const ctx = await matchingContext(db, actor);
  const found = matchesFor(ctx, slot, actor.clinicTimezone);
  const dtos = await toEntryDtos(
    db,
    actor,
    found.map((f) => f.entry),
  );
  const { start: _s, end: _e, blocksUntil: _b, clientId: _c, ...dto } = slot;
  return { slot: dto, matches: found.map((f, i) => ({ entry: dtos[i]!, score: f.score, reasons: f.reasons })) };
}

/** Future appointments cancelled in the last 7 days whose time is still free and that someone on the waitlist would take. */
export async function recentlyFreedSlots(db: Db, actor: Actor): Promise<FreedSlotSummary[]> {
  assertCan(actor, "schedule.manage");
  const now = new Date();
  const slots = (
    await slotRows(
      db,
      actor,
      and(
        eq(appointments.status, "cancelled"),
        gte(appointments.cancelledAt, new Date(now.getTime() - RECENT_DAYS * 86_400_000)),
        gt(appointments.startsAt, now),
      ),
    )
  ).filter((s) => s.free);
  if (slots.length === 0) return [];
  const ctx = await matchingContext(db, actor);
  const out: FreedSlotSummary[] = [];
  // Two cancellations of one time (rebooked, cancelled again) are one freed slot.
  const seen = new Set<string>();
  for (const s of slots.slice(0, 50)) {
    const key = `${s.therapistId}|${s.startsAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = matchesFor(ctx, s, actor.clinicTimezone);
    if (found.length === 0) continue;
    const { start: _s, end: _e, blocksUntil: _b, clientId: _c, ...dto } = s;
    const best = found[0]!.entry;
    out.push({
      ...dto,
      matchCount: found.length,
      bestMatch: `${best.preferredName ?? best.firstName} ${best.lastName}`,
    });
  }
  return out;
}

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
