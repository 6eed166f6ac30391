import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/identity/actor";
import { findFreeSlots } from "@/lib/scheduling/availability/find-free-slots";
import { setWeeklyHours } from "@/lib/scheduling/availability/set-weekly-hours";
import { slotsQuery } from "@/lib/scheduling/availability/schemas";
import { actorFor, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { createAppointmentType } from "./create-appointment-type";
import { listAppointmentTypes } from "./list-appointment-types";
import { updateAppointmentType } from "./update-appointment-type";
import { appointmentTypeBody, appointmentTypePatchBody } from "./schemas";
import { therapistsOfferingType } from "./type-therapists";

// The slots are looked for on Tuesday 5 January 2027 and the finder refuses the past, so the clock is pinned
// before it: a fixed date otherwise fails once its day has come. Only Date is faked; the database driver's timers
// run as usual.
beforeAll(() => void vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T12:00:00Z") }));
afterAll(() => void vi.useRealTimers());

let t: TestDb;
let admin: Actor;
let tara: string;
let theo: string;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await userIdByEmail(t.db, "therapist@demo.test");
  theo = await userIdByEmail(t.db, "therapist2@demo.test");
  for (const id of [tara, theo])
    await setWeeklyHours(t.db, admin, id, { blocks: [{ weekday: 2, start: "09:00", end: "11:00" }], version: 0 });
});
afterAll(() => t.close());

const slotsFor = (typeId: string, therapistId?: string) =>
  findFreeSlots(
    t.db,
    admin,
    typeId,
    slotsQuery.parse({ from: "2027-01-05T00:00:00Z", days: 1, limit: 50, therapistId }),
  );

describe("which therapists offer an appointment type", () => {
  it("an unrestricted type is offered by everyone; a restricted one only by its therapists, in the slot finder too", async () => {
    const open = await createAppointmentType(
      t.db,
      admin,
      appointmentTypeBody.parse({ name: "Massage 60", durationMin: 60, needsRoom: false }),
    );
    expect(open.therapistIds).toEqual([]);
    expect(await therapistsOfferingType(t.db, admin, open.id)).toBeNull();
    expect(new Set((await slotsFor(open.id)).map((s) => s.therapistName))).toEqual(
      new Set(["Tara Therapist", "Theo Therapist"]),
    );

    const needling = await createAppointmentType(
      t.db,
      admin,
      appointmentTypeBody.parse({ name: "Dry needling", durationMin: 30, needsRoom: false, therapistIds: [theo] }),
    );
    expect(needling.therapistIds).toEqual([theo]);
    expect(new Set((await slotsFor(needling.id)).map((s) => s.therapistName))).toEqual(new Set(["Theo Therapist"]));
    await expect(slotsFor(needling.id, tara)).rejects.toMatchObject({
      code: "INVALID",
      message: "This therapist does not offer that appointment type.",
    });

    // Widen it to both, then back to everyone (an empty list).
    const both = await updateAppointmentType(
      t.db,
      admin,
      needling.id,
      appointmentTypePatchBody.parse({ therapistIds: [tara, theo] }),
    );
    expect(both.therapistIds).toEqual([tara, theo].sort());
    expect((await slotsFor(needling.id, tara)).length).toBeGreaterThan(0);
    await updateAppointmentType(t.db, admin, needling.id, { therapistIds: [] });
    expect(await therapistsOfferingType(t.db, admin, needling.id)).toBeNull();
    expect((await listAppointmentTypes(t.db, admin)).find((x) => x.id === needling.id)?.therapistIds).toEqual([]);
  });

  it("a patch changes only what it names (archiving keeps the buffer, colour and therapists)", async () => {
    const type = await createAppointmentType(
      t.db,
      admin,
      appointmentTypeBody.parse({
        name: "Assessment",
        durationMin: 60,
        bufferAfterMin: 15,
        colour: "#aa3355",
        bookableOnline: true,
        therapistIds: [tara],
      }),
    );
    const archived = await updateAppointmentType(
      t.db,
      admin,
      type.id,
      appointmentTypePatchBody.parse({ archived: true }),
    );
    expect(archived).toMatchObject({
      archived: true,
      bufferAfterMin: 15,
      colour: "#aa3355",
      bookableOnline: true,
      therapistIds: [tara],
    });
  });

  it("refuses someone who is not a therapist of the clinic", async () => {
    const adminId = admin.userId;
    const oscar = await userIdByEmail(t.db, "therapist@other.test");
    for (const bad of [adminId, oscar]) {
      await expect(
        createAppointmentType(
          t.db,
          admin,
          appointmentTypeBody.parse({ name: "Bad", durationMin: 30, therapistIds: [bad] }),
        ),
      ).rejects.toMatchObject({
        code: "INVALID",
        fieldErrors: { therapistIds: ["Choose therapists of this clinic."] },
      });
    }
    expect(appointmentTypeBody.safeParse({ name: "Twice", durationMin: 30, therapistIds: [tara, tara] }).success).toBe(
      false,
    );
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    const mine = await createAppointmentType(t.db, admin, appointmentTypeBody.parse({ name: "Mine", durationMin: 30 }));
    await expect(updateAppointmentType(t.db, other, mine.id, { therapistIds: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
