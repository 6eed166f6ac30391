import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { appointments, appointmentTypes, rooms } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "./book-appointment";

let t: TestDb;
let admin: Actor;
let tara: string;
let theo: string;
let priya: string;
let tom: string;
let typeId: string;
let roomA: string;
let roomB: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await userIdByEmail(t.db, "therapist@demo.test");
  theo = await userIdByEmail(t.db, "therapist2@demo.test");
  priya = await clientIdByName(t.db, "Priya", "Shah");
  tom = await clientIdByName(t.db, "Tom", "Okafor");
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Treatment 60", durationMin: 60, bufferAfterMin: 15 })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
  [{ id: roomA }, { id: roomB }] = (await t.db
    .insert(rooms)
    .values([
      { clinicId: admin.clinicId, name: "Room A" },
      { clinicId: admin.clinicId, name: "Room B" },
    ])
    .returning({ id: rooms.id })) as [{ id: string }, { id: string }];
});
afterAll(() => t.close());

const at = (iso: string) => new Date(iso).toISOString();
const book = (over: Partial<Parameters<typeof bookAppointment>[2]> = {}) =>
  bookAppointment(t.db, admin, {
    clientId: priya,
    therapistUserId: tara,
    typeId,
    roomId: roomA,
    startsAt: at("2026-12-01T10:00:00Z"),
    ...over,
  });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );

describe("booking without double booking", () => {
  it("refuses an overlapping booking of the therapist, naming the conflict, buffer included", async () => {
    await book();
    const err = await failure(book({ clientId: tom, roomId: roomB, startsAt: at("2026-12-01T11:00:00Z") }));
    expect(err?.code).toBe("CONFLICT");
    expect(err?.message).toMatch(/^Tara Therapist is already booked Tue 1 Dec, 10:00–11:00\.$/);
    // The same conflict for an en-US clinic, in its words (the clinic is still on London's clocks).
    const us = await failure(
      bookAppointment(
        t.db,
        { ...admin, clinicLocale: "en-US" },
        {
          clientId: tom,
          therapistUserId: tara,
          typeId,
          roomId: roomB,
          startsAt: at("2026-12-01T11:00:00Z"),
        },
      ),
    );
    expect(us?.message).toBe("Tara Therapist is already booked Tue, Dec 1, 10:00 – 11:00 AM.");
    // After the 15-minute buffer the therapist is free again.
    expect((await book({ clientId: tom, roomId: roomB, startsAt: at("2026-12-01T11:15:00Z") })).replayed).toBe(false);
  });

  it("refuses the same room for another therapist", async () => {
    const err = await failure(book({ therapistUserId: theo, clientId: tom, startsAt: at("2026-12-01T10:30:00Z") }));
    expect(err?.message).toMatch(/^Room A is already booked/);
  });

  it("frees the slot when an appointment is cancelled", async () => {
    const { appointment } = await book({ startsAt: at("2026-12-02T09:00:00Z") });
    await t.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, appointment.id));
    expect((await book({ clientId: tom, startsAt: at("2026-12-02T09:00:00Z") })).appointment.id).not.toBe(
      appointment.id,
    );
  });

  it("returns the first appointment for a retried request with the same idempotency key", async () => {
    const first = await book({ startsAt: at("2026-12-03T09:00:00Z"), idempotencyKey: "retry-key-123" });
    const again = await book({ startsAt: at("2026-12-03T09:00:00Z"), idempotencyKey: "retry-key-123" });
    expect(again).toMatchObject({ replayed: true, appointment: { id: first.appointment.id } });
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(eq(appointments.idempotencyKey, "retry-key-123"))) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("refuses a reused key with a different client, time or room (409), keeping only the first booking", async () => {
    const key = "reused-key-456";
    const first = await book({ startsAt: at("2026-12-07T09:00:00Z"), idempotencyKey: key });
    for (const other of [
      { clientId: tom, startsAt: at("2026-12-07T09:00:00Z") },
      { startsAt: at("2026-12-07T12:00:00Z") },
      { startsAt: at("2026-12-07T09:00:00Z"), roomId: roomB },
    ]) {
      const err = await failure(book({ ...other, idempotencyKey: key }));
      expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "idempotency_mismatch" } });
    }
    const rows = await t.db.select().from(appointments).where(eq(appointments.idempotencyKey, key));
    expect(rows.map((r) => r.id)).toEqual([first.appointment.id]);
  });

  it("gives 20 simultaneous retries with one key the same appointment, never a 409 for their own booking", async () => {
    const key = "parallel-key-789";
    const startsAt = at("2026-12-08T15:00:00Z");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => book({ startsAt, idempotencyKey: key })));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as Error).message)).toEqual([]);
    const ids = new Set(
      results.map((r) => (r as PromiseFulfilledResult<{ appointment: { id: string } }>).value.appointment.id),
    );
    expect(ids.size).toBe(1);
    const rows = await t.db.select().from(appointments).where(eq(appointments.idempotencyKey, key));
    expect(rows).toHaveLength(1);
  });

  it("stores exactly one of 20 simultaneous bookings of one slot; the rest get 409", async () => {
    const startsAt = at("2026-12-04T14:00:00Z");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        book({ clientId: i % 2 ? priya : tom, roomId: i % 2 ? roomA : roomB, startsAt }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.every((r) => (r.reason as AppError).code === "CONFLICT")).toBe(true);
    const rows = await t.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.therapistUserId, tara), eq(appointments.startsAt, new Date(startsAt))));
    expect(rows).toHaveLength(1);
  });

  it("cannot book another clinic's client", async () => {
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    const err = await failure(
      bookAppointment(t.db, other, {
        clientId: priya,
        therapistUserId: tara,
        typeId,
        roomId: null,
        startsAt: at("2026-12-05T09:00:00Z"),
      }),
    );
    expect(err?.code).toBe("NOT_FOUND");
  });
});
