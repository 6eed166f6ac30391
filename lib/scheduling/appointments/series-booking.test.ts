import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { appointmentSeries } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { actorFor } from "@/lib/testing/db";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { failure } from "./calendar-test-fixture";
import { createSeries } from "./series";
import { previewSeries } from "./series-preview";
import { cancelSeriesFrom } from "./cancel-series-from";
import { getSeries } from "./get-series";
import { createSeriesBody, type SeriesReport } from "./series-schemas";
import { seriesFixture } from "./series-test-fixture";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past; holds and reminders compare with the database's own now()).

const f = seriesFixture();
const { client, seriesInput, book, countFor } = f;

describe("recurring series: booking all or nothing, retries and access", () => {
  it("books nothing when a date was taken after the preview; the 409 carries the fresh report", async () => {
    const hannah = await client("Hannah", "Kim");
    const input = createSeriesBody.parse(seriesInput(hannah, "2038-06-09T11:00", 6));
    expect((await previewSeries(f.db, f.admin, input)).conflictCount).toBe(0);
    // Someone books Tara on the 5th Wednesday between the preview and "Book".
    await book(await client("George", "Brown"), "2038-07-07T10:30:00Z");
    const err = await failure(createSeries(f.db, f.admin, input));
    expect(err?.code).toBe("CONFLICT");
    expect(err?.message).toBe(
      "One of the chosen dates is no longer free, so nothing was booked. Check the dates again.",
    );
    const details = err!.details as { report: SeriesReport; failed: { index: number }[] };
    expect(details.failed.map((f) => f.index)).toEqual([4]);
    expect(details.report.occurrences[4]).toMatchObject({ status: "conflict", conflict: { code: "therapist_busy" } });
    expect(await countFor(hannah)).toBe(0);
    expect(await f.db.select().from(appointmentSeries).where(eq(appointmentSeries.clientId, hannah))).toEqual([]);
  });

  it("of two series racing for the same times, exactly one is booked, whole; the other books nothing", async () => {
    const [aisha, luca] = [await client("Aisha", "Bello"), await client("Luca", "Rossi")];
    const make = (clientId: string) =>
      createSeries(
        f.db,
        f.admin,
        createSeriesBody.parse(seriesInput(clientId, "2038-08-03T14:00", 8, { roomId: null })),
      );
    const results = await Promise.allSettled([make(aisha), make(luca)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect((lost.reason as AppError).code).toBe("CONFLICT");
    expect([await countFor(aisha), await countFor(luca)].sort()).toEqual([0, 8]);
  });

  it("replays a retried request, refuses a therapist who does not offer the type, and hides other clinics' series", async () => {
    const casey = await client("Casey", "Client");
    const input = createSeriesBody.parse({
      ...seriesInput(casey, "2038-09-02T09:00", 2),
      idempotencyKey: "series-retry-1",
    });
    const first = await createSeries(f.db, f.admin, input);
    const again = await createSeries(f.db, f.admin, input);
    expect(again).toMatchObject({ id: first.id, replayed: true });
    expect(await countFor(casey)).toBe(2);

    const onlyTheo = await createAppointmentType(f.db, f.admin, {
      name: "Dry needling",
      durationMin: 30,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: false,
      therapistIds: [f.theo],
    });
    const refused = await failure(
      previewSeries(f.db, f.admin, seriesInput(casey, "2038-09-09T09:00", 1, { typeId: onlyTheo.id })),
    );
    expect(refused).toMatchObject({ code: "INVALID", message: "Tara Therapist does not offer Dry needling." });

    const other = await actorFor(f.db, "admin@other.test", "other-clinic");
    expect((await failure(previewSeries(f.db, other, seriesInput(casey, "2038-09-09T09:00", 1))))?.code).toBe(
      "NOT_FOUND",
    );
    expect((await failure(getSeries(f.db, other, first.id)))?.code).toBe("NOT_FOUND");
    expect(
      (await failure(cancelSeriesFrom(f.db, other, first.id, { fromDate: "2038-01-01", reason: "Not mine" })))?.code,
    ).toBe("NOT_FOUND");
    const portal = await actorFor(f.db, "client@demo.test");
    expect((await failure(previewSeries(f.db, portal, seriesInput(casey, "2038-09-09T09:00", 1))))?.code).toBe(
      "FORBIDDEN",
    );
  });

  it("refuses a reused key for a different series (409), and gives parallel retries of one the same series", async () => {
    const sophie = await client("Sophie", "Martin");
    const input = createSeriesBody.parse({
      ...seriesInput(sophie, "2038-06-07T11:00", 3),
      idempotencyKey: "series-parallel-1",
    });
    const before = await countFor(sophie);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => createSeries(f.db, f.admin, input)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as Error).message)).toEqual([]);
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id));
    expect(ids.size).toBe(1);

    const other = createSeriesBody.parse({ ...input, rule: { ...input.rule, start: "2038-06-07T15:00" } });
    expect(await failure(createSeries(f.db, f.admin, other))).toMatchObject({
      code: "CONFLICT",
      details: { reason: "idempotency_mismatch" },
    });
    expect(await countFor(sophie)).toBe(before + 3);
  });
});
