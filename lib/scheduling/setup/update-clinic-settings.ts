import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, invalid } from "@/lib/errors";
import { hasTwoFactor } from "@/lib/identity/two-factor/status";
import type { ClinicSettings, clinicSettingsBody } from "./schemas";
import { getClinicSettings } from "./get-clinic-settings";

/** Keys of `next` whose value differs from `current` (dates, arrays and objects compared by value). */
export function changedFields(current: Record<string, unknown>, next: Record<string, unknown>): string[] {
  // Keys sorted: PostgreSQL stores jsonb (opening hours) with its own key order.
  const canonical = (v: unknown): unknown =>
    v instanceof Date
      ? v.toISOString()
      : Array.isArray(v)
        ? v.map(canonical)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
            )
          : (v ?? null);
  const norm = (v: unknown) => JSON.stringify(canonical(v));
  return Object.keys(next).filter((k) => next[k] !== undefined && norm(current[k]) !== norm(next[k]));
}

export async function updateClinicSettings(
  db: Db,
  actor: Actor,
  input: z.output<typeof clinicSettingsBody>,
): Promise<ClinicSettings> {
  assertCan(actor, "clinic.settings");
  // Quiet hours come as a pair (both times, or neither), and a span of no length means nothing.
  const start = input.smsQuietStartMinute;
  const end = input.smsQuietEndMinute;
  if (start !== undefined || end !== undefined) {
    if (((start ?? null) === null) !== ((end ?? null) === null))
      throw invalid("Give quiet hours a start and an end, or neither.", {
        [start == null ? "smsQuietStartMinute" : "smsQuietEndMinute"]: ["Give both times, or clear both."],
      });
    if (start != null && start === end)
      throw invalid("Quiet hours must start and end at different times.", {
        smsQuietEndMinute: ["End at a different time from the start."],
      });
  }
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(clinics).where(eq(clinics.id, actor.clinicId)).for("update");
    if (current!.settingsVersion !== input.version)
      throw conflict("Someone else saved the settings since you opened them. Reload to see theirs.");
    // An admin who switches the requirement on without an authenticator would lock themself out.
    if (input.requireTwoFactor && !current!.requireTwoFactor && !(await hasTwoFactor(tx, actor.userId))) {
      throw new AppError("CONFLICT", "Set up two-factor sign-in for your own account first.", {
        requireTwoFactor: ["Set up two-factor sign-in for your own account first (Two-factor sign-in in the menu)."],
      });
    }
    const { version: _v, ...values } = input;
    await tx
      .update(clinics)
      .set({ ...values, settingsVersion: current!.settingsVersion + 1 })
      .where(eq(clinics.id, actor.clinicId));
    await recordEvent(tx, actor, {
      action: "clinic.settings_updated",
      entityType: "clinic",
      entityId: actor.clinicId,
      // The form sends every setting; the trail names only those that changed.
      details: { fields: changedFields(current as Record<string, unknown>, values) },
    });
  });
  return getClinicSettings(db, actor);
}
