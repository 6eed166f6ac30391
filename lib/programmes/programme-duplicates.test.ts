import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { programmes } from "@/db/schema";
import { clientIdByName, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import { POST } from "@/app/api/clients/[clientId]/programmes/route";

let t: TestDb;
let tom: string;
beforeAll(async () => {
  t = await freshDb();
  tom = await clientIdByName(t.db, "Tom", "Okafor");
});
afterAll(() => t.close());

const dosage = {
  tool: "massage_ball",
  technique: "sustained_pressure",
  intensity: 4,
  secondsPerSpot: 60,
  spots: 2,
  sets: 2,
  restSeconds: 30,
  sessionsPerDay: 1,
  daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
};

describe("one item per exercise", () => {
  it("refuses a programme that lists the same exercise twice (a double-clicked Add), writing nothing", async () => {
    const programmesOf = async () =>
      (await t.db.select({ n: count() }).from(programmes).where(eq(programmes.clientId, tom)))[0]!.n;
    const before = await programmesOf();
    const send = async (items: unknown[]) =>
      POST.invoke(
        new Request(`http://test/api/clients/${tom}/programmes`, {
          method: "POST",
          body: JSON.stringify({ title: "Neck", items }),
          headers: { "content-type": "application/json" },
        }),
        { clientId: tom },
        { db: t.db, session: await sessionFor(t.db, "therapist@demo.test") },
      );
    const twice = await send([
      { exerciseKey: "ball_upper_trap_wall", dosage },
      { exerciseKey: "ball_levator_wall", dosage },
      { exerciseKey: "ball_upper_trap_wall", dosage },
    ]);
    expect(twice.status).toBe(400);
    expect((await twice.json()).error.fieldErrors["items.2.exerciseKey"]).toEqual([
      "This exercise is already in the programme.",
    ]);
    expect(await programmesOf()).toBe(before);

    const once = await send([
      { exerciseKey: "ball_upper_trap_wall", dosage },
      { exerciseKey: "ball_levator_wall", dosage },
    ]);
    expect(once.status).toBe(201);
    expect(await programmesOf()).toBe(before + 1);
  });
});
