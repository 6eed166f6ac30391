import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { clinicExercises, programmes, programmeVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { setTools } from "@/lib/programmes/safety/set-tools";
import { createFinding } from "@/lib/clinical/findings/create-finding";
import { createFindingBody } from "@/lib/clinical/schemas";
import { createVisit } from "@/lib/clinical/visits/create-visit";
import { clientIdByName, type TestDb } from "@/lib/testing/db";
import { builderData } from "./builder-suggestions";
import { createProgramme } from "./programmes/create-programme";
import { endProgramme } from "./programmes/end-programme";
import { reviseProgramme } from "./programmes/revise-programme";
import { getProgramme } from "./programmes/get-programme";
import { listClientProgrammes } from "./programmes/list-client-programmes";
import { createProgrammeBody, endProgrammeBody, reviseProgrammeBody } from "./schemas";
import { errorOf, item, now, openProgrammeDb } from "./programmes-test-fixture";

let t: TestDb;
let therapist: Actor;
let otherTherapist: Actor;
let portalClient: Actor;
let tom: string;
let create: Awaited<ReturnType<typeof openProgrammeDb>>["create"];

beforeAll(async () => {
  ({ t, therapist, otherTherapist, portalClient, tom, create } = await openProgrammeDb());
});
afterAll(() => t.close());

describe("prescribing and versions", () => {
  it("creates version 1 with snapshots, then a revision keeps the history; a stale version is 409", async () => {
    const v1 = await create(therapist, tom, {
      startDate: "2026-03-02",
      items: [item("ball_upper_trap_wall", { note: "Right first" })],
    });
    expect(v1).toMatchObject({ currentVersion: 1, status: "active", clientName: "Tom Okafor" });
    const [first] = v1.versions;
    expect(first!.items[0]).toMatchObject({
      exerciseKey: "ball_upper_trap_wall",
      note: "Right first",
      flags: [],
      overrideReason: null,
    });
    expect(first!.items[0]!.snapshot.name).toMatch(/upper trap/i);
    expect(first!.items[0]!.snapshot.stopRules[0]).toMatch(/numbness, tingling/);

    const v2 = await reviseProgramme(
      t.db,
      therapist,
      v1.id,
      reviseProgrammeBody.parse({
        version: 1,
        startDate: "2026-03-09",
        changeNote: "Add levator",
        items: [item("ball_upper_trap_wall"), item("ball_levator_wall")],
      }),
      { now },
    );
    expect(v2.currentVersion).toBe(2);
    expect(v2.versions.map((v) => [v.version, v.startDate, v.lastDay, v.items.length])).toEqual([
      [2, "2026-03-09", null, 2],
      [1, "2026-03-02", "2026-03-08", 1],
    ]);
    expect(v2.versions[0]!.changeNote).toBe("Add levator");

    const stale = await errorOf(
      reviseProgramme(
        t.db,
        therapist,
        v1.id,
        reviseProgrammeBody.parse({ version: 1, items: [item("ball_levator_wall")] }),
        { now },
      ),
    );
    expect(stale.code).toBe("CONFLICT");
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(programmeVersions)
      .where(eq(programmeVersions.programmeId, v1.id))) as [{ n: number }];
    expect(n).toBe(2);

    const early = await errorOf(
      reviseProgramme(
        t.db,
        therapist,
        v1.id,
        reviseProgrammeBody.parse({ version: 2, startDate: "2026-03-01", items: [item("ball_levator_wall")] }),
        { now },
      ),
    );
    expect(early.code).toBe("INVALID");
    expect(early.fieldErrors?.startDate).toBeDefined();

    // Ending is "from today at the latest": a later day is a revision's end date.
    const later = await errorOf(
      endProgramme(t.db, therapist, v1.id, endProgrammeBody.parse({ version: 2, endDate: "2026-03-20" }), { now }),
    );
    expect(later.fieldErrors?.endDate).toBeDefined();
    // Ending today drops version 2, which was planned for 9 March and never in force.
    const ended = await endProgramme(t.db, therapist, v1.id, endProgrammeBody.parse({ version: 2 }), { now });
    expect(ended).toMatchObject({ status: "ended", currentVersion: 1 });
    expect(ended.versions).toHaveLength(1);
    expect(ended.versions[0]).toMatchObject({ version: 1, endDate: "2026-03-04", lastDay: "2026-03-04" });
    expect(ended.versions[0]!.items).toHaveLength(1);
    const afterEnd = await errorOf(
      reviseProgramme(
        t.db,
        therapist,
        v1.id,
        reviseProgrammeBody.parse({ version: 1, items: [item("ball_levator_wall")] }),
        { now },
      ),
    );
    expect(afterEnd.code).toBe("CONFLICT");

    const list = await listClientProgrammes(t.db, therapist, tom, { now });
    expect(list.programmes.find((p) => p.id === v1.id)).toMatchObject({
      status: "ended",
      firstStartDate: "2026-03-02",
      current: { version: 1 },
    });
  });

  it("defaults the start date to today in the clinic's zone", async () => {
    const late = new Date("2026-07-01T23:30:00Z"); // already 2 July in London (BST)
    const p = await createProgramme(
      t.db,
      therapist,
      tom,
      createProgrammeBody.parse({ title: "Late", items: [item("ball_levator_wall")] }),
      { now: late },
    );
    expect(p.versions[0]!.startDate).toBe("2026-07-02");
  });
});

describe("builder suggestions", () => {
  it("puts exercises for the latest visit's active trigger points first, owned tools first, screened, with defaults and ranges", async () => {
    const ben = await clientIdByName(t.db, "Ben", "Walsh");
    const visit = await createVisit(t.db, therapist, ben, {});
    await createFinding(
      t.db,
      therapist,
      visit.id,
      createFindingBody.parse({
        view: "back",
        x: 0.585,
        y: 0.185,
        muscleId: "upper_trapezius",
        side: "right",
        type: "active",
        tenderness: 6,
      }),
    );
    await createFinding(
      t.db,
      therapist,
      visit.id,
      createFindingBody.parse({
        view: "back",
        x: 0.6,
        y: 0.3,
        muscleId: "infraspinatus",
        side: "right",
        type: "latent",
        tenderness: 3,
      }),
    );
    await setTools(t.db, therapist, ben, { tools: ["percussive_gun"] });
    const data = await builderData(t.db, therapist, ben);
    const active = data.suggestions.filter((s) => s.basis === "active").map((s) => s.key);
    expect(active[0]).toBe("gun_upper_trap");
    expect(active).toEqual(expect.arrayContaining(["ball_upper_trap_wall", "hook_upper_trap"]));
    expect(data.suggestions.filter((s) => s.basis === "latent").map((s) => s.key)).toContain("ball_infraspinatus_wall");
    expect(data.suggestions[0]!.triggerPointIds).toHaveLength(1);
    const ball = data.catalogue.find((o) => o.key === "ball_upper_trap_wall")!;
    expect(ball).toMatchObject({
      owned: false,
      defaultDosage: { technique: "sustained_pressure", secondsPerSpot: 60 },
      safeRanges: { secondsPerSpot: [30, 90] },
    });
    expect(ball.substitute).toMatchObject({ tool: "percussive_gun" });
    expect(data.catalogue.find((o) => o.key === "hands_masseter")!.owned).toBe(true);
    expect(data.triggerPoints.map((p) => p.type).sort()).toEqual(["active", "latent"]);
  });
});

describe("isolation between clinics and roles", () => {
  it("hides another clinic's programmes, clients and exercises; a client cannot read the staff API", async () => {
    const p = await create(therapist, tom, { items: [item("ball_levator_wall")] });
    expect((await errorOf(getProgramme(t.db, otherTherapist, p.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(listClientProgrammes(t.db, otherTherapist, tom))).code).toBe("NOT_FOUND");
    expect((await errorOf(create(otherTherapist, tom, { items: [item("ball_levator_wall")] }))).code).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          reviseProgramme(
            t.db,
            otherTherapist,
            p.id,
            reviseProgrammeBody.parse({ version: 1, items: [item("ball_levator_wall")] }),
          ),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await errorOf(getProgramme(t.db, portalClient, p.id))).code).toBe("FORBIDDEN");

    const [foreign] = await t.db
      .insert(clinicExercises)
      .values({
        clinicId: otherTherapist.clinicId,
        name: "Other clinic ball",
        tool: "massage_ball",
        targetMuscles: ["upper_trapezius"],
        instructions: "Lean.",
        dosage: { hold_seconds: 60, sets: 2, frequency_per_week: 7 },
        createdBy: otherTherapist.userId,
      })
      .returning({ id: clinicExercises.id });
    const err = await errorOf(create(therapist, tom, { items: [item(`clinic:${foreign!.id}`)] }));
    expect(err.fieldErrors?.["items.0.exerciseKey"]).toBeDefined();
    const rows = await t.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(and(eq(programmes.clinicId, otherTherapist.clinicId)));
    expect(rows).toEqual([]);
  });
});
