import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { getProgress } from "@/lib/outcomes/pain/progress";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

describe("demo data for pain", () => {
  it("gives Casey an open complaint with before/after scores at every visit and a pain diary", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const progress = await getProgress(t.db, therapist, await clientIdByName(t.db, "Casey", "Client"));
    const open = progress.complaints.filter((c) => c.status === "open");
    expect(open).toHaveLength(1);
    const [neck] = open;
    expect(neck!.visits).toHaveLength(3);
    expect(neck!.visits.every((v) => v.before !== null && v.after !== null)).toBe(true);
    expect(neck!.diary.length).toBeGreaterThanOrEqual(10);
    expect(neck!.improvement).toBeGreaterThan(0);
    expect(neck!.summary).not.toBe("");
  });
});
