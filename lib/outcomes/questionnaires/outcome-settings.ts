import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { NDI_THRESHOLDS, type NdiThreshold, type OutcomeSettings } from "@/lib/outcomes/rules/outcome-settings";
import type { outcomeSettingsBody } from "./schemas";

/** The clinic's outcome-scoring choices (NDI threshold, skipped NDI/ODI sections). */
export async function clinicOutcomeSettings(db: Pick<Db, "select">, clinicId: string): Promise<OutcomeSettings> {
  const [row] = await db
    .select({ ndi: clinics.ndiThresholdPoints, maxSkipped: clinics.maxSkippedSections })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  // The CHECK constraint keeps the column to these values; the guard keeps the type honest.
  const ndi = NDI_THRESHOLDS.find((n) => n === row?.ndi) ?? 10;
  return { ndiThresholdPoints: ndi as NdiThreshold, maxSkippedSections: row?.maxSkipped ?? 1 };
}

export async function getOutcomeSettings(db: Db, actor: Actor): Promise<OutcomeSettings> {
  assertCan(actor, "clinical.read");
  return clinicOutcomeSettings(db, actor.clinicId);
}

/**
 * Two independent numbers with nothing to merge, so the last save wins; the audit event records
 * who changed what, from what.
 */
export async function updateOutcomeSettings(
  db: Db,
  actor: Actor,
  input: z.output<typeof outcomeSettingsBody>,
): Promise<OutcomeSettings> {
  assertCan(actor, "instruments.configure");
  await db.transaction(async (tx) => {
    const before = await clinicOutcomeSettings(tx, actor.clinicId);
    await tx
      .update(clinics)
      .set({ ndiThresholdPoints: input.ndiThresholdPoints, maxSkippedSections: input.maxSkippedSections })
      .where(eq(clinics.id, actor.clinicId));
    const changed = (Object.keys(input) as (keyof OutcomeSettings)[]).filter((k) => before[k] !== input[k]);
    await recordEvent(tx, actor, {
      action: "clinic.outcome_settings_updated",
      entityType: "clinic",
      entityId: actor.clinicId,
      details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: input[k] }])),
    });
  });
  return clinicOutcomeSettings(db, actor.clinicId);
}
