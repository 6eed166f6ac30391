import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "../client";
import { muscles, regions, smrExercises } from "../schema";
import data from "./reference/domain-data.json";

type RawMuscle = (typeof data.muscles)[number] & { cautions?: string[]; common_causes?: string[] };

export const REFERENCE_VERSION = data.meta.version;

/**
 * Brings the shared muscle library and region scheme up to the shipped reference version.
 * Runs after migrations in every environment (it is product data, not demo data); cheap
 * when already current. Clinic-added muscles live in clinic_muscles and are never touched.
 */
export async function syncReferenceData(db: Db): Promise<"current" | "updated"> {
  const counts = rowsOf<{ m: number; r: number; e: number }>(
    await db.execute(sql`
      select (select count(*) from muscles where reference_version = ${REFERENCE_VERSION})::int as m,
             (select count(*) from regions where reference_version = ${REFERENCE_VERSION})::int as r,
           (select count(*) from smr_exercises where reference_version = ${REFERENCE_VERSION})::int as e`),
  )[0] as { m: number; r: number; e: number } | undefined;
  if (
    counts &&
    counts.m === data.muscles.length &&
    counts.r === data.regions.length &&
    counts.e === data.smr_exercises.length
  )
    return "current";
  await db.transaction(async (tx) => {
    for (const m of data.muscles as RawMuscle[]) {
      const values = {
        id: m.id,
        name: m.name,
        region: m.region,
        sideApplicable: m.side_applicable,
        views: m.views,
        triggerPoints: m.trigger_points.map((tp) => ({
          label: tp.label,
          locationNote: tp.location_note,
          approx: tp.approx ? { view: tp.approx.view as "front" | "back", x: tp.approx.x, y: tp.approx.y } : null,
        })),
        referralZones: m.referral_zones,
        referralNote: m.referral_note,
        cautions: m.cautions ?? [],
        commonCauses: m.common_causes ?? [],
        referenceVersion: REFERENCE_VERSION,
      };
      await tx.insert(muscles).values(values).onConflictDoUpdate({ target: muscles.id, set: values });
    }
    for (const e of data.smr_exercises) {
      const values = {
        id: e.id,
        name: e.name,
        tool: e.tool,
        targetMuscles: e.target_muscles,
        instructions: e.instructions,
        dosage: e.dosage as Record<string, unknown>,
        cautions: e.cautions,
        standardCautions: e.standard_cautions,
        referenceVersion: REFERENCE_VERSION,
      };
      await tx.insert(smrExercises).values(values).onConflictDoUpdate({ target: smrExercises.id, set: values });
    }
    for (const r of data.regions) {
      const values = {
        id: r.id,
        name: r.name,
        view: r.view,
        side: r.side,
        centerX: r.approx_center.x,
        centerY: r.approx_center.y,
        referenceVersion: REFERENCE_VERSION,
      };
      await tx.insert(regions).values(values).onConflictDoUpdate({ target: regions.id, set: values });
    }
  });
  return "updated";
}
