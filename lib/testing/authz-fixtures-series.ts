import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { createSeries } from "@/lib/scheduling/appointments/series";
import { createSeriesBody } from "@/lib/scheduling/appointments/series-schemas";
import { addException } from "@/lib/scheduling/availability/add-exception";
import { addWaitlistEntry } from "@/lib/scheduling/waitlist/add-waitlist-entry";
import { waitlistEntryBody } from "@/lib/scheduling/waitlist/schemas";
import { actorFor, clientIdByName } from "./db";
import type { FixtureModule } from "./authz-fixture-module";

// Far from the dates other fixtures and tests book (the calendar's are in June 2031).
const SERIES_DAY = "2031-09-08";
const BOOKING_DAY = "2031-09-15";

/**
 * Fixtures for the series, waitlist and client-flag routes: a one-session series of the Demo
 * therapist (seriesId), a waiting entry for another client (entryId), and extra hours on the
 * days the series bodies book so that "create" succeeds for every allowed actor. `appointmentId`
 * comes from the calendar fixtures when they define it; otherwise a booked one is made here.
 */
export const seriesFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const admin = await actorFor(db, "admin@demo.test");
    for (const date of [SERIES_DAY, BOOKING_DAY]) {
      await addException(db, admin, base.therapistId!, { kind: "extra_hours", date, start: "09:00", end: "17:00" });
    }
    const series = await createSeries(
      db,
      admin,
      createSeriesBody.parse({
        clientId: base.clientId,
        typeId: base.typeId,
        therapistUserId: base.therapistId,
        roomId: null,
        rule: { start: `${SERIES_DAY}T10:00`, intervalWeeks: 1, count: 1 },
      }),
    );
    const tom = await clientIdByName(db, "Tom", "Okafor");
    const entry = await addWaitlistEntry(
      db,
      admin,
      waitlistEntryBody.parse({ clientId: tom, weekdays: [1, 2, 3, 4, 5] }),
    );
    const params: Record<string, string> = { seriesId: series.id, entryId: entry.id };
    if (!base.appointmentId) {
      const { appointment } = await bookAppointment(db, admin, {
        clientId: base.clientId!,
        therapistUserId: base.therapistId!,
        typeId: base.typeId!,
        roomId: base.roomId!,
        startsAt: `${SERIES_DAY}T13:00:00Z`,
      });
      params.appointmentId = appointment.id;
    }
    return params;
  },
  dynamicBodies: {
    previewSeries: {
      refersToDemo: true,
      make: async (w) => ({
        clientId: w.params.clientId,
        typeId: w.params.typeId,
        therapistUserId: w.params.therapistId,
        roomId: null,
        rule: { start: `${BOOKING_DAY}T10:00`, intervalWeeks: 2, count: 3 },
      }),
    },
    createSeries: {
      refersToDemo: true,
      make: async (w) => ({
        clientId: w.params.clientId,
        typeId: w.params.typeId,
        therapistUserId: w.params.therapistId,
        roomId: w.params.roomId,
        rule: { start: `${BOOKING_DAY}T11:00`, intervalWeeks: 1, count: 1 },
      }),
    },
    addWaitlistEntry: {
      refersToDemo: true,
      make: async (w) => ({ clientId: w.params.clientId, timeFrom: "08:00", timeTo: "12:00" }),
    },
  },
};
