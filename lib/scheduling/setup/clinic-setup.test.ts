import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { getClinicSettings } from "./get-clinic-settings";
import { updateClinicSettings } from "./update-clinic-settings";
import { createAppointmentType } from "./create-appointment-type";
import { createRoom } from "./create-room";
import { listAppointmentTypes } from "./list-appointment-types";
import { listRooms } from "./list-rooms";
import { updateRoom } from "./update-room";
import { appointmentTypeBody, clinicSettingsBody } from "./schemas";

let t: TestDb;
let admin: Actor;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
});
afterAll(() => t.close());

describe("clinic set-up", () => {
  it("saves settings with a version and refuses a stale save", async () => {
    const s = await getClinicSettings(t.db, admin);
    const body = clinicSettingsBody.parse({
      ...s,
      onlineBooking: true,
      cancellationNoticeHours: 48,
      staffIdleTimeoutMinutes: 15,
      openingHours: [
        { weekday: 1, start: "08:00", end: "12:00" },
        { weekday: 1, start: "13:00", end: "18:00" },
      ],
    });
    const saved = await updateClinicSettings(t.db, admin, body);
    expect(saved).toMatchObject({
      onlineBooking: true,
      cancellationNoticeHours: 48,
      staffIdleTimeoutMinutes: 15,
      version: s.version + 1,
    });
    expect(clinicSettingsBody.safeParse({ ...body, staffIdleTimeoutMinutes: 4 }).success).toBe(false);
    expect(clinicSettingsBody.safeParse({ ...body, staffIdleTimeoutMinutes: 721 }).success).toBe(false);
    await expect(updateClinicSettings(t.db, admin, body)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(clinicSettingsBody.safeParse({ ...body, timezone: "Mars/Olympus" }).success).toBe(false);
    expect(
      clinicSettingsBody.safeParse({ ...body, openingHours: [{ weekday: 1, start: "09:00", end: "08:00" }] }).success,
    ).toBe(false);
    const therapist = await actorFor(t.db, "therapist@demo.test");
    await expect(updateClinicSettings(t.db, therapist, body)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps settings a request leaves out instead of resetting them to defaults", async () => {
    const s = await getClinicSettings(t.db, admin);
    const { adherenceThresholdPct: _a, reminderHoursBefore: _r, staffIdleTimeoutMinutes: _i, id: _id, ...rest } = s;
    const first = await updateClinicSettings(
      t.db,
      admin,
      clinicSettingsBody.parse({
        ...rest,
        adherenceThresholdPct: 70,
        reminderHoursBefore: 6,
        staffIdleTimeoutMinutes: 90,
      }),
    );
    // An older client that knows none of these three settings saves only the name.
    const saved = await updateClinicSettings(
      t.db,
      admin,
      clinicSettingsBody.parse({ ...rest, name: "Renamed clinic", version: first.version }),
    );
    expect(saved).toMatchObject({
      name: "Renamed clinic",
      adherenceThresholdPct: 70,
      reminderHoursBefore: 6,
      staffIdleTimeoutMinutes: 90,
    });
  });

  it("manages rooms and appointment types within the clinic only", async () => {
    const room = await createRoom(t.db, admin, { name: "Room 1" });
    await updateRoom(t.db, admin, room.id, { archived: true });
    expect((await listRooms(t.db, admin)).find((r) => r.id === room.id)?.archived).toBe(true);
    const type = await createAppointmentType(
      t.db,
      admin,
      appointmentTypeBody.parse({ name: "Initial assessment", durationMin: 60, bufferAfterMin: 15 }),
    );
    expect(type).toMatchObject({ durationMin: 60, bufferAfterMin: 15, needsRoom: true });
    expect(appointmentTypeBody.safeParse({ name: "Too long", durationMin: 600 }).success).toBe(false);
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    expect((await listAppointmentTypes(t.db, other)).map((x) => x.id)).not.toContain(type.id);
    await expect(updateRoom(t.db, other, room.id, { name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
