import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicInstrumentWordings } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { INSTRUMENTS } from "@/lib/outcomes/rules/instruments";
import { applyOutcomeSettings } from "@/lib/outcomes/rules/outcome-settings";
import { clinicOutcomeSettings } from "./outcome-settings";
import { withWording } from "./instruments";
import type { InstrumentDto } from "./schemas";

export async function listInstruments(db: Db, actor: Actor): Promise<InstrumentDto[]> {
  assertCan(actor, "clinical.read");
  // One read of the clinic's wordings for all instruments.
  const [wordings, settings] = await Promise.all([
    db.select().from(clinicInstrumentWordings).where(eq(clinicInstrumentWordings.clinicId, actor.clinicId)),
    clinicOutcomeSettings(db, actor.clinicId),
  ]);
  return Object.values(INSTRUMENTS)
    .filter((def) => def.id !== "nprs")
    .map(
      (def) =>
        withWording(
          applyOutcomeSettings(def, settings),
          wordings.find((w) => w.instrumentId === def.id),
        ).dto,
    );
}
