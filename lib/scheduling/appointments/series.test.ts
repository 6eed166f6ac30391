import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { appointments, appointmentSeries, auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { AppError } from "@/lib/errors";
import { addException, setWeeklyHours } from "@/lib/scheduling/availability/availability";
import { createAppointmentType, createRoom } from "@/lib/scheduling/setup/rooms-and-types";
import { wallTimeOf } from "@/lib/format/zoned";
import { actorFor, clientIdByName, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { bookAppointment } from "./book-appointment";
import { createSeries, previewSeries } from "./series";
import { cancelSeriesFrom, getSeries } from "./series-manage";
import { createSeriesBody, seriesPreviewBody, type SeriesReport } from "./series-schemas";

let t: TestDb;
let admin: Actor;
let tara: string;
let theo: string;
let typeId: string;
let roomA: string;
let roomB: string;
const LONDON = "Europe/London";

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await userIdByEmail(t.db, "therapist@demo.test");
  theo = await userIdByEmail(t.db, "therapist2@demo.test");
  typeId = (
    await createAppointmentType(t.db, admin, {
      name: "Treatment 60",
      durationMin: 60,
      bufferAfterMin: 15,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: true,
    })
  ).id;
  roomA = (await createRoom(t.db, admin, { name: "Room A" })).id;
  roomB = (await createRoom(t.db, admin, { name: "Room B" })).id;
  const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
  await setWeeklyHours(t.db, admin, tara, { blocks: week, version: 0 });
  await setWeeklyHours(t.db, admin, theo, { blocks: week, version: 0 });
});
afterAll(() => t.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const client = (first: string, last: string) => clientIdByName(t.db, first, last);
const seriesInput = (clientId: string, start: string, count: number, over: Record<string, unknown> = {}) =>
  seriesPreviewBody.parse({
    clientId,
    typeId,
    therapistUserId: tara,
    roomId: roomA,
    rule: { start, intervalWeeks: 1, count },
    ...over,
  });
const book = async (clientId: string, startsAt: string, therapistUserId = tara, roomId: string | null = roomB) =>
  bookAppointment(t.db, admin, { clientId, therapistUserId, typeId, roomId, startsAt });
const countFor = async (clientId: string) =>
  (
    (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(eq(appointments.clientId, clientId))) as [{ n: number }]
  )[0].n;

describe("recurring series", () => {
  it("checks every occurrence: the 9th of 12 conflicts and is reported with what is in the way and alternatives", async () => {
    const priya = await client("Priya", "Shah");
    // Monday 1 March 2027 is the 9th Monday from 4 January; Tom is with Tara at 10:30 then.
    await book(await client("Tom", "Okafor"), "2027-03-01T10:30:00Z");
    const report = await previewSeries(t.db, admin, seriesInput(priya, "2027-01-04T10:00", 12));
    expect(report.occurrences).toHaveLength(12);
    expect(report.okCount).toBe(11);
    expect(report.occurrences.filter((o) => o.status === "conflict").map((o) => o.index)).toEqual([8]);
    const ninth = report.occurrences[8]!;
    expect(ninth).toMatchObject({
      localDate: "2027-03-01",
      conflict: { code: "therapist_busy", reason: "Tara Therapist is booked 10:30–11:30 with Tom Okafor." },
    });
    expect(ninth.alternatives.length).toBeGreaterThan(0);
    expect(ninth.alternatives.length).toBeLessThanOrEqual(3);
    // Tara earlier that morning (09:15 ends with its buffer just as Tom arrives), or Theo at the very same time; in time order.
    expect(
      ninth.alternatives.map((a) => [wallTimeOf(new Date(a.start), LONDON), a.therapistName, a.roomName, a.sameDay]),
    ).toEqual([
      ["09:00", "Tara Therapist", "Room A", true],
      ["09:15", "Tara Therapist", "Room A", true],
      ["10:00", "Theo Therapist", "Room A", true],
    ]);
    const theoInstead = ninth.alternatives[2]!;
    expect(
      report.occurrences
        .filter((o) => o.status === "ok")
        .every((o) => o.roomId === roomA && o.alternatives.length === 0),
    ).toBe(true);

    const created = await createSeries(
      t.db,
      admin,
      createSeriesBody.parse({
        ...seriesInput(priya, "2027-01-04T10:00", 12),
        choices: [
          {
            index: 8,
            action: "alternative",
            start: theoInstead.start,
            therapistUserId: theoInstead.therapistId,
            roomId: theoInstead.roomId,
          },
        ],
      }),
    );
    expect(created.appointments).toHaveLength(12);
    expect(created.appointments[8]).toMatchObject({
      therapistName: "Theo Therapist",
      startsAt: "2027-03-01T10:00:00.000Z",
      status: "booked",
    });
    expect(created.appointments.filter((a) => a.therapistUserId === tara)).toHaveLength(11);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "appointment_series"), eq(auditEvents.entityId, created.id)));
    expect(events.map((e) => e.action)).toEqual(["series.created"]);

    // Cancel the rest from 15 February: the last six go, the first six stay booked.
    const cancelled = await cancelSeriesFrom(t.db, admin, created.id, {
      fromDate: "2027-02-15",
      reason: "Treatment plan finished early",
    });
    expect(cancelled.cancelled).toBe(6);
    const after = await getSeries(t.db, admin, created.id);
    expect(after.appointments.map((a) => a.status)).toEqual([
      ...Array(6).fill("booked"),
      ...Array(6).fill("cancelled"),
    ]);
  });

  it("names each kind of conflict: time off, working hours, room taken, the client's own appointment", async () => {
    const maria = await client("Maria", "Lopez");
    await addException(t.db, admin, tara, { kind: "time_off", startDate: "2027-05-12", note: "Course" });
    await book(await client("Ben", "Walsh"), "2027-05-19T08:30:00Z", theo, roomA); // Room A, 09:30–10:30 BST
    await book(maria, "2027-05-26T08:00:00Z", theo, roomB); // Maria herself, with Theo
    const report = await previewSeries(t.db, admin, seriesInput(maria, "2027-05-05T09:00", 5));
    const byDate = Object.fromEntries(report.occurrences.map((o) => [o.localDate, o.conflict]));
    expect(byDate).toEqual({
      "2027-05-05": null,
      "2027-05-12": { code: "time_off", reason: "Tara Therapist has time off (Course)." },
      "2027-05-19": { code: "room_unavailable", reason: "Room A is booked 09:30–10:30 (Theo Therapist)." },
      "2027-05-26": {
        code: "client_busy",
        reason: "Maria Lopez already has an appointment 09:00–10:00 with Theo Therapist.",
      },
      "2027-06-02": null,
    });
    const evening = await previewSeries(t.db, admin, seriesInput(maria, "2027-05-05T16:30", 1));
    expect(evening.occurrences[0]!.conflict).toEqual({
      code: "outside_hours",
      reason: "Outside Tara Therapist's working hours.",
    });
    const past = await previewSeries(t.db, admin, seriesInput(maria, "2026-01-07T09:00", 1));
    expect(past.occurrences[0]!.conflict?.code).toBe("too_soon");
    // Without a fixed room, the 19 May session simply takes Room B.
    const anyRoom = await previewSeries(t.db, admin, seriesInput(maria, "2027-05-19T09:00", 1, { roomId: null }));
    expect(anyRoom.occurrences[0]).toMatchObject({ status: "ok", roomName: "Room B" });
  });

  it("books nothing when a date was taken after the preview; the 409 carries the fresh report", async () => {
    const hannah = await client("Hannah", "Kim");
    const input = createSeriesBody.parse(seriesInput(hannah, "2027-06-09T11:00", 6));
    expect((await previewSeries(t.db, admin, input)).conflictCount).toBe(0);
    // Someone books Tara on the 5th Wednesday between the preview and "Book".
    await book(await client("George", "Brown"), "2027-07-07T10:30:00Z");
    const err = await failure(createSeries(t.db, admin, input));
    expect(err?.code).toBe("CONFLICT");
    expect(err?.message).toBe(
      "One of the chosen dates is no longer free, so nothing was booked. Check the dates again.",
    );
    const details = err!.details as { report: SeriesReport; failed: { index: number }[] };
    expect(details.failed.map((f) => f.index)).toEqual([4]);
    expect(details.report.occurrences[4]).toMatchObject({ status: "conflict", conflict: { code: "therapist_busy" } });
    expect(await countFor(hannah)).toBe(0);
    expect(await t.db.select().from(appointmentSeries).where(eq(appointmentSeries.clientId, hannah))).toEqual([]);
  });

  it("of two series racing for the same times, exactly one is booked, whole; the other books nothing", async () => {
    const [aisha, luca] = [await client("Aisha", "Bello"), await client("Luca", "Rossi")];
    const make = (clientId: string) =>
      createSeries(t.db, admin, createSeriesBody.parse(seriesInput(clientId, "2027-08-03T14:00", 8, { roomId: null })));
    const results = await Promise.allSettled([make(aisha), make(luca)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect((lost.reason as AppError).code).toBe("CONFLICT");
    expect([await countFor(aisha), await countFor(luca)].sort()).toEqual([0, 8]);
  });

  it("keeps a 09:00 weekly series at 09:00 London time across the October clock change", async () => {
    const sophie = await client("Sophie", "Martin");
    const report = await previewSeries(t.db, admin, seriesInput(sophie, "2027-10-18T09:00", 4));
    expect(report.occurrences.map((o) => [o.start, o.status])).toEqual([
      ["2027-10-18T08:00:00.000Z", "ok"], // BST
      ["2027-10-25T08:00:00.000Z", "ok"],
      ["2027-11-01T09:00:00.000Z", "ok"], // GMT
      ["2027-11-08T09:00:00.000Z", "ok"],
    ]);
    const created = await createSeries(
      t.db,
      admin,
      createSeriesBody.parse({
        ...seriesInput(sophie, "2027-10-18T09:00", 4),
        choices: [{ index: 1, action: "skip" }],
      }),
    );
    expect(created.appointments.map((a) => wallTimeOf(new Date(a.startsAt), LONDON))).toEqual([
      "09:00",
      "09:00",
      "09:00",
    ]);
    expect(created.skipped).toEqual([1]);
  });

  it("replays a retried request, refuses a therapist who does not offer the type, and hides other clinics' series", async () => {
    const casey = await client("Casey", "Client");
    const input = createSeriesBody.parse({
      ...seriesInput(casey, "2027-09-02T09:00", 2),
      idempotencyKey: "series-retry-1",
    });
    const first = await createSeries(t.db, admin, input);
    const again = await createSeries(t.db, admin, input);
    expect(again).toMatchObject({ id: first.id, replayed: true });
    expect(await countFor(casey)).toBe(2);

    const onlyTheo = await createAppointmentType(t.db, admin, {
      name: "Dry needling",
      durationMin: 30,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: false,
      therapistIds: [theo],
    });
    const refused = await failure(
      previewSeries(t.db, admin, seriesInput(casey, "2027-09-09T09:00", 1, { typeId: onlyTheo.id })),
    );
    expect(refused).toMatchObject({ code: "INVALID", message: "Tara Therapist does not offer Dry needling." });

    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    expect((await failure(previewSeries(t.db, other, seriesInput(casey, "2027-09-09T09:00", 1))))?.code).toBe(
      "NOT_FOUND",
    );
    expect((await failure(getSeries(t.db, other, first.id)))?.code).toBe("NOT_FOUND");
    expect(
      (await failure(cancelSeriesFrom(t.db, other, first.id, { fromDate: "2027-01-01", reason: "Not mine" })))?.code,
    ).toBe("NOT_FOUND");
    const portal = await actorFor(t.db, "client@demo.test");
    expect((await failure(previewSeries(t.db, portal, seriesInput(casey, "2027-09-09T09:00", 1))))?.code).toBe(
      "FORBIDDEN",
    );
  });

  it("refuses a reused key for a different series (409), and gives parallel retries of one the same series", async () => {
    const sophie = await client("Sophie", "Martin");
    const input = createSeriesBody.parse({
      ...seriesInput(sophie, "2027-06-07T11:00", 3),
      idempotencyKey: "series-parallel-1",
    });
    const before = await countFor(sophie);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => createSeries(t.db, admin, input)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as Error).message)).toEqual([]);
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id));
    expect(ids.size).toBe(1);

    const other = createSeriesBody.parse({ ...input, rule: { ...input.rule, start: "2027-06-07T15:00" } });
    expect(await failure(createSeries(t.db, admin, other))).toMatchObject({
      code: "CONFLICT",
      details: { reason: "idempotency_mismatch" },
    });
    expect(await countFor(sophie)).toBe(before + 3);
  });

  it("lets a therapist plan, book and cancel series only in their own diary", async () => {
    const taraActor = await actorFor(t.db, "therapist@demo.test");
    const maria = await client("Maria", "Lopez");
    const before = await countFor(maria);
    expect(
      (
        await failure(
          previewSeries(t.db, taraActor, seriesInput(maria, "2027-11-15T09:00", 2, { therapistUserId: theo })),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await failure(
          createSeries(
            t.db,
            taraActor,
            createSeriesBody.parse(seriesInput(maria, "2027-11-15T09:00", 2, { therapistUserId: theo })),
          ),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    // Her own series, but one session moved into Theo's diary: refused, nothing booked.
    const withTheo = createSeriesBody.parse({
      ...seriesInput(maria, "2027-11-15T09:00", 3),
      choices: [
        { index: 1, action: "alternative", start: "2027-11-22T09:00:00Z", therapistUserId: theo, roomId: roomA },
      ],
    });
    expect((await failure(createSeries(t.db, taraActor, withTheo)))?.code).toBe("FORBIDDEN");
    expect(await countFor(maria)).toBe(before);

    // A therapist's preview offers no colleague's time as an alternative.
    await book(await client("Tom", "Okafor"), "2027-12-06T09:30:00Z");
    const own = (await previewSeries(t.db, taraActor, seriesInput(maria, "2027-12-06T09:00", 1))).occurrences[0]!;
    expect(own.status).toBe("conflict");
    expect(own.alternatives.length).toBeGreaterThan(0);
    expect(own.alternatives.every((a) => a.therapistId === tara)).toBe(true);
    expect(
      (await previewSeries(t.db, admin, seriesInput(maria, "2027-12-06T09:00", 1))).occurrences[0]!.alternatives.some(
        (a) => a.therapistId === theo,
      ),
    ).toBe(true);

    // The front desk books it with Theo's session; Tara cannot cancel the rest while Theo's is among them.
    const created = await createSeries(t.db, admin, withTheo);
    const refused = await failure(
      cancelSeriesFrom(t.db, taraActor, created.id, { fromDate: "2027-11-01", reason: "Stopping" }),
    );
    expect(refused?.code).toBe("FORBIDDEN");
    expect((await getSeries(t.db, admin, created.id)).appointments.map((a) => a.status)).toEqual([
      "booked",
      "booked",
      "booked",
    ]);
    expect(
      (await cancelSeriesFrom(t.db, taraActor, created.id, { fromDate: "2027-11-23", reason: "Stopping" })).cancelled,
    ).toBe(1);
    expect(
      (await cancelSeriesFrom(t.db, admin, created.id, { fromDate: "2027-11-01", reason: "Stopping" })).cancelled,
    ).toBe(2);
  });
});
