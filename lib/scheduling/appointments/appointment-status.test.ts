import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointments, appointmentTypes, auditEvents, rooms } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createAppointment } from "./create-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { setAppointmentStatus } from "./set-appointment-status";
import { openVisitFromAppointment } from "./open-visit";
import { getAppointment } from "./get-appointment";
import { listAppointments } from "./list-appointments";
import { moveAppointment } from "./move-appointment";
import { listAppointmentsQuery } from "./calendar-schemas";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past; holds and reminders compare with the database's own now()).

let t: TestDb;
let admin: Actor;
let tara: Actor;
let other: Actor;
let priya: string;
let tom: string;
let typeId: string;
let roomA: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
  other = await actorFor(t.db, "admin@other.test", "other-clinic");
  priya = await clientIdByName(t.db, "Priya", "Shah");
  tom = await clientIdByName(t.db, "Tom", "Okafor");
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Treatment 45", durationMin: 45, bufferAfterMin: 0 })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
  [{ id: roomA }] = (await t.db
    .insert(rooms)
    .values({ clinicId: admin.clinicId, name: "Room A" })
    .returning({ id: rooms.id })) as [{ id: string }];
});
afterAll(() => t.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );
const book = (startsAt: string, clientId = priya) =>
  createAppointment(t.db, admin, {
    clientId,
    therapistUserId: tara.userId,
    typeId,
    roomId: roomA,
    startsAt,
    allowOutsideHours: false,
  });
const hours = (n: number, from: string) => new Date(new Date(from).getTime() - n * 3_600_000);

describe("status changes", () => {
  it("walks booked → arrived → completed, allows one step back, and audits each change", async () => {
    const a = await book("2038-04-05T09:00:00Z");
    expect(
      (
        await setAppointmentStatus(
          t.db,
          admin,
          a.id,
          { status: "arrived", version: 1 },
          new Date("2038-04-05T08:55:00Z"),
        )
      ).status,
    ).toBe("arrived");
    expect((await setAppointmentStatus(t.db, admin, a.id, { status: "completed", version: 2 })).status).toBe(
      "completed",
    );
    expect((await setAppointmentStatus(t.db, admin, a.id, { status: "arrived", version: 3 })).status).toBe("arrived");
    const events = await t.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, "appointment.status_changed")));
    expect(events.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        { from: "booked", to: "arrived" },
        { from: "arrived", to: "completed" },
      ]),
    );
    const err = await failure(setAppointmentStatus(t.db, admin, a.id, { status: "no_show", version: 4 }));
    expect(err).toMatchObject({
      code: "CONFLICT",
      message: "An appointment that is arrived cannot be marked a no-show.",
    });
  });

  it("marks a client arrived or completed from an hour before the start, not days ahead", async () => {
    const a = await book("2038-04-08T09:00:00Z");
    for (const status of ["arrived", "completed"] as const) {
      const early = await failure(
        setAppointmentStatus(t.db, admin, a.id, { status, version: 1 }, new Date("2038-04-08T07:59:00Z")),
      );
      expect(early).toMatchObject({
        code: "INVALID",
        message: `This appointment can be marked ${status} from an hour before it starts.`,
      });
    }
    expect((await failure(setAppointmentStatus(t.db, admin, a.id, { status: "arrived", version: 1 })))?.code).toBe(
      "INVALID",
    );
    expect(
      (
        await setAppointmentStatus(
          t.db,
          admin,
          a.id,
          { status: "arrived", version: 1 },
          new Date("2038-04-08T08:00:00Z"),
        )
      ).status,
    ).toBe("arrived");
  });

  it("records a no-show only once the start has passed, and refuses a stale version", async () => {
    const a = await book("2038-04-06T09:00:00Z");
    const early = await failure(
      setAppointmentStatus(t.db, admin, a.id, { status: "no_show", version: 1 }, new Date("2038-04-06T08:59:00Z")),
    );
    expect(early?.code).toBe("INVALID");
    expect(
      (
        await setAppointmentStatus(
          t.db,
          admin,
          a.id,
          { status: "no_show", version: 1 },
          new Date("2038-04-06T09:20:00Z"),
        )
      ).status,
    ).toBe("no_show");
    expect((await failure(setAppointmentStatus(t.db, admin, a.id, { status: "booked", version: 1 })))?.details).toEqual(
      { reason: "stale" },
    );
  });

  it("undoing a no-show takes the slot back, unless someone was booked into it meanwhile", async () => {
    const a = await book("2038-04-07T09:00:00Z");
    await setAppointmentStatus(t.db, admin, a.id, { status: "no_show", version: 1 }, new Date("2038-04-07T09:30:00Z"));
    await book("2038-04-07T09:15:00Z", tom);
    const err = await failure(setAppointmentStatus(t.db, admin, a.id, { status: "booked", version: 2 }));
    expect(err?.message).toBe(
      "The slot was booked again meanwhile: Tara Therapist already has Tom Okafor Wed 7 Apr, 10:15–11:00.",
    );
  });
});

describe("cancelling", () => {
  it("records a client's cancellation inside the notice period as late, with the reason", async () => {
    const a = await book("2038-04-12T09:00:00Z");
    const cancelled = await cancelAppointment(
      t.db,
      admin,
      a.id,
      { reason: "Feeling unwell", cancelledBy: "client", version: 1 },
      hours(3, "2038-04-12T09:00:00Z"),
    );
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancelReason: "Feeling unwell",
      lateCancellation: true,
      version: 2,
    });
    const [stored] = await t.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.clinicId, admin.clinicId), eq(appointments.id, a.id)));
    expect(stored).toMatchObject({ cancelledBy: admin.userId, cancelledAt: hours(3, "2038-04-12T09:00:00Z") });
    const [event] = await t.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, "appointment.cancelled")));
    // The free-text reason stays out of the audit trail.
    expect(event?.details).toEqual({ from: "booked", cancelledBy: "client", late: true });
  });

  it("is on time with 24 hours' notice or more, and never late when the clinic cancels", async () => {
    const a = await book("2038-04-13T09:00:00Z");
    expect(
      (
        await cancelAppointment(
          t.db,
          admin,
          a.id,
          { reason: "Holiday", cancelledBy: "client", version: 1 },
          hours(24, "2038-04-13T09:00:00Z"),
        )
      ).lateCancellation,
    ).toBe(false);
    const b = await book("2038-04-14T09:00:00Z");
    expect(
      (
        await cancelAppointment(
          t.db,
          admin,
          b.id,
          { reason: "Therapist ill", cancelledBy: "clinic", version: 1 },
          hours(1, "2038-04-14T09:00:00Z"),
        )
      ).lateCancellation,
    ).toBe(false);
  });

  it("frees the slot, cannot be repeated, and hides from the calendar unless asked for", async () => {
    const a = await book("2038-04-15T09:00:00Z");
    await cancelAppointment(t.db, admin, a.id, { reason: "Rebooked", cancelledBy: "clinic", version: 1 });
    expect(
      (await failure(cancelAppointment(t.db, admin, a.id, { reason: "Again", cancelledBy: "clinic", version: 2 })))
        ?.code,
    ).toBe("CONFLICT");
    expect(
      (
        await failure(
          moveAppointment(t.db, admin, a.id, {
            version: 2,
            startsAt: "2038-04-15T11:00:00Z",
            allowOutsideHours: false,
          }),
        )
      )?.code,
    ).toBe("CONFLICT");
    const again = await book("2038-04-15T09:00:00Z", tom);
    const q = (includeCancelled?: string) =>
      listAppointments(
        t.db,
        admin,
        listAppointmentsQuery.parse({ from: "2038-04-15", to: "2038-04-16", includeCancelled }),
      );
    expect((await q()).appointments.map((x) => x.id)).toEqual([again.id]);
    expect((await q("true")).appointments.map((x) => x.id).sort()).toEqual([a.id, again.id].sort());
  });
});

describe("another clinic", () => {
  it("gets 404 for every step on this clinic's appointment and sees none of them", async () => {
    const a = await book("2038-04-21T09:00:00Z");
    const otherTherapist = await actorFor(t.db, "therapist@other.test", "other-clinic");
    for (const attempt of [
      () => getAppointment(t.db, other, a.id),
      () =>
        moveAppointment(t.db, other, a.id, { version: 1, startsAt: "2038-04-21T10:00:00Z", allowOutsideHours: true }),
      () => setAppointmentStatus(t.db, other, a.id, { status: "arrived", version: 1 }),
      () => cancelAppointment(t.db, other, a.id, { reason: "Not ours", cancelledBy: "clinic", version: 1 }),
      () => openVisitFromAppointment(t.db, otherTherapist, a.id),
      () =>
        createAppointment(t.db, other, {
          clientId: priya,
          therapistUserId: tara.userId,
          typeId,
          roomId: roomA,
          startsAt: "2038-04-22T09:00:00Z",
          allowOutsideHours: true,
        }),
    ]) {
      expect((await failure(attempt()))?.code).toBe("NOT_FOUND");
    }
    const theirs = await listAppointments(
      t.db,
      other,
      listAppointmentsQuery.parse({ from: "2038-04-19", to: "2038-04-26" }),
    );
    expect(theirs.appointments).toEqual([]);
    expect(theirs.therapists.map((x) => x.name)).toEqual(["Oscar Therapist"]);
    expect((await getAppointment(t.db, admin, a.id)).version).toBe(1);
  });
});
