import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { clients, clinics, programmeCompletions, programmeItems } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import type { AppError } from "@/lib/errors";
import { zonedInstant } from "@/lib/format/zoned";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { clientAdherence } from "./adherence-report";
import { pageLowAdherence } from "./adherence-summaries";
import { listLowAdherence } from "./list-low-adherence";
import { createProgramme } from "./programmes/create-programme";
import { reviseProgramme } from "./programmes/revise-programme";
import { adherenceQuery, createProgrammeBody, reviseProgrammeBody } from "./schemas";

let t: TestDb;
let therapist: Actor;
let ben: string;
let programmeId: string;

const TZ = "Europe/London";
const dosage = (days: number[]) => ({
  tool: "massage_ball" as const,
  technique: "sustained_pressure" as const,
  intensity: 4,
  secondsPerSpot: 60,
  spots: 2,
  sets: 2,
  restSeconds: 30,
  sessionsPerDay: 1,
  daysOfWeek: days,
});
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** Logs tick-offs for Ben straight into the table (the portal use-case only serves a signed-in client). */
async function logged(exerciseKey: string, dates: string[], time = "19:00") {
  const [item] = await t.db
    .select({ id: programmeItems.id })
    .from(programmeItems)
    .where(and(eq(programmeItems.programmeId, programmeId), eq(programmeItems.exerciseKey, exerciseKey)));
  await t.db.insert(programmeCompletions).values(
    dates.map((d) => ({
      clinicId: therapist.clinicId,
      clientId: ben,
      programmeId,
      itemId: item!.id,
      exerciseKey,
      completedAt: zonedInstant(d, time, TZ),
      localDate: d,
    })),
  );
}

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  ben = await clientIdByName(t.db, "Ben", "Walsh");
  const setup = new Date("2026-03-02T09:00:00Z");
  const p = await createProgramme(
    t.db,
    therapist,
    ben,
    createProgrammeBody.parse({
      title: "Neck",
      startDate: "2026-03-02",
      items: [{ exerciseKey: "ball_upper_trap_wall", dosage: dosage(EVERY_DAY) }],
    }),
    { now: setup },
  );
  programmeId = p.id;
  // From Monday 9 March: the trapezius on Mon/Wed/Fri only, and the levator every day.
  await reviseProgramme(
    t.db,
    therapist,
    programmeId,
    reviseProgrammeBody.parse({
      version: 1,
      startDate: "2026-03-09",
      items: [
        { exerciseKey: "ball_upper_trap_wall", dosage: dosage([1, 3, 5]) },
        { exerciseKey: "ball_levator_wall", dosage: dosage(EVERY_DAY) },
      ],
    }),
    { now: setup },
  );
  await logged("ball_upper_trap_wall", [
    "2026-03-02",
    "2026-03-03",
    "2026-03-04",
    "2026-03-06",
    "2026-03-08",
    "2026-03-09",
    "2026-03-11",
    "2026-03-13",
  ]);
  // Late-evening tick-offs count on their London day (23:30 GMT is already tomorrow east of London).
  await logged("ball_levator_wall", ["2026-03-09", "2026-03-10", "2026-03-12", "2026-03-15"], "23:30");
});
afterAll(() => t.close());

describe("adherence report", () => {
  it("counts each week against the version in force, per programme, per exercise and overall", async () => {
    const report = await clientAdherence(t.db, therapist, ben, adherenceQuery.parse({ weeks: 2 }), {
      now: new Date("2026-03-15T23:50:00Z"),
    });
    expect(report).toMatchObject({ today: "2026-03-15", timeZone: TZ, thresholdPct: 50 });
    expect(report.overall.weeks.map((w) => [w.weekStart, w.prescribed, w.completed, w.partial])).toEqual([
      ["2026-03-02", 7, 5, false],
      ["2026-03-09", 10, 7, false],
    ]);
    expect(report.overall).toMatchObject({ prescribed: 17, completed: 12 });
    const [programme] = report.programmes;
    expect(programme!.byExercise.find((e) => e.exerciseKey === "ball_levator_wall")).toMatchObject({
      prescribed: 7,
      completed: 4,
    });
    expect(programme!.byExercise.find((e) => e.exerciseKey === "ball_upper_trap_wall")!.name).toMatch(/trap/i);
  });

  it("lists clients whose last full week fell below the clinic's threshold", async () => {
    const wednesday = new Date("2026-03-18T12:00:00Z");
    const atDefault = await listLowAdherence(t.db, therapist, { now: wednesday });
    expect(atDefault.find((e) => e.clientId === ben)).toBeUndefined(); // 7/10 is not below 50%
    await t.db.update(clinics).set({ adherenceThresholdPct: 80 }).where(eq(clinics.id, therapist.clinicId));
    const strict = await listLowAdherence(t.db, therapist, { now: wednesday });
    expect(strict.find((e) => e.clientId === ben)).toMatchObject({
      clientName: "Ben Walsh",
      weekStart: "2026-03-09",
      prescribed: 10,
      completed: 7,
      ratio: 0.7,
      programmes: [{ id: programmeId }],
    });

    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    expect((await listLowAdherence(t.db, other, { now: wednesday })).map((e) => e.clientId)).not.toContain(ben);
    const err = await clientAdherence(t.db, other, ben, adherenceQuery.parse({})).catch((e: AppError) => e);
    expect((err as AppError).code).toBe("NOT_FOUND");
  });
});

describe("low adherence from stored summaries", () => {
  const wednesday = new Date("2026-03-18T12:00:00Z");
  const bens = async (now = wednesday) =>
    (await listLowAdherence(t.db, therapist, { now })).filter((e) => e.clientId === ben);

  it("follows tick-offs, archiving and the week, and a page is the head of the list with the exact total", async () => {
    // The threshold is 80% from the test above: Ben's 7 of 10 is listed.
    expect((await bens()).map((e) => [e.completed, e.prescribed])).toEqual([[7, 10]]);
    await logged("ball_levator_wall", ["2026-03-14"]);
    expect(await bens()).toEqual([]); // 8 of 10 is not below 80%
    await t.db
      .delete(programmeCompletions)
      .where(and(eq(programmeCompletions.clientId, ben), eq(programmeCompletions.localDate, "2026-03-14")));
    expect((await bens()).map((e) => e.ratio)).toEqual([0.7]);

    const setBen = (archivedAt: Date | null) =>
      t.db
        .update(clients)
        .set({ archivedAt })
        .where(and(eq(clients.clinicId, therapist.clinicId), eq(clients.id, ben)));
    await setBen(new Date());
    expect(await bens()).toEqual([]);
    await setBen(null);
    expect(await bens()).toHaveLength(1);

    // A week on, the last full week is 16–22 March, with nothing ticked off.
    expect((await bens(new Date("2026-03-25T12:00:00Z"))).map((e) => [e.weekStart, e.completed, e.prescribed])).toEqual(
      [["2026-03-16", 0, 10]],
    );

    const all = await listLowAdherence(t.db, therapist, { now: wednesday });
    for (const limit of [0, 1, all.length, all.length + 3]) {
      const page = await pageLowAdherence(t.db, therapist, limit, { now: wednesday });
      expect(page).toEqual({ entries: all.slice(0, limit), total: all.length });
    }
  });
});
