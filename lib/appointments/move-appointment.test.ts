import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointmentReminders, appointments, appointmentTypes, auditEvents, clinics, rooms } from "@/db/schema";
import type { AppError } from "@/lib/http/errors";
import { setWeeklyHours } from "@/lib/availability/availability";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/auth/actor";
import { createAppointment } from "./create-appointment";
import { moveAppointment } from "./move-appointment";
import { setAppointmentStatus } from "./appointment-status";
import { openVisitFromAppointment } from "./open-visit";
import { listAppointments } from "./list-appointments";
import { listAppointmentsQuery } from "./calendar-schemas";
import { setTypeTherapists } from "@/lib/clinic-setup/type-therapists";

let t: TestDb;
let admin: Actor;
let tara: Actor;
let theo: Actor;
let priya: string;
let tom: string;
let typeId: string;
let roomA: string;
let roomB: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
  theo = await actorFor(t.db, "therapist2@demo.test");
  priya = await clientIdByName(t.db, "Priya", "Shah");
  tom = await clientIdByName(t.db, "Tom", "Okafor");
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Treatment 60", durationMin: 60, bufferAfterMin: 15, colour: "#7c3aed" })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
  [{ id: roomA }, { id: roomB }] = (await t.db
    .insert(rooms)
    .values([
      { clinicId: admin.clinicId, name: "Room A" },
      { clinicId: admin.clinicId, name: "Room B" },
    ])
    .returning({ id: rooms.id })) as [{ id: string }, { id: string }];
  // Tara works weekdays 09:00–17:00 London time; Theo has no hours recorded.
  await setWeeklyHours(t.db, admin, tara.userId, {
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
    version: 0,
  });
});
afterAll(() => t.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );
const book = (startsAt: string, over: Partial<Parameters<typeof createAppointment>[2]> = {}) =>
  createAppointment(t.db, admin, {
    clientId: priya,
    therapistUserId: tara.userId,
    typeId,
    roomId: roomA,
    startsAt,
    allowOutsideHours: false,
    ...over,
  });
const row = async (id: string) =>
  (
    await t.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.clinicId, admin.clinicId), eq(appointments.id, id)))
  )[0]!;

describe("booking from the calendar", () => {
  it("books inside working hours and returns the calendar's view", async () => {
    const a = await book("2027-03-01T10:00:00Z");
    expect(a).toMatchObject({
      clientName: "Priya Shah",
      therapistName: "Tara Therapist",
      roomName: "Room A",
      typeName: "Treatment 60",
      typeColour: "#7c3aed",
      status: "booked",
      version: 1,
      replayed: false,
    });
  });

  it("refuses a time outside the therapist's hours unless staff confirm it", async () => {
    const err = await failure(book("2027-03-01T17:30:00Z"));
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "outside_hours" } });
    expect(err?.message).toBe(
      "Mon 1 Mar, 17:30–18:30 is outside Tara Therapist's working hours (or on time off). Confirm to book it anyway.",
    );
    expect((await book("2027-03-01T17:30:00Z", { allowOutsideHours: true })).status).toBe("booked");
  });

  it("books and moves only to a therapist who offers the type", async () => {
    const [{ id: taraOnly }] = (await t.db
      .insert(appointmentTypes)
      .values({ clinicId: admin.clinicId, name: "Dry needling", durationMin: 30 })
      .returning({ id: appointmentTypes.id })) as [{ id: string }];
    await setTypeTherapists(t.db, admin, taraOnly, [tara.userId]);
    const refused = await failure(
      book("2027-03-08T10:00:00Z", { typeId: taraOnly, therapistUserId: theo.userId, allowOutsideHours: true }),
    );
    expect(refused).toMatchObject({
      code: "INVALID",
      fieldErrors: {
        therapistUserId: ["Theo Therapist does not offer this appointment type (see Settings → Appointment types)."],
      },
    });
    const booked = await book("2027-03-08T10:00:00Z", { typeId: taraOnly });
    const moved = await failure(
      moveAppointment(t.db, admin, booked.id, {
        version: booked.version,
        therapistUserId: theo.userId,
        allowOutsideHours: true,
      }),
    );
    expect(moved).toMatchObject({ code: "INVALID" });
    expect((await row(booked.id)).therapistUserId).toBe(tara.userId);
  });

  it("names the client and time of a double booking", async () => {
    const err = await failure(book("2027-03-01T10:30:00Z", { clientId: tom, roomId: roomB }));
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "overlap" } });
    expect(err?.message).toBe("Tara Therapist already has Priya Shah Mon 1 Mar, 10:00–11:00.");
  });

  it("writes its conflict messages in the clinic's locale (an en-US clinic reads 12-hour US dates)", async () => {
    await t.db.update(clinics).set({ locale: "en-US" }).where(eq(clinics.id, admin.clinicId));
    try {
      const us = await actorFor(t.db, "admin@demo.test");
      const input = { clientId: tom, therapistUserId: tara.userId, typeId, roomId: roomB, allowOutsideHours: false };
      const overlap = await failure(createAppointment(t.db, us, { ...input, startsAt: "2027-03-01T10:30:00Z" }));
      expect(overlap?.message).toBe("Tara Therapist already has Priya Shah Mon, Mar 1, 10:00 – 11:00 AM.");
      const late = await failure(createAppointment(t.db, us, { ...input, startsAt: "2027-03-01T17:30:00Z" }));
      expect(late?.message).toBe(
        "Mon, Mar 1, 5:30 – 6:30 PM is outside Tara Therapist's working hours (or on time off). Confirm to book it anyway.",
      );
    } finally {
      await t.db.update(clinics).set({ locale: "en-GB" }).where(eq(clinics.id, admin.clinicId));
    }
  });

  it("lets a therapist book only into their own diary", async () => {
    expect(
      (
        await failure(
          createAppointment(t.db, theo, {
            clientId: tom,
            therapistUserId: tara.userId,
            typeId,
            roomId: roomB,
            startsAt: "2027-03-01T14:00:00Z",
            allowOutsideHours: false,
          }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await createAppointment(t.db, theo, {
          clientId: tom,
          therapistUserId: theo.userId,
          typeId,
          roomId: roomB,
          startsAt: "2027-03-01T14:00:00Z",
          allowOutsideHours: false,
        })
      ).therapistName,
    ).toBe("Theo Therapist");
  });
});

describe("moving and resizing", () => {
  it("moves keeping the length, keeps the buffer after the new end, and bumps the version", async () => {
    const a = await book("2027-03-02T09:00:00Z");
    const moved = await moveAppointment(t.db, admin, a.id, {
      version: 1,
      startsAt: "2027-03-02T13:00:00Z",
      allowOutsideHours: false,
    });
    expect(moved).toMatchObject({
      startsAt: "2027-03-02T13:00:00.000Z",
      endsAt: "2027-03-02T14:00:00.000Z",
      version: 2,
    });
    expect((await row(a.id)).blocksUntil.toISOString()).toBe("2027-03-02T14:15:00.000Z");
    const resized = await moveAppointment(t.db, admin, a.id, {
      version: 2,
      endsAt: "2027-03-02T14:30:00Z",
      allowOutsideHours: false,
    });
    expect(resized).toMatchObject({
      startsAt: "2027-03-02T13:00:00.000Z",
      endsAt: "2027-03-02T14:30:00.000Z",
      version: 3,
    });
    expect((await row(a.id)).blocksUntil.toISOString()).toBe("2027-03-02T14:45:00.000Z");
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, "appointment.moved")))
      .limit(1);
    expect(event?.details).toMatchObject({ fields: ["startsAt", "endsAt"] });
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const a = await book("2027-03-03T09:00:00Z");
    await moveAppointment(t.db, admin, a.id, {
      version: 1,
      startsAt: "2027-03-03T10:00:00Z",
      allowOutsideHours: false,
    });
    const err = await failure(
      moveAppointment(t.db, admin, a.id, { version: 1, startsAt: "2027-03-03T12:00:00Z", allowOutsideHours: false }),
    );
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "stale" } });
    expect((await row(a.id)).startsAt.toISOString()).toBe("2027-03-03T10:00:00.000Z");
  });

  it("refuses a move onto another booking, naming it, and leaves the appointment where it was", async () => {
    const first = await book("2027-03-04T10:00:00Z", { clientId: tom });
    const second = await book("2027-03-04T12:00:00Z", { roomId: roomB });
    const err = await failure(
      moveAppointment(t.db, admin, second.id, {
        version: 1,
        startsAt: "2027-03-04T10:30:00Z",
        allowOutsideHours: false,
      }),
    );
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "overlap" } });
    expect(err?.message).toBe("Tara Therapist already has Tom Okafor Thu 4 Mar, 10:00–11:00.");
    expect(await row(second.id)).toMatchObject({ version: 1, startsAt: new Date("2027-03-04T12:00:00Z") });
    // Inside the first appointment's buffer: the message says why a visible gap is not free.
    const buffer = await failure(
      moveAppointment(t.db, admin, second.id, {
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
        await moveAppointment(t.db, admin, first.id, {
          version: 1,
          startsAt: "2027-03-04T09:00:00Z",
          allowOutsideHours: false,
        })
      ).version,
    ).toBe(2);
  });

  it("moves to another therapist's column and names a room clash there", async () => {
    const a = await book("2027-03-05T10:00:00Z");
    await createAppointment(t.db, admin, {
      clientId: tom,
      therapistUserId: theo.userId,
      typeId,
      roomId: roomB,
      startsAt: "2027-03-05T13:00:00Z",
      allowOutsideHours: false,
    });
    const moved = await moveAppointment(t.db, admin, a.id, {
      version: 1,
      therapistUserId: theo.userId,
      allowOutsideHours: false,
    });
    expect(moved).toMatchObject({ therapistName: "Theo Therapist", startsAt: "2027-03-05T10:00:00.000Z" });
    // Tara is free at 13:00, but Room B is Theo's then.
    const b = await book("2027-03-05T14:30:00Z");
    const err = await failure(
      moveAppointment(t.db, admin, b.id, {
        version: 1,
        startsAt: "2027-03-05T13:30:00Z",
        roomId: roomB,
        allowOutsideHours: false,
      }),
    );
    expect(err?.message).toBe("Room B is already booked for Tom Okafor with Theo Therapist Fri 5 Mar, 13:00–14:00.");
  });

  it("asks before moving outside working hours, and records the override", async () => {
    const a = await book("2027-03-08T15:00:00Z");
    const err = await failure(
      moveAppointment(t.db, admin, a.id, { version: 1, startsAt: "2027-03-08T16:30:00Z", allowOutsideHours: false }),
    );
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "outside_hours" } });
    expect(
      (
        await moveAppointment(t.db, admin, a.id, {
          version: 1,
          startsAt: "2027-03-08T16:30:00Z",
          allowOutsideHours: true,
        })
      ).startsAt,
    ).toBe("2027-03-08T16:30:00.000Z");
  });

  it("refuses a length under 5 minutes, and a therapist moving a colleague's appointment", async () => {
    const a = await book("2027-03-09T09:00:00Z");
    expect(
      (
        await failure(
          moveAppointment(t.db, admin, a.id, { version: 1, endsAt: "2027-03-09T09:00:00Z", allowOutsideHours: false }),
        )
      )?.code,
    ).toBe("INVALID");
    expect(
      (
        await failure(
          moveAppointment(t.db, theo, a.id, { version: 1, startsAt: "2027-03-09T10:00:00Z", allowOutsideHours: false }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await moveAppointment(t.db, tara, a.id, {
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
    const arrived = await book("2027-03-10T09:00:00Z");
    await setAppointmentStatus(
      t.db,
      admin,
      arrived.id,
      { status: "arrived", version: 1 },
      new Date("2027-03-10T08:50:00Z"),
    );
    expect(
      (
        await moveAppointment(t.db, admin, arrived.id, {
          version: 2,
          endsAt: "2027-03-10T10:15:00Z",
          allowOutsideHours: false,
        })
      ).version,
    ).toBe(3);

    const opened = await book("2027-03-10T11:00:00Z");
    await openVisitFromAppointment(t.db, tara, opened.id);
    const err = await failure(
      moveAppointment(t.db, admin, opened.id, {
        version: 2,
        startsAt: "2027-03-10T12:00:00Z",
        allowOutsideHours: false,
      }),
    );
    expect(err).toMatchObject({
      code: "CONFLICT",
      message: "This appointment's visit is already open, so it cannot be moved or resized.",
    });

    const done = await book("2027-03-10T14:00:00Z");
    await setAppointmentStatus(
      t.db,
      admin,
      done.id,
      { status: "completed", version: 1 },
      new Date("2027-03-10T15:00:00Z"),
    );
    const completed = await failure(
      moveAppointment(t.db, admin, done.id, { version: 2, endsAt: "2027-03-10T15:30:00Z", allowOutsideHours: false }),
    );
    expect(completed).toMatchObject({
      code: "CONFLICT",
      message: "A completed appointment cannot be moved or resized.",
    });
    expect((await row(done.id)).endsAt.toISOString()).toBe("2027-03-10T15:00:00.000Z");
  });

  it("forgets the sent reminder when the start moves, so a new one goes out for the new time; a resize keeps it", async () => {
    const a = await book("2027-03-11T09:00:00Z");
    const reminderOf = async () =>
      t.db
        .select()
        .from(appointmentReminders)
        .where(and(eq(appointmentReminders.clinicId, admin.clinicId), eq(appointmentReminders.appointmentId, a.id)));
    await t.db.insert(appointmentReminders).values({ clinicId: admin.clinicId, appointmentId: a.id });
    await moveAppointment(t.db, admin, a.id, { version: 1, endsAt: "2027-03-11T10:30:00Z", allowOutsideHours: false });
    expect(await reminderOf()).toHaveLength(1);
    await moveAppointment(t.db, admin, a.id, {
      version: 2,
      startsAt: "2027-03-11T13:00:00Z",
      allowOutsideHours: false,
    });
    expect(await reminderOf()).toEqual([]);
    // A refused move (a colleague's diary) changes nothing, the reminder included.
    await t.db.insert(appointmentReminders).values({ clinicId: admin.clinicId, appointmentId: a.id });
    expect(
      (
        await failure(
          moveAppointment(t.db, theo, a.id, { version: 3, startsAt: "2027-03-11T14:00:00Z", allowOutsideHours: false }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(await reminderOf()).toHaveLength(1);
  });
});

describe("the calendar range", () => {
  it("reads local dates in the clinic's zone across the spring-forward change, with working time per therapist", async () => {
    // London moves to BST on Sunday 28 March 2027: Monday 09:00 local is 08:00Z.
    const a = await book("2027-03-29T08:00:00Z");
    const range = await listAppointments(
      t.db,
      admin,
      listAppointmentsQuery.parse({ from: "2027-03-29", to: "2027-03-30" }),
    );
    expect(range.from).toBe("2027-03-28T23:00:00.000Z");
    expect(range.appointments.map((x) => x.id)).toEqual([a.id]);
    const taraCol = range.therapists.find((x) => x.id === tara.userId)!;
    expect(taraCol).toMatchObject({
      hoursSet: true,
      working: [{ start: "2027-03-29T08:00:00.000Z", end: "2027-03-29T16:00:00.000Z" }],
    });
    expect(range.therapists.find((x) => x.id === theo.userId)).toMatchObject({ hoursSet: false, working: [] });
  });

  it("filters by therapist and room", async () => {
    const q = (extra: Record<string, unknown>) =>
      listAppointments(t.db, admin, listAppointmentsQuery.parse({ from: "2027-03-05", to: "2027-03-06", ...extra }));
    expect((await q({})).appointments).toHaveLength(3);
    const theos = await q({ therapistId: theo.userId });
    expect(theos.therapists.map((x) => x.name)).toEqual(["Theo Therapist"]);
    expect(theos.appointments.every((x) => x.therapistUserId === theo.userId)).toBe(true);
    expect((await q({ roomId: roomB })).appointments.map((x) => x.roomName)).toEqual(["Room B"]);
  });

  it("refuses an inverted or over-long range", async () => {
    await expect(
      listAppointments(t.db, admin, listAppointmentsQuery.parse({ from: "2027-03-05", to: "2027-03-04" })),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      listAppointments(t.db, admin, listAppointmentsQuery.parse({ from: "2027-03-01", to: "2027-06-01" })),
    ).rejects.toMatchObject({ code: "INVALID" });
  });
});
