import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, staffPreferences } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import type { PressureUnit } from "@/lib/clinical/rules/ppt";

/**
 * The unit the finding editor, the chart history and the asymmetry view use for this staff member:
 * the last unit they saved readings in at this clinic, else the clinic's setting. One unit on every
 * screen is what keeps a kPa history from being re-typed into a kg/cm² field.
 */
export async function algometerUnitFor(db: Db, actor: Actor): Promise<PressureUnit> {
  const [row] = await db
    .select({ clinicUnit: clinics.algometerUnit, ownUnit: staffPreferences.algometerUnit })
    .from(clinics)
    .leftJoin(
      staffPreferences,
      and(eq(staffPreferences.clinicId, clinics.id), eq(staffPreferences.userId, actor.userId)),
    )
    .where(eq(clinics.id, actor.clinicId));
  return row?.ownUnit ?? row?.clinicUnit ?? "kgf/cm2";
}

/** Remembers the unit of readings just saved (inside the saving transaction). */
export async function rememberAlgometerUnit(tx: Db, actor: Actor, unit: PressureUnit): Promise<void> {
  await tx
    .insert(staffPreferences)
    .values({ clinicId: actor.clinicId, userId: actor.userId, algometerUnit: unit })
    .onConflictDoUpdate({
      target: [staffPreferences.clinicId, staffPreferences.userId],
      set: { algometerUnit: unit, updatedAt: new Date() },
    });
}
