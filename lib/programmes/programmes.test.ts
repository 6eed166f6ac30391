import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { clinicExercises, programmes, programmeVersions, triggerPoints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { setPrecautions, setTools } from "@/lib/programmes/safety/client-safety";
import { createFinding } from "@/lib/clinical/findings";
import { createFindingBody } from "@/lib/clinical/schemas";
import { createVisit } from "@/lib/clinical/write-visits";
import { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { builderData } from "./builder-suggestions";
import { createProgramme, endProgramme, getProgramme, listClientProgrammes, reviseProgramme } from "./programmes";
import { createProgrammeBody, endProgrammeBody, reviseProgrammeBody, type ProgrammeItemInput } from "./schemas";

let t: TestDb;
let therapist: Actor;
let otherTherapist: Actor;
let portalClient: Actor;
let tom: string;
let maria: string;
let casey: string;

const now = new Date("2026-03-04T12:00:00Z"); // a Wednesday; Demo Clinic is in Europe/London
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const hold = (over: Record<string, unknown> = {}) => ({
  tool: "massage_ball",
  technique: "sustained_pressure",
  intensity: 4,
  secondsPerSpot: 60,
  spots: 2,
  sets: 2,
  restSeconds: 30,
  sessionsPerDay: 1,
  daysOfWeek: EVERY_DAY,
  ...over,
});
const item = (exerciseKey: string, over: Partial<ProgrammeItemInput> = {}): ProgrammeItemInput => ({
  exerciseKey,
  dosage: hold() as ProgrammeItemInput["dosage"],
  ...over,
});
const create = (actor: Actor, clientId: string, body: Record<string, unknown>) =>
  createProgramme(t.db, actor, clientId, createProgrammeBody.parse({ title: "Neck", ...body }), { now });
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  otherTherapist = await actorFor(t.db, "therapist@other.test", "other-clinic");
  portalClient = await actorFor(t.db, "client@demo.test");
  tom = await clientIdByName(t.db, "Tom", "Okafor");
  maria = await clientIdByName(t.db, "Maria", "Lopez");
  casey = await clientIdByName(t.db, "Casey", "Client");
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

describe("safety rails", () => {
  it("refuses an exercise the precautions block, with the reason, and writes nothing", async () => {
    await setPrecautions(t.db, therapist, maria, {
      items: [
        { id: "osteoporosis", note: "" },
        { id: "anticoagulants", note: "Warfarin" },
      ],
    });
    const err = await errorOf(create(therapist, maria, { items: [item("ball_peanut_thoracic")] }));
    expect(err.code).toBe("INVALID");
    expect(err.message).toMatch(/cannot be prescribed/);
    expect(err.fieldErrors?.["items.0.exerciseKey"]?.join(" ")).toMatch(/spine/i);
    const gun = await errorOf(
      create(therapist, maria, {
        items: [
          item("gun_quads", {
            dosage: {
              tool: "percussive_gun",
              attachment: "round",
              technique: "percussion",
              intensity: 3,
              secondsPerMuscle: 60,
              sets: 1,
              restSeconds: 0,
              sessionsPerDay: 1,
              daysOfWeek: [1, 3, 5],
            },
          }),
        ],
      }),
    );
    expect(gun.fieldErrors?.["items.0.exerciseKey"]?.join(" ")).toMatch(/massage gun/i);
    const [{ n }] = (await t.db.select({ n: count() }).from(programmes).where(eq(programmes.clientId, maria))) as [
      { n: number },
    ];
    expect(n).toBe(0);
  });

  it("stores precaution flags with the item", async () => {
    const p = await create(therapist, maria, { items: [item("ball_upper_trap_wall")] });
    const flags = p.versions[0]!.items[0]!.flags;
    expect(flags.map((f) => f.precaution)).toEqual(expect.arrayContaining(["anticoagulants", "osteoporosis"]));
    expect(flags.find((f) => f.precaution === "anticoagulants")!.message).toMatch(/light pressure/i);
  });

  it("needs an override with a reason above the safe range, and reports dosage field errors per item", async () => {
    const long = item("ball_levator_wall", { dosage: hold({ secondsPerSpot: 150 }) as ProgrammeItemInput["dosage"] });
    const err = await errorOf(create(therapist, tom, { items: [item("ball_upper_trap_wall"), long] }));
    expect(err.code).toBe("INVALID");
    expect(err.message).toMatch(/override/i);
    expect(err.fieldErrors?.["items.1.override.reason"]?.[0]).toMatch(/above the safe range 30–90/);
    const ok = await create(therapist, tom, {
      items: [{ ...long, override: { reason: "Tolerates long holds well; reviewed in clinic." } }],
    });
    expect(ok.versions[0]!.items[0]).toMatchObject({
      overrideReason: "Tolerates long holds well; reviewed in clinic.",
      dosage: { secondsPerSpot: 150 },
    });

    const parsed = createProgrammeBody.safeParse({
      title: "X",
      items: [{ exerciseKey: "ball_levator_wall", dosage: hold({ secondsPerSpot: undefined }) }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join(".")).toBe("items.0.dosage.secondsPerSpot");
    const wrongTool = await errorOf(create(therapist, tom, { items: [item("roll_quads")] }));
    expect(Object.keys(wrongTool.fieldErrors ?? {})).toContain("items.0.dosage.tool");
  });

  it("links an item only to this client's trigger points", async () => {
    const [caseyPoint] = await t.db
      .select({ id: triggerPoints.id })
      .from(triggerPoints)
      .where(eq(triggerPoints.clientId, casey));
    const err = await errorOf(
      create(therapist, tom, { items: [item("ball_upper_trap_wall", { triggerPointId: caseyPoint!.id })] }),
    );
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(["items.0.triggerPointId"]);
    const p = await create(therapist, casey, {
      items: [item("ball_upper_trap_wall", { triggerPointId: caseyPoint!.id })],
    });
    expect(p.versions[0]!.items[0]!.triggerPointLabel).toBeTruthy();
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

  it("screens the catalogue against the client's precautions", async () => {
    const data = await builderData(t.db, therapist, maria);
    expect(data.catalogue.find((o) => o.key === "ball_peanut_thoracic")!.screen.verdict).toBe("block");
    expect(data.catalogue.find((o) => o.key === "ball_upper_trap_wall")!.screen.verdict).toBe("flag");
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
