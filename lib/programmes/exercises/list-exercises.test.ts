import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { listExercises, listExercisesQuery } from "./list-exercises";

let t: TestDb;
let therapist: Actor;
beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
});
afterAll(() => t.close());

const list = (q: Record<string, string>) => listExercises(t.db, therapist, listExercisesQuery.parse(q));

describe("SMR exercise library", () => {
  it("is seeded from the reference with at least 30 exercises", async () => {
    expect((await list({})).length).toBeGreaterThanOrEqual(30);
  });

  it("filters by tool, target muscle, body region and words", async () => {
    const guns = await list({ tool: "percussive_gun" });
    expect(guns.length).toBeGreaterThan(0);
    expect(guns.every((e) => e.tool === "percussive_gun")).toBe(true);
    const trap = await list({ muscle: "upper_trapezius" });
    expect(trap.map((e) => e.id)).toContain("ball_upper_trap_wall");
    expect(trap.every((e) => e.targetMuscles.some((m) => m.id === "upper_trapezius"))).toBe(true);
    const neck = await list({ region: "neck_shoulder" });
    expect(neck.every((e) => e.targetMuscles.some((m) => m.region === "neck_shoulder"))).toBe(true);
    expect((await list({ q: "wall" })).every((e) => /wall/i.test(e.name + e.instructions))).toBe(true);
    expect(await list({ q: "%" })).toEqual([]);
  });

  it("is closed to clients", async () => {
    const client = await actorFor(t.db, "client@demo.test");
    await expect(listExercises(t.db, client, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
