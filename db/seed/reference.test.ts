import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { smrExercises } from "@/db/schema";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import { exerciseCatalogue } from "@/lib/programmes/exercises/catalogue";
import { screenExercise } from "@/lib/programmes/precautions";
import data from "./reference/domain-data.json";
import { REFERENCE_VERSION, syncReferenceData } from "./reference";

/*
 * An existing database seeded from reference v1 must be brought up to the shipped version when the
 * app starts (db/open.ts runs syncReferenceData after the migrations). The v1 state is recreated
 * here: every reference row marked 1.0.0, no standard caution ids (the column did not exist), and
 * v1's own sentences on two exercises the v2 reference rewrote.
 */
const V1_CAUTIONS = {
  roll_quads: [
    "Keep the tool on muscle, off bony points and the spine.",
    "Stop above the kneecap.",
    "If you bruise easily or take blood thinners, use light pressure only and check with your clinician first.",
  ],
  hands_masseter: [
    "Gentle pressure; stop if jaw locks or clicks painfully.",
    "Dental or jaw-joint problems need dental/medical review.",
  ],
};

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

async function makeV1() {
  await t.db.execute(sql`update muscles set reference_version = '1.0.0'`);
  await t.db.execute(sql`update regions set reference_version = '1.0.0'`);
  await t.db.execute(sql`update smr_exercises set reference_version = '1.0.0', standard_cautions = '{}'`);
  for (const [id, cautions] of Object.entries(V1_CAUTIONS))
    await t.db.update(smrExercises).set({ cautions }).where(eq(smrExercises.id, id));
}

const versions = async () =>
  rowsOf<{ v: string; n: number }>(
    await t.db.execute(
      sql`select reference_version as v, count(*)::int as n from smr_exercises group by reference_version`,
    ),
  );

describe("reference re-sync on a version change", () => {
  it("ships reference v2", () => {
    expect(REFERENCE_VERSION).toBe("2.0.0");
    expect(data.meta.version).toBe("2.0.0");
  });

  it("brings a v1 database up to v2: sentences, standard caution ids and versions", async () => {
    await makeV1();
    expect(await versions()).toEqual([{ v: "1.0.0", n: data.smr_exercises.length }]);

    expect(await syncReferenceData(t.db)).toBe("updated");

    expect(await versions()).toEqual([{ v: "2.0.0", n: data.smr_exercises.length }]);
    const rows = await t.db.select().from(smrExercises);
    for (const e of data.smr_exercises) {
      const row = rows.find((r) => r.id === e.id);
      expect(row?.cautions, e.id).toEqual(e.cautions);
      expect(row?.standardCautions, e.id).toEqual(e.standard_cautions);
    }
    const quads = rows.find((r) => r.id === "roll_quads");
    expect(quads?.cautions).toContain(
      "Do not use on a leg that is swollen, warm, red or newly painful (possible clot): contact a doctor the same day.",
    );
    expect(rows.find((r) => r.id === "hands_masseter")?.cautions).toContain(
      "Stop if your jaw locks or clicks painfully.",
    );
    for (const table of ["muscles", "regions"]) {
      const left = rowsOf<{ n: number }>(
        await t.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table)} where reference_version <> ${REFERENCE_VERSION}`,
        ),
      );
      expect(left[0]?.n, table).toBe(0);
    }
  });

  it("is a no-op once current", async () => {
    expect(await syncReferenceData(t.db)).toBe("current");
  });

  it("the re-synced library screens by standard caution id and recorded site", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const catalogue = await exerciseCatalogue(t.db, therapist);
    const quads = catalogue.find((e) => e.id === "roll_quads")!;
    const calves = catalogue.find((e) => e.id === "roll_calves")!;
    expect(quads.standard_cautions).toEqual(["clot", "varicose", "bruising", "pregnancy_face_down"]);
    const lowerLegVeins = [{ id: "varicose_veins" as const, areas: ["lower_leg" as const] }];
    expect(screenExercise(quads, lowerLegVeins).verdict).toBe("ok");
    expect(screenExercise(calves, lowerLegVeins).reasons.map((r) => r.text)).toContain(
      "Do not work directly over varicose veins.",
    );
  });
});
