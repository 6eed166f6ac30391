import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { actorFor } from "./db";
import type { FixtureModule } from "./authz-fixture-module";

// Far from any date other tests book, so the fixture never collides with theirs.
const FIXTURE_START = "2031-06-10T07:00:00Z";
const MINE = ["getAppointment", "moveAppointment", "setAppointmentStatus", "cancelAppointment", "openAppointmentVisit"];

/**
 * Fixtures for the calendar routes' authorization walk: a booked Demo appointment of the Demo
 * therapist (so a therapist may change it: their own diary). Each allowed attempt runs in a
 * rolled-back transaction, so version 1 and "booked" hold for every one of them.
 */
export const calendarFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const admin = await actorFor(db, "admin@demo.test");
    const { appointment } = await bookAppointment(db, admin, {
      clientId: base.clientId!,
      therapistUserId: base.therapistId!,
      typeId: base.typeId!,
      roomId: base.roomId!,
      startsAt: FIXTURE_START,
    });
    return { appointmentId: appointment.id, calendarAppointmentId: appointment.id };
  },
  paramOverrides: Object.fromEntries(MINE.map((id) => [id, { appointmentId: "calendarAppointmentId" }])),
  dynamicBodies: {
    // The fixture is years ahead and arrived/completed are refused before an hour before the
    // start, so the walk asks for the current status: a no-op after the authorization checks.
    setAppointmentStatus: { make: async () => ({ status: "booked", version: 1 }) },
    createAppointment: {
      refersToDemo: true,
      make: async (w) => ({
        clientId: w.params.clientId,
        therapistUserId: w.params.therapistId,
        typeId: w.params.typeId,
        roomId: w.params.roomId,
        startsAt: "2031-06-11T07:00:00Z",
        allowOutsideHours: true,
      }),
    },
  },
};
