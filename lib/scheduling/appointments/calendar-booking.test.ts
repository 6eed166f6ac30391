import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { appointmentTypes, clinics } from "@/db/schema";
import { actorFor } from "@/lib/testing/db";
import { calendarFixture, failure } from "./calendar-test-fixture";
import { createAppointment } from "./create-appointment";
import { moveAppointment } from "./move-appointment";
import { listAppointments } from "./list-appointments";
import { listAppointmentsQuery } from "./calendar-schemas";
import { setTypeTherapists } from "@/lib/scheduling/setup/type-therapists";

const f = calendarFixture();

describe("booking from the calendar", () => {
  it("books inside working hours and returns the calendar's view", async () => {
    const a = await f.book("2027-03-01T10:00:00Z");
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
    const err = await failure(f.book("2027-03-01T17:30:00Z"));
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "outside_hours" } });
    expect(err?.message).toBe(
      "Mon 1 Mar, 17:30–18:30 is outside Tara Therapist's working hours (or on time off). Confirm to book it anyway.",
    );
    expect((await f.book("2027-03-01T17:30:00Z", { allowOutsideHours: true })).status).toBe("booked");
  });

  it("books and moves only to a therapist who offers the type", async () => {
    const [{ id: taraOnly }] = (await f.db
      .insert(appointmentTypes)
      .values({ clinicId: f.admin.clinicId, name: "Dry needling", durationMin: 30 })
      .returning({ id: appointmentTypes.id })) as [{ id: string }];
    await setTypeTherapists(f.db, f.admin, taraOnly, [f.tara.userId]);
    const refused = await failure(
      f.book("2027-03-08T10:00:00Z", { typeId: taraOnly, therapistUserId: f.theo.userId, allowOutsideHours: true }),
    );
    expect(refused).toMatchObject({
      code: "INVALID",
      fieldErrors: {
        therapistUserId: ["Theo Therapist does not offer this appointment type (see Settings → Appointment types)."],
      },
    });
    const booked = await f.book("2027-03-08T10:00:00Z", { typeId: taraOnly });
    const moved = await failure(
      moveAppointment(f.db, f.admin, booked.id, {
        version: booked.version,
        therapistUserId: f.theo.userId,
        allowOutsideHours: true,
      }),
    );
    expect(moved).toMatchObject({ code: "INVALID" });
    expect((await f.row(booked.id)).therapistUserId).toBe(f.tara.userId);
  });

  it("names the client and time of a double booking", async () => {
    const err = await failure(f.book("2027-03-01T10:30:00Z", { clientId: f.tom, roomId: f.roomB }));
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "overlap" } });
    expect(err?.message).toBe("Tara Therapist already has Priya Shah Mon 1 Mar, 10:00–11:00.");
  });

  it("writes its conflict messages in the clinic's locale (an en-US clinic reads 12-hour US dates)", async () => {
    await f.db.update(clinics).set({ locale: "en-US" }).where(eq(clinics.id, f.admin.clinicId));
    try {
      const us = await actorFor(f.db, "admin@demo.test");
      const input = {
        clientId: f.tom,
        therapistUserId: f.tara.userId,
        typeId: f.typeId,
        roomId: f.roomB,
        allowOutsideHours: false,
      };
      const overlap = await failure(createAppointment(f.db, us, { ...input, startsAt: "2027-03-01T10:30:00Z" }));
      expect(overlap?.message).toBe("Tara Therapist already has Priya Shah Mon, Mar 1, 10:00 – 11:00 AM.");
      const late = await failure(createAppointment(f.db, us, { ...input, startsAt: "2027-03-01T17:30:00Z" }));
      expect(late?.message).toBe(
        "Mon, Mar 1, 5:30 – 6:30 PM is outside Tara Therapist's working hours (or on time off). Confirm to book it anyway.",
      );
    } finally {
      await f.db.update(clinics).set({ locale: "en-GB" }).where(eq(clinics.id, f.admin.clinicId));
    }
  });

  it("lets a therapist book only into their own diary", async () => {
    expect(
      (
        await failure(
          createAppointment(f.db, f.theo, {
            clientId: f.tom,
            therapistUserId: f.tara.userId,
            typeId: f.typeId,
            roomId: f.roomB,
            startsAt: "2027-03-01T14:00:00Z",
            allowOutsideHours: false,
          }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await createAppointment(f.db, f.theo, {
          clientId: f.tom,
          therapistUserId: f.theo.userId,
          typeId: f.typeId,
          roomId: f.roomB,
          startsAt: "2027-03-01T14:00:00Z",
          allowOutsideHours: false,
        })
      ).therapistName,
    ).toBe("Theo Therapist");
  });
});

describe("the calendar range", () => {
  it("reads local dates in the clinic's zone across the spring-forward change, with working time per therapist", async () => {
    // London moves to BST on Sunday 28 March 2027: Monday 09:00 local is 08:00Z.
    const a = await f.book("2027-03-29T08:00:00Z");
    const range = await listAppointments(
      f.db,
      f.admin,
      listAppointmentsQuery.parse({ from: "2027-03-29", to: "2027-03-30" }),
    );
    expect(range.from).toBe("2027-03-28T23:00:00.000Z");
    expect(range.appointments.map((x) => x.id)).toEqual([a.id]);
    const taraCol = range.therapists.find((x) => x.id === f.tara.userId)!;
    expect(taraCol).toMatchObject({
      hoursSet: true,
      working: [{ start: "2027-03-29T08:00:00.000Z", end: "2027-03-29T16:00:00.000Z" }],
    });
    expect(range.therapists.find((x) => x.id === f.theo.userId)).toMatchObject({ hoursSet: false, working: [] });
  });

  it("filters by therapist and room", async () => {
    // A day of its own: Tara twice in room A, Theo once in room B.
    await f.book("2027-04-05T09:00:00Z");
    await f.book("2027-04-05T13:00:00Z");
    await f.book("2027-04-05T10:00:00Z", {
      clientId: f.tom,
      therapistUserId: f.theo.userId,
      roomId: f.roomB,
      allowOutsideHours: true,
    });
    const q = (extra: Record<string, unknown>) =>
      listAppointments(f.db, f.admin, listAppointmentsQuery.parse({ from: "2027-04-05", to: "2027-04-06", ...extra }));
    expect((await q({})).appointments).toHaveLength(3);
    const theos = await q({ therapistId: f.theo.userId });
    expect(theos.therapists.map((x) => x.name)).toEqual(["Theo Therapist"]);
    expect(theos.appointments.every((x) => x.therapistUserId === f.theo.userId)).toBe(true);
    expect((await q({ roomId: f.roomB })).appointments.map((x) => x.roomName)).toEqual(["Room B"]);
  });

  it("refuses an inverted or over-long range", async () => {
    await expect(
      listAppointments(f.db, f.admin, listAppointmentsQuery.parse({ from: "2027-03-05", to: "2027-03-04" })),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      listAppointments(f.db, f.admin, listAppointmentsQuery.parse({ from: "2027-03-01", to: "2027-06-01" })),
    ).rejects.toMatchObject({ code: "INVALID" });
  });
});
