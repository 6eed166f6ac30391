import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { addException } from "@/lib/scheduling/availability/add-exception";
import { wallTimeOf } from "@/lib/format/zoned";
import { createSeries } from "./series";
import { previewSeries } from "./series-preview";
import { cancelSeriesFrom } from "./cancel-series-from";
import { getSeries } from "./get-series";
import { createSeriesBody } from "./series-schemas";
import { seriesFixture } from "./series-test-fixture";

// The scenario is written on the 2027 calendar (its weekdays, British Summer Time), and the slot finder refuses
// the past, so the clock is pinned before it: fixed dates otherwise fail once their day has come. Only Date is
// faked; the database driver's timers run as usual.
beforeAll(() => void vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T12:00:00Z") }));
afterAll(() => void vi.useRealTimers());

const f = seriesFixture();
const { client, seriesInput, book } = f;
const LONDON = "Europe/London";

describe("recurring series: checking each occurrence", () => {
  it("checks every occurrence: the 9th of 12 conflicts and is reported with what is in the way and alternatives", async () => {
    const priya = await client("Priya", "Shah");
    // Monday 1 March 2027 is the 9th Monday from 4 January; Tom is with Tara at 10:30 then.
    await book(await client("Tom", "Okafor"), "2027-03-01T10:30:00Z");
    const report = await previewSeries(f.db, f.admin, seriesInput(priya, "2027-01-04T10:00", 12));
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
        .every((o) => o.roomId === f.roomA && o.alternatives.length === 0),
    ).toBe(true);

    const created = await createSeries(
      f.db,
      f.admin,
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
    expect(created.appointments.filter((a) => a.therapistUserId === f.tara)).toHaveLength(11);
    const events = await f.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "appointment_series"), eq(auditEvents.entityId, created.id)));
    expect(events.map((e) => e.action)).toEqual(["series.created"]);

    // Cancel the rest from 15 February: the last six go, the first six stay booked.
    const cancelled = await cancelSeriesFrom(f.db, f.admin, created.id, {
      fromDate: "2027-02-15",
      reason: "Treatment plan finished early",
    });
    expect(cancelled.cancelled).toBe(6);
    const after = await getSeries(f.db, f.admin, created.id);
    expect(after.appointments.map((a) => a.status)).toEqual([
      ...Array(6).fill("booked"),
      ...Array(6).fill("cancelled"),
    ]);
  });

  it("names each kind of conflict: time off, working hours, room taken, the client's own appointment", async () => {
    const maria = await client("Maria", "Lopez");
    await addException(f.db, f.admin, f.tara, { kind: "time_off", startDate: "2027-05-12", note: "Course" });
    await book(await client("Ben", "Walsh"), "2027-05-19T08:30:00Z", f.theo, f.roomA); // Room A, 09:30–10:30 BST
    await book(maria, "2027-05-26T08:00:00Z", f.theo, f.roomB); // Maria herself, with Theo
    const report = await previewSeries(f.db, f.admin, seriesInput(maria, "2027-05-05T09:00", 5));
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
    const evening = await previewSeries(f.db, f.admin, seriesInput(maria, "2027-05-05T16:30", 1));
    expect(evening.occurrences[0]!.conflict).toEqual({
      code: "outside_hours",
      reason: "Outside Tara Therapist's working hours.",
    });
    const past = await previewSeries(f.db, f.admin, seriesInput(maria, "2026-01-07T09:00", 1));
    expect(past.occurrences[0]!.conflict?.code).toBe("too_soon");
    // Without a fixed room, the 19 May session simply takes Room B.
    const anyRoom = await previewSeries(f.db, f.admin, seriesInput(maria, "2027-05-19T09:00", 1, { roomId: null }));
    expect(anyRoom.occurrences[0]).toMatchObject({ status: "ok", roomName: "Room B" });
  });

  it("keeps a 09:00 weekly series at 09:00 London time across the October clock change", async () => {
    const sophie = await client("Sophie", "Martin");
    const report = await previewSeries(f.db, f.admin, seriesInput(sophie, "2027-10-18T09:00", 4));
    expect(report.occurrences.map((o) => [o.start, o.status])).toEqual([
      ["2027-10-18T08:00:00.000Z", "ok"], // BST
      ["2027-10-25T08:00:00.000Z", "ok"],
      ["2027-11-01T09:00:00.000Z", "ok"], // GMT
      ["2027-11-08T09:00:00.000Z", "ok"],
    ]);
    const created = await createSeries(
      f.db,
      f.admin,
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
});
