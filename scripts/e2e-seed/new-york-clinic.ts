// The clinic-locale spec's clinic keeps New York time (as a clinic abroad would): the spec reads
// month-first dates and 12-hour times in that zone, and finds the zone already chosen in settings.
// Only that spec's clinic moves; the others stay in Europe/London.
import type { Db } from "@/db/client";
import { loadActor } from "@/lib/identity/actor";
import { getClinicSettings } from "@/lib/scheduling/setup/get-clinic-settings";
import { updateClinicSettings } from "@/lib/scheduling/setup/update-clinic-settings";
import { clinicSettingsBody } from "@/lib/scheduling/setup/schemas";
import type { SeedManifest } from "@/e2e/seeded-clinic";

const SPEC = "clinic-locale.spec.ts";

/** Moves the clinic-locale spec's clinic to America/New_York (still writing en-GB), through the settings use case. */
export async function seedNewYorkClinic(db: Db, manifest: SeedManifest): Promise<void> {
  const clinic = manifest[SPEC];
  if (!clinic) return;
  const actor = (await loadActor(db, clinic.admin.userId, clinic.clinicId))!;
  const { id: _id, ...current } = await getClinicSettings(db, actor);
  const saved = await updateClinicSettings(
    db,
    actor,
    clinicSettingsBody.parse({ ...current, timezone: "America/New_York", locale: "en-GB" }),
  );
  manifest[SPEC] = { ...clinic, timezone: saved.timezone };
}
