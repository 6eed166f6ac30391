import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointments, appointmentTypes, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { cancelManagedAppointment, getManagedAppointment } from "./manage-appointment";
import { signManageToken } from "./manage-link";

let t: TestDb;
let admin: Actor;
let typeId: string;
const NOW = new Date("2027-05-03T09:00:00Z");

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Treatment", durationMin: 60, needsRoom: false })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
});
afterAll(() => t?.close());

async function bookWithLink(startsAt: string) {
  const { appointment } = await bookAppointment(t.db, admin, {
    clientId: await clientIdByName(t.db, "Casey", "Client"),
    therapistUserId: (await actorFor(t.db, "therapist@demo.test")).userId,
    typeId,
    roomId: null,
    startsAt,
  });
  const token = signManageToken({
    clinicId: admin.clinicId,
    appointmentId: appointment.id,
    expiresAt: new Date(startsAt),
  });
  return { id: appointment.id, token };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("the signed appointment link", () => {
  it("shows the appointment, and answers 404 for an altered, forged or expired link", async () => {
    const { token } = await bookWithLink("2027-05-10T09:00:00Z");
    expect(await getManagedAppointment(t.db, token, NOW)).toMatchObject({
      clinicName: "Demo Clinic",
      status: "booked",
      typeName: "Treatment",
      canCancel: true,
      cancelRefusal: null,
    });
    const [body, mac] = token.split(".");
    const flipped = `${body}.${mac!.slice(0, -2)}${mac!.endsWith("AA") ? "BB" : "AA"}`;
    expect(await codeOf(getManagedAppointment(t.db, flipped, NOW))).toBe("NOT_FOUND");
    const otherBody = Buffer.from(`a1.${admin.clinicId}.00000000-0000-4000-8000-000000000000.zzzzzz`).toString(
      "base64url",
    );
    expect(await codeOf(getManagedAppointment(t.db, `${otherBody}.${mac}`, NOW))).toBe("NOT_FOUND");
    expect(await codeOf(getManagedAppointment(t.db, token, new Date("2027-05-10T09:00:00Z")))).toBe("NOT_FOUND");
  });

  it("cancels once within the notice period, queues the cancellation message, and then only shows it", async () => {
    const { id, token } = await bookWithLink("2027-05-11T09:00:00Z");
    const done = await cancelManagedAppointment(t.db, token, NOW);
    expect(done).toMatchObject({ status: "cancelled", canCancel: false });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, id));
    expect(row).toMatchObject({ status: "cancelled", lateCancellation: false, cancelledBy: null });
    const queued = await t.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.name, "messages.appointment"), eq(jobs.dedupeKey, `${id}:cancelled`)));
    expect(queued).toMatchObject([{ payload: { event: "cancelled", cancelledByClient: true } }]);
    expect(await codeOf(cancelManagedAppointment(t.db, token, NOW))).toBe("CONFLICT");
    expect(await getManagedAppointment(t.db, token, NOW)).toMatchObject({ status: "cancelled", canCancel: false });
  });

  it("refuses a cancellation inside the notice period, naming it", async () => {
    const { token } = await bookWithLink("2027-05-03T20:00:00Z");
    const view = await getManagedAppointment(t.db, token, NOW);
    expect(view).toMatchObject({ canCancel: false, cancellationNoticeHours: 24 });
    expect(view.cancelRefusal).toContain("24 hours");
    const err = await cancelManagedAppointment(t.db, token, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFLICT");
    expect((err as AppError).message).toContain("24 hours");
  });
});
