import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { appointments, clinics } from "@/db/schema";
import { DEMO_CLINICS } from "@/db/seed/demo-people";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { listRescheduleSlots } from "@/lib/scheduling/portal-booking/list-reschedule-slots";
import { addException } from "@/lib/scheduling/availability/add-exception";
import { createCalendarFeed } from "@/lib/scheduling/calendar-feed/create-calendar-feed";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { addLocalDays, localDateOf, zonedInstant } from "@/lib/format/zoned";
import type { FixtureModule } from "./authz-fixture-module";
import { actorFor, clientIdByName } from "./db";

const BASE_URL = "http://knotwork.test";
const DEMO_ZONE = DEMO_CLINICS.find((c) => c.key === "demo")!.timezone;

/** Three clinic-local days ahead: past any notice period and the online booking lead time. */
const bookingDate = (timeZone: string) => addLocalDays(localDateOf(new Date(), timeZone), 3);

/**
 * Fixtures for the booking routes' authorization walk:
 * - onlineTypeId: an online-bookable type (the portal slot list uses it instead of typeId);
 * - myAppointmentId: an appointment of Casey Client, the Demo portal client, 47 days ahead;
 * - token: a live calendar feed of the Demo therapist (Tara).
 * Theo gets extra hours three days ahead, so the Demo client's booking body names a free slot; Tara four
 * days ahead, where the Demo client moves their appointment to.
 */
export const bookingFixtures: FixtureModule = {
  buildParams: async (db) => {
    const admin = await actorFor(db, "admin@demo.test");
    const tara = await actorFor(db, "therapist@demo.test");
    const theo = await actorFor(db, "therapist2@demo.test");
    const tz = DEMO_ZONE;
    await db.update(clinics).set({ onlineBooking: true }).where(eq(clinics.id, admin.clinicId));
    const type = await createAppointmentType(db, admin, {
      name: "Online fixture type",
      durationMin: 45,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: true,
      needsRoom: false,
    });
    await addException(db, admin, theo.userId, {
      kind: "extra_hours",
      date: bookingDate(tz),
      start: "10:00",
      end: "12:00",
    });
    // Tara's free morning four days ahead: where the Demo client may move their appointment to.
    await addException(db, admin, tara.userId, {
      kind: "extra_hours",
      date: addLocalDays(bookingDate(tz), 1),
      start: "10:00",
      end: "12:00",
    });
    // An odd time far ahead, so it meets no other area's fixture appointment of Tara.
    const startsAt = zonedInstant(addLocalDays(localDateOf(new Date(), tz), 47), "06:35", tz).toISOString();
    const casey = await clientIdByName(db, "Casey", "Client");
    const { appointment } = await bookAppointment(db, admin, {
      clientId: casey,
      therapistUserId: tara.userId,
      typeId: type.id,
      roomId: null,
      startsAt,
    });
    const feed = await createCalendarFeed(db, tara, tara.userId, BASE_URL);
    const token = /calendar-feeds\/([^/]+)\/feed\.ics$/.exec(feed.url)![1]!;
    return { onlineTypeId: type.id, myAppointmentId: appointment.id, token, onlineTherapistId: theo.userId };
  },
  paramOverrides: { listPortalSlots: { typeId: "onlineTypeId" } },
  dynamicBodies: {
    // Only the Demo client may book; another clinic's client names a type it cannot see (404).
    bookOnline: {
      refersToDemo: true,
      make: async (w) => ({
        typeId: w.params.onlineTypeId,
        therapistId: w.params.onlineTherapistId,
        startsAt: zonedInstant(bookingDate(DEMO_ZONE), "10:00", DEMO_ZONE).toISOString(),
        idempotencyKey: randomUUID(),
      }),
    },
    // The Demo client moves their fixture appointment to the furthest free time the portal offers,
    // with its current version; anyone else names an appointment they cannot see (404).
    rescheduleMyAppointment: {
      refersToDemo: true,
      make: async (w) => {
        const casey = await actorFor(w.db, "client@demo.test");
        const id = w.params.myAppointmentId!;
        const free = await listRescheduleSlots(w.db, casey, id, { days: 28 });
        const [row] = await w.db
          .select({ version: appointments.version })
          .from(appointments)
          .where(eq(appointments.id, id));
        return { startsAt: free.days.at(-1)?.slots.at(-1)?.start ?? new Date().toISOString(), version: row!.version };
      },
    },
  },
};
