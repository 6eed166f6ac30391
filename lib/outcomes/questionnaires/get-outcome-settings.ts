import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { OutcomeSettings } from "@/lib/outcomes/rules/outcome-settings";
import { clinicOutcomeSettings } from "./outcome-settings";

export async function getOutcomeSettings(db: Db, actor: Actor): Promise<OutcomeSettings> {
  assertCan(actor, "clinical.read");
  return clinicOutcomeSettings(db, actor.clinicId);
}
