import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointmentReminders, auditEvents } from "@/db/schema";
import { calendarFixture, failure } from "./calendar-test-fixture";
import { createAppointment } from "./create-appointment";
import { moveAppointment } from "./move-appointment";
import { setAppointmentStatus } from "./set-appointment-status";
import { openVisitFromAppointment } from "./open-visit";

const f = calendarFixture();

describe("moving and resizing", () => {
  it("moves keeping the length, keeps the buffer after the new end, and bumps the version", async () => {
    const a = await f.book("2027-03-02T09:00:00Z");
    const moved = await moveAppointment(f.db, f.admin, a.id, {
      version: 1,
      startsAt: "2027-03-02T13:00:00Z",
      allowOutsideHours: false,
    });
    expect(moved).toMatchObject({
      startsAt: "2027-03-02T13:00:00.000Z",
      endsAt: "2027-03-02T14:00:00.000Z",
      version: 2,
    });
    expect((await f.row(a.id)).blocksUntil.toISOString()).toBe("2027-03-02T14:15:00.000Z");
    const resized = await moveAppointment(f.db, f.admin, a.id, {
      version: 2,
      endsAt: "2027-03-02T14:30:00Z",
      allowOutsideHours: false,
    });
    expect(resized).toMatchObject({
      startsAt: "2027-03-02T13:00:00.000Z",
      endsAt: "2027-03-02T14:30:00.000Z",
      version: 3,
    });
    expect((await f.row(a.id)).blocksUntil.toISOString()).toBe("2027-03-02T14:45:00.000Z");
    const [event] = await f.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, "appointment.moved")))
      .limit(1);
    expect(event?.details).toMatchObject({ fields: ["startsAt", "endsAt"] });
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const a = await f.book("2027-03-03T09:00:00Z");
    await moveAppointment(f.db, f.admin, a.id, {
      version: 1,
      startsAt: "2027-03-03T10:00:00Z",
      allowOutsideHours: false,
    });
    const err = await failure(
      moveAppointment(f.db, f.admin, a.id, { version: 1, startsAt: "2027-03-03T12:00:00Z", allowOutsideHours: false }),
    );
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "stale" } });
    expect((await f.row(a.id)).startsAt.toISOString()).toBe("2027-03-03T10:00:00.000Z");
  });

  it("refuses a move onto another booking, naming it, and leaves the appointment where it was", async () => {
    const first = await f.book("2027-03-04T10:00:00Z", { clientId: f.tom });
    const second = await f.book("2027-03-04T12:00:00Z", { roomId: f.roomB });
    const err = await failure(
      moveAppointment(f.db, f.admin, second.id, {
        version: 1,
        startsAt: "2027-03-04T10:30:00Z",
        allowOutsideHours: false,
      }),
    );
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "overlap" } });
    expect(err?.message).toBe("Tara Therapist already has Tom Okafor Thu 4 Mar, 10:00–11:00.");
    expect(await f.row(second.id)).toMatchObject({ version: 1, startsAt: new Date("2027-03-04T12:00:00Z") });
    // Inside the first appointment's buffer: the message says why a visible gap is not free.
    const buffer = await failure(
      moveAppointment(f.db, f.admin, second.id, {
        version: 1,
        startsAt: "2027-03-04T11:00:00Z",
        allowOutsideHours: false,
      }),
    );
    expect(buffer?.message).toBe(
      "Tara Therapist already has Tom Okafor Thu 4 Mar, 10:00–11:00, and 15 minutes' buffer after it.",
    );
    expect(
      (
        await moveAppointment(f.db, f.admin, first.id, {
          version: 1,
          startsAt: "2027-03-04T09:00:00Z",
          allowOutsideHours: false,
        })
      ).version,
    ).toBe(2);
  });

  it("moves to another therapist's column and names a room clash there", async () => {
    const a = await f.book("2027-03-05T10:00:00Z");
    await createAppointment(f.db, f.admin, {
      clientId: f.tom,
      therapistUserId: f.theo.userId,
      typeId: f.typeId,
      roomId: f.roomB,
      startsAt: "2027-03-05T13:00:00Z",
      allowOutsideHours: false,
    });
    const moved = await moveAppointment(f.db, f.admin, a.id, {
      version: 1,
      therapistUserId: f.theo.userId,
      allowOutsideHours: false,
    });
    expect(moved).toMatchObject({ therapistName: "Theo Therapist", startsAt: "2027-03-05T10:00:00.000Z" });
    // Tara is free at 13:00, but Room B is Theo's then.
    const b = await f.book("2027-03-05T14:30:00Z");
    const err = await failure(
      moveAppointment(f.db, f.admin, b.id, {
        version: 1,
        startsAt: "2027-03-05T13:30:00Z",
        roomId: f.roomB,
        allowOutsideHours: false,
      }),
    );
    expect(err?.message).toBe("Room B is already booked for Tom Okafor with Theo Therapist Fri 5 Mar, 13:00–14:00.");
  });

  it("asks before moving outside working hours, and records the override", async () => {
    const a = await f.book("2027-03-08T15:00:00Z");
    const err = await failure(
      moveAppointment(f.db, f.admin, a.id, { version: 1, startsAt: "2027-03-08T16:30:00Z", allowOutsideHours: false }),
    );
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "outside_hours" } });
    expect(
      (
        await moveAppointment(f.db, f.admin, a.id, {
          version: 1,
          startsAt: "2027-03-08T16:30:00Z",
          allowOutsideHours: true,
        })
      ).startsAt,
    ).toBe("2027-03-08T16:30:00.000Z");
  });

  it("refuses a length under 5 minutes, and a therapist moving a colleague's appointment", async () => {
    const a = await f.book("2027-03-09T09:00:00Z");
    expect(
      (
        await failure(
          moveAppointment(f.db, f.admin, a.id, {
            version: 1,
            endsAt: "2027-03-09T09:00:00Z",
            allowOutsideHours: false,
          }),
        )
      )?.code,
    ).toBe("INVALID");
    expect(
      (
        await failure(
          moveAppointment(f.db, f.theo, a.id, {
            version: 1,
            startsAt: "2027-03-09T10:00:00Z",
            allowOutsideHours: false,
          }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await moveAppointment(f.db, f.tara, a.id, {
          version: 1,
          startsAt: "2027-03-09T10:00:00Z",
          allowOutsideHours: false,
        })
      ).version,
    ).toBe(2);
  });
});

describe("what can be moved", () => {
  it("moves a booked appointment, or an arrived one without a visit; not one whose visit is open, nor a completed one", async () => {
    const arrived = await f.book("2027-03-10T09:00:00Z");
    await setAppointmentStatus(
      f.db,
      f.admin,
      arrived.id,
      { status: "arrived", version: 1 },
      new Date("2027-03-10T08:50:00Z"),
    );
    expect(
      (
        await moveAppointment(f.db, f.admin, arrived.id, {
          version: 2,
          endsAt: "2027-03-10T10:15:00Z",
          allowOutsideHours: false,
        })
      ).version,
    ).toBe(3);

    const opened = await f.book("2027-03-10T11:00:00Z");
    await openVisitFromAppointment(f.db, f.tara, opened.id);
    const err = await failure(
      moveAppointment(f.db, f.admin, opened.id, {
        version: 2,
        startsAt: "2027-03-10T12:00:00Z",
        allowOutsideHours: false,
      }),
    );
    expect(err).toMatchObject({
      code: "CONFLICT",
      message: "This appointment's visit is already open, so it cannot be moved or resized.",
    });

    const done = await f.book("2027-03-10T14:00:00Z");
    await setAppointmentStatus(
      f.db,
      f.admin,
      done.id,
      { status: "completed", version: 1 },
      new Date("2027-03-10T15:00:00Z"),
    );
    const completed = await failure(
      moveAppointment(f.db, f.admin, done.id, { version: 2, endsAt: "2027-03-10T15:30:00Z", allowOutsideHours: false }),
    );
    expect(completed).toMatchObject({
      code: "CONFLICT",
      message: "A completed appointment cannot be moved or resized.",
    });
    expect((await f.row(done.id)).endsAt.toISOString()).toBe("2027-03-10T15:00:00.000Z");
  });

  it("forgets the sent reminder when the start moves, so a new one goes out for the new time; a resize keeps it", async () => {
    const a = await f.book("2027-03-11T09:00:00Z");
    const reminderOf = async () =>
      f.db
        .select()
        .from(appointmentReminders)
        .where(and(eq(appointmentReminders.clinicId, f.admin.clinicId), eq(appointmentReminders.appointmentId, a.id)));
    await f.db.insert(appointmentReminders).values({ clinicId: f.admin.clinicId, appointmentId: a.id });
    await moveAppointment(f.db, f.admin, a.id, {
      version: 1,
      endsAt: "2027-03-11T10:30:00Z",
      allowOutsideHours: false,
    });
    expect(await reminderOf()).toHaveLength(1);
    await moveAppointment(f.db, f.admin, a.id, {
      version: 2,
      startsAt: "2027-03-11T13:00:00Z",
      allowOutsideHours: false,
    });
    expect(await reminderOf()).toEqual([]);
    // A refused move (a colleague's diary) changes nothing, the reminder included.
    await f.db.insert(appointmentReminders).values({ clinicId: f.admin.clinicId, appointmentId: a.id });
    expect(
      (
        await failure(
          moveAppointment(f.db, f.theo, a.id, {
            version: 3,
            startsAt: "2027-03-11T14:00:00Z",
            allowOutsideHours: false,
          }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(await reminderOf()).toHaveLength(1);
  });
});
