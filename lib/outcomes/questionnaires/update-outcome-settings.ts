import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { OutcomeSettings } from "@/lib/outcomes/rules/outcome-settings";
import { clinicOutcomeSettings } from "./outcome-settings";
import type { outcomeSettingsBody } from "./schemas";

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
