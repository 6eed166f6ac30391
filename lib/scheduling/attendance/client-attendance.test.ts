import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointments, auditEvents, clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { AppError } from "@/lib/errors";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { actorFor, clientIdByName, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { clearOnlineBookingFlag } from "./clear-online-booking-flag";
import { getClientAppointments } from "./get-client-appointments";
import { parseFlag } from "./online-booking-flag";
import { setOnlineBookingFlag } from "./set-online-booking-flag";
import { onlineBookingFlagBody } from "./schemas";

let t: TestDb;
let admin: Actor;
let tara: string;
let typeId: string;
let ben: string;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await userIdByEmail(t.db, "therapist@demo.test");
  ben = await clientIdByName(t.db, "Ben", "Walsh");
  typeId = (
    await createAppointmentType(t.db, admin, {
      name: "Treatment 45",
      durationMin: 45,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: true,
      needsRoom: false,
    })
  ).id;
});
afterAll(() => t.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const DAY = 86_400_000;
// Fixed "now" so the 12-month window is exact: 1 June 2027.
const NOW = new Date("2027-06-01T12:00:00Z");

/** Inserts an appointment in any state directly: history is what this card reads. */
async function past(
  daysFromNow: number,
  status: "booked" | "completed" | "cancelled" | "no_show",
  lateCancellation = false,
) {
  const startsAt = new Date(NOW.getTime() + daysFromNow * DAY);
  const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
  await t.db.insert(appointments).values({
    clinicId: admin.clinicId,
    clientId: ben,
    therapistUserId: tara,
    typeId,
    startsAt,
    endsAt,
    blocksUntil: endsAt,
    status,
    lateCancellation,
    cancelledAt: status === "cancelled" ? startsAt : null,
    cancelReason: status === "cancelled" ? "Car broke down" : null,
    createdBy: admin.userId,
  });
}

describe("no-shows, late cancellations and the do-not-book-online flag", () => {
  it("counts no-shows and late cancellations over the last 12 months, and lists upcoming and recent appointments", async () => {
    await past(-400, "no_show"); // over a year ago: not counted
    await past(-200, "no_show");
    await past(-30, "no_show");
    await past(-20, "cancelled", true);
    await past(-10, "cancelled", false); // cancelled in good time
    await past(-5, "completed");
    await past(1, "cancelled", true); // cancelled late for tomorrow: counts already
    await past(7, "booked");
    const result = await getClientAppointments(t.db, admin, ben, NOW);
    expect(result.counts).toEqual({ noShows: 2, lateCancellations: 2, since: "2026-06-01T12:00:00.000Z" });
    expect(result.upcoming.map((a) => a.status)).toEqual(["cancelled", "booked"]);
    expect(result.recent.map((a) => a.status)).toEqual([
      "completed",
      "cancelled",
      "cancelled",
      "no_show",
      "no_show",
      "no_show",
    ]);
    expect(result.recent[0]).toMatchObject({
      typeName: "Treatment 45",
      therapistName: "Tara Therapist",
      roomName: null,
      lateCancellation: false,
    });
    expect(result.flag).toEqual({ blocked: false, kind: null, note: "", reason: null });
    // Scheduling facts only: no visit or note fields in what admins see here.
    expect(Object.keys(result.recent[0]!).sort()).toEqual([
      "cancelReason",
      "endsAt",
      "id",
      "lateCancellation",
      "roomName",
      "seriesId",
      "startsAt",
      "status",
      "therapistName",
      "typeName",
    ]);
  });

  it("sets and clears the flag with a reason, audited without the note", async () => {
    const flag = await setOnlineBookingFlag(
      t.db,
      admin,
      ben,
      onlineBookingFlagBody.parse({ kind: "no_shows", note: "2 missed this spring" }),
    );
    expect(flag).toEqual({
      blocked: true,
      kind: "no_shows",
      note: "2 missed this spring",
      reason: "Repeated no-shows: 2 missed this spring",
    });
    const [row] = await t.db.select({ reason: clients.doNotBookOnlineReason }).from(clients).where(eq(clients.id, ben));
    expect(row!.reason).toBe("Repeated no-shows: 2 missed this spring");
    expect((await getClientAppointments(t.db, admin, ben)).flag.kind).toBe("no_shows");
    // A therapist (schedule.manage) may change it too.
    const therapist = await actorFor(t.db, "therapist@demo.test");
    expect(await clearOnlineBookingFlag(t.db, therapist, ben)).toMatchObject({ blocked: false });
    const events = await t.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "client"), eq(auditEvents.entityId, ben)));
    expect(events.filter((e) => e.action.startsWith("client.online_booking"))).toEqual([
      { action: "client.online_booking_blocked", details: { kind: "no_shows" } },
      { action: "client.online_booking_allowed", details: { previousKind: "no_shows" } },
    ]);
    expect(onlineBookingFlagBody.safeParse({ kind: "other" }).success).toBe(false);
    expect(parseFlag("Safety")).toEqual({ blocked: true, kind: "safety", note: "", reason: "Safety" });
    expect(parseFlag("Written by hand")).toMatchObject({ kind: "other", note: "Written by hand" });
  });

  it("is staff-only and clinic-scoped: 404 for another clinic, 403 for a client", async () => {
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    expect((await failure(getClientAppointments(t.db, other, ben)))?.code).toBe("NOT_FOUND");
    expect((await failure(setOnlineBookingFlag(t.db, other, ben, { kind: "safety", note: "" })))?.code).toBe(
      "NOT_FOUND",
    );
    expect((await failure(clearOnlineBookingFlag(t.db, other, ben)))?.code).toBe("NOT_FOUND");
    const portal = await actorFor(t.db, "client@demo.test");
    expect((await failure(getClientAppointments(t.db, portal, portal.clientId!)))?.code).toBe("FORBIDDEN");
  });
});
