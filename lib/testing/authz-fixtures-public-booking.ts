import { eq } from "drizzle-orm";
import { appointmentTypes, bookingHolds, clinics, emailOutbox } from "@/db/schema";
import type { Db } from "@/db/client";
import { holdSlot } from "@/lib/scheduling/public-booking/hold-slot";
import { listPublicSlots } from "@/lib/scheduling/public-booking/public-options";
import { DEMO_CLINICS } from "@/db/seed/demo-people";
import { addException } from "@/lib/scheduling/availability/add-exception";
import { addLocalDays, localDateOf } from "@/lib/format/zoned";
import type { FixtureModule } from "./authz-fixture-module";
import { actorFor } from "./db";

const SLUG = "demo-clinic";
const DEMO_ZONE = DEMO_CLINICS.find((c) => c.key === "demo")!.timezone;
let visitors = 0;

/**
 * The first free public slot of the fixture type (real clock: holds expire by the database's now()),
 * on `onDate` (clinic-local) when given. Which slot comes first otherwise depends on the time of day
 * the walk runs, and could be the very slot another area's fixture body books.
 */
async function firstSlot(db: Db, typeId: string, onDate?: string) {
  const slots = await listPublicSlots(db, SLUG, { typeId });
  const days = onDate ? slots.days.filter((d) => d.date === onDate) : slots.days;
  const slot = days[0]?.slots[0];
  if (!slot) throw new Error("authz fixture: Demo Clinic offers no public slot (therapist hours?)");
  return slot;
}

const visitor = (typeId: string, slot: { start: string; therapistId: string }) => ({
  typeId,
  therapistId: slot.therapistId,
  startsAt: slot.start,
  firstName: "Walk",
  lastName: "Visitor",
  email: `walk-visitor-${++visitors}@example.test`,
  phone: "+44 7700 900000",
  dateOfBirth: "1990-01-01",
  reason: "Authorization walk",
});

/**
 * Demo Clinic opens its public page for the fixture type (created by authz-fixtures.ts), and one
 * visitor holds a time: `clinicSlug` and the hold's confirmation token (`bookingToken`) for the public operations.
 */
export const publicBookingFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const [demo] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, SLUG));
    await db
      .update(clinics)
      .set({ publicBooking: true, publicLeadHours: 0, publicHorizonDays: 60 })
      .where(eq(clinics.id, demo!.id));
    await db.update(appointmentTypes).set({ bookableByNewClients: true }).where(eq(appointmentTypes.id, base.typeId!));
    // The hold gets hours of its own, five days ahead: the portal booking fixture books three days ahead.
    const holdDate = addLocalDays(localDateOf(new Date(), DEMO_ZONE), 5);
    const admin = await actorFor(db, "admin@demo.test");
    await addException(db, admin, base.onlineTherapistId!, {
      kind: "extra_hours",
      date: holdDate,
      start: "14:00",
      end: "17:00",
    });
    const slot = await firstSlot(db, base.typeId!, holdDate);
    const input = visitor(base.typeId!, slot);
    const baseUrl = "http://knotwork.test";
    await holdSlot(db, SLUG, input, { baseUrl, address: null });
    const [mail] = await db
      .select({ text: emailOutbox.bodyText })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, input.email));
    const token = /\/book\/confirm\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    // A request awaiting a therapist, written directly: the world's few free slots (its therapists
    // have extra hours on some dates only) stay for the hold operation's own body.
    const [request] = await db
      .insert(bookingHolds)
      .values({
        clinicId: demo!.id,
        typeId: base.typeId!,
        therapistUserId: base.therapistId!,
        startsAt: new Date("2031-10-01T09:00:00Z"),
        endsAt: new Date("2031-10-01T10:00:00Z"),
        blocksUntil: new Date("2031-10-01T10:00:00Z"),
        expiresAt: new Date("2031-10-01T09:00:00Z"),
        status: "awaiting_clinic",
        email: "walk-request@example.test",
        firstName: "Walk",
        lastName: "Request",
        phone: "+44 7700 900001",
        dateOfBirth: "1990-01-01",
        reason: "Authorization walk",
        tokenHash: "walk-request-token-hash",
        clientId: base.clientId!,
      })
      .returning({ id: bookingHolds.id });
    return { clinicSlug: SLUG, bookingToken: token, publicTypeId: base.typeId!, requestId: request!.id };
  },
  // `token` is the calendar feed's fixture; the confirmation link has its own.
  paramOverrides: {
    getBookingConfirmation: { token: "bookingToken" },
    confirmBooking: { token: "bookingToken" },
  },
  dynamicBodies: {
    holdPublicSlot: {
      make: async (w) => {
        const typeId = w.params.publicTypeId!;
        // The fixture's own hold took the first slot: offer the next free one.
        return visitor(typeId, await firstSlot(w.db, typeId));
      },
    },
    updatePublicBookingSettings: {
      make: async () => ({
        enabled: true,
        leadHours: 24,
        horizonDays: 28,
        requiresApproval: false,
        embedOrigins: ["https://www.clinic.example"],
        typeIds: [],
      }),
    },
  },
};
