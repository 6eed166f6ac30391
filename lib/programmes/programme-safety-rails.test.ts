import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { programmes, triggerPoints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { setPrecautions } from "@/lib/programmes/safety/set-precautions";
import type { TestDb } from "@/lib/testing/db";
import { builderData } from "./builder-suggestions";
import { createProgrammeBody, type ProgrammeItemInput } from "./schemas";
import { errorOf, hold, item, openProgrammeDb } from "./programmes-test-fixture";

// The safety rails of prescribing: precautions, dosage above the safe range, this client's trigger points only.

let t: TestDb;
let therapist: Actor;
let tom: string;
let maria: string;
let casey: string;
let create: Awaited<ReturnType<typeof openProgrammeDb>>["create"];

beforeAll(async () => {
  ({ t, therapist, tom, maria, casey, create } = await openProgrammeDb());
});
afterAll(() => t.close());

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

  // After the precautions above: the builder's catalogue shows the same verdicts.
  it("screens the catalogue against the client's precautions", async () => {
    const data = await builderData(t.db, therapist, maria);
    expect(data.catalogue.find((o) => o.key === "ball_peanut_thoracic")!.screen.verdict).toBe("block");
    expect(data.catalogue.find((o) => o.key === "ball_upper_trap_wall")!.screen.verdict).toBe("flag");
  });
});
