import { describe, expect, it } from "vitest";
import { actorFor } from "@/lib/testing/db";
import { failure } from "./calendar-test-fixture";
import { createSeries } from "./series";
import { previewSeries } from "./series-preview";
import { cancelSeriesFrom } from "./cancel-series-from";
import { getSeries } from "./get-series";
import { createSeriesBody } from "./series-schemas";
import { seriesFixture } from "./series-test-fixture";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past).
const f = seriesFixture();
const { client, seriesInput, book, countFor } = f;

describe("recurring series: a therapist booking their own", () => {
  it("lets a therapist plan, book and cancel series only in their own diary", async () => {
    const taraActor = await actorFor(f.db, "therapist@demo.test");
    const maria = await client("Maria", "Lopez");
    const before = await countFor(maria);
    expect(
      (
        await failure(
          previewSeries(f.db, taraActor, seriesInput(maria, "2038-11-15T09:00", 2, { therapistUserId: f.theo })),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await failure(
          createSeries(
            f.db,
            taraActor,
            createSeriesBody.parse(seriesInput(maria, "2038-11-15T09:00", 2, { therapistUserId: f.theo })),
          ),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    // Her own series, but one session moved into Theo's diary: refused, nothing booked.
    const withTheo = createSeriesBody.parse({
      ...seriesInput(maria, "2038-11-15T09:00", 3),
      choices: [
        { index: 1, action: "alternative", start: "2038-11-22T09:00:00Z", therapistUserId: f.theo, roomId: f.roomA },
      ],
    });
    expect((await failure(createSeries(f.db, taraActor, withTheo)))?.code).toBe("FORBIDDEN");
    expect(await countFor(maria)).toBe(before);

    // A therapist's preview offers no colleague's time as an alternative.
    await book(await client("Tom", "Okafor"), "2038-12-06T09:30:00Z");
    const own = (await previewSeries(f.db, taraActor, seriesInput(maria, "2038-12-06T09:00", 1))).occurrences[0]!;
    expect(own.status).toBe("conflict");
    expect(own.alternatives.length).toBeGreaterThan(0);
    expect(own.alternatives.every((a) => a.therapistId === f.tara)).toBe(true);
    expect(
      (await previewSeries(f.db, f.admin, seriesInput(maria, "2038-12-06T09:00", 1))).occurrences[0]!.alternatives.some(
        (a) => a.therapistId === f.theo,
      ),
    ).toBe(true);

    // The front desk books it with Theo's session; Tara cannot cancel the rest while Theo's is among them.
    const created = await createSeries(f.db, f.admin, withTheo);
    const refused = await failure(
      cancelSeriesFrom(f.db, taraActor, created.id, { fromDate: "2038-11-01", reason: "Stopping" }),
    );
    expect(refused?.code).toBe("FORBIDDEN");
    expect((await getSeries(f.db, f.admin, created.id)).appointments.map((a) => a.status)).toEqual([
      "booked",
      "booked",
      "booked",
    ]);
    expect(
      (await cancelSeriesFrom(f.db, taraActor, created.id, { fromDate: "2038-11-23", reason: "Stopping" })).cancelled,
    ).toBe(1);
    expect(
      (await cancelSeriesFrom(f.db, f.admin, created.id, { fromDate: "2038-11-01", reason: "Stopping" })).cancelled,
    ).toBe(2);
  });
});
