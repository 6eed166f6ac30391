import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics } from "@/db/schema";
import { NDI_THRESHOLDS, type NdiThreshold, type OutcomeSettings } from "@/lib/outcomes/rules/outcome-settings";

/** The clinic's outcome-scoring choices (NDI threshold, skipped NDI/ODI sections). */
export async function clinicOutcomeSettings(db: Pick<Db, "select">, clinicId: string): Promise<OutcomeSettings> {
  const [row] = await db
    .select({ ndiThresholdPoints: clinics.ndiThresholdPoints, maxSkippedSections: clinics.maxSkippedSections })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return outcomeSettingsOf(row);
}

/** The settings from a clinic's row however it was read (here, or with the rest of the row in lib/clinic-row.ts). */
export function outcomeSettingsOf(
  row: { ndiThresholdPoints: number; maxSkippedSections: number } | undefined,
): OutcomeSettings {
  // The CHECK constraint keeps the column to these values; the guard keeps the type honest.
  const ndi = NDI_THRESHOLDS.find((n) => n === row?.ndiThresholdPoints) ?? 10;
  return { ndiThresholdPoints: ndi as NdiThreshold, maxSkippedSections: row?.maxSkippedSections ?? 1 };
}
