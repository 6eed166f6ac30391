import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt, lt } from "drizzle-orm";
import { appointments, appointmentTypes } from "@/db/schema";
import { sqlState } from "@/lib/errors";
import { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "./book-appointment";
import { listAppointments } from "./list-appointments";
import { listAppointmentsQuery } from "./calendar-schemas";
import { overlapping } from "./overlap";

let t: TestDb;
let admin: Actor;
let tara: string;
let priya: string;
let typeId: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await userIdByEmail(t.db, "therapist@demo.test");
  priya = await clientIdByName(t.db, "Priya", "Shah");
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Long", durationMin: 60, bufferAfterMin: 15, needsRoom: false })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
});
afterAll(() => t.close());

const H = 3_600_000;
const insert = (startsAt: Date, minutes: number, bufferMin: number, status: "booked" | "cancelled" = "booked") =>
  t.db
    .insert(appointments)
    .values({
      clinicId: admin.clinicId,
      clientId: priya,
      therapistUserId: tara,
      typeId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      blocksUntil: new Date(startsAt.getTime() + (minutes + bufferMin) * 60_000),
      status,
      createdBy: tara,
    })
    .returning({ id: appointments.id });

describe("maximum appointment length", () => {
  it("refuses an appointment longer than 8 hours, or blocking more than 10 (CHECK, SQLSTATE 23514)", async () => {
    const err = await insert(new Date("2027-01-04T08:00:00Z"), 9 * 60, 0).then(
      () => null,
      (e) => e,
    );
    expect(sqlState(err)).toBe("23514");
    const buffer = await insert(new Date("2027-01-05T08:00:00Z"), 8 * 60, 121).then(
      () => null,
      (e) => e,
    );
    expect(sqlState(buffer)).toBe("23514");
    expect(await insert(new Date("2027-01-06T08:00:00Z"), 8 * 60, 120)).toHaveLength(1);
  });
});

describe("overlap queries bounded below", () => {
  it("still shows on the calendar an 8-hour appointment that began the evening before", async () => {
    const [{ id }] = (await insert(new Date("2027-03-09T17:00:00Z"), 8 * 60, 60)) as [{ id: string }];
    const day = await listAppointments(
      t.db,
      admin,
      listAppointmentsQuery.parse({ from: "2027-03-10", to: "2027-03-11" }),
    );
    expect(day.appointments.map((a) => a.id)).toContain(id);
  });

  it("still refuses a booking inside the buffer of an appointment that began 8½ hours earlier", async () => {
    const err = await bookAppointment(t.db, admin, {
      clientId: priya,
      therapistUserId: tara,
      typeId,
      roomId: null,
      startsAt: new Date("2027-03-10T01:30:00Z").toISOString(),
    }).then(
      () => null,
      (e) => e as AppError,
    );
    expect(err?.code).toBe("CONFLICT");
    expect(err?.message).toMatch(/^Tara Therapist is already booked/);
  });

  it("selects exactly the rows the unbounded predicate selects, for any window", async () => {
    // Cancelled rows are outside the exclusion constraints, so they may overlap freely.
    const base = new Date("2027-06-01T00:00:00Z").getTime();
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48_271) % 2_147_483_647) % n;
    for (let i = 0; i < 80; i++) {
      await insert(new Date(base + next(72) * H + next(4) * 15 * 60_000), 5 + next(476), next(121), "cancelled");
    }
    for (let w = 0; w < 40; w++) {
      const from = new Date(base + next(80) * H - 10 * H);
      const to = new Date(from.getTime() + (1 + next(30)) * H);
      for (const until of ["endsAt", "blocksUntil"] as const) {
        const ids = async (where: ReturnType<typeof overlapping>) =>
          (
            await t.db
              .select({ id: appointments.id })
              .from(appointments)
              .where(and(eq(appointments.clinicId, admin.clinicId), eq(appointments.status, "cancelled"), where))
          )
            .map((r) => r.id)
            .sort();
        const bounded = await ids(overlapping(from, to, until));
        const unbounded = await ids(and(lt(appointments.startsAt, to), gt(appointments[until], from))!);
        expect(bounded).toEqual(unbounded);
      }
    }
  });
});
