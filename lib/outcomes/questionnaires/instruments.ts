import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicInstrumentWordings } from "@/db/schema";
import { getInstrument, INSTRUMENTS } from "@/lib/outcomes/rules/instruments";
import type { InstrumentDefinition } from "@/lib/outcomes/rules/instrument-schema";
import { describeMcid } from "@/lib/outcomes/rules/change";
import { applyOutcomeSettings, type OutcomeSettings } from "@/lib/outcomes/rules/outcome-settings";
import { clinicOutcomeSettings } from "./outcome-settings";
import { notFound } from "@/lib/errors";
import type { InstrumentDto } from "./schemas";

// Instruments as this clinic shows and scores them, for the use-cases that list them, set their
// wording, and take or read responses.

/**
 * An instrument as this clinic shows it: licensed item wording (NDI/ODI) comes from the
 * clinic's own copy; without it the questionnaire cannot be filled in yet.
 */
export async function instrumentForClinic(
  db: Db,
  clinicId: string,
  id: string,
): Promise<{ def: InstrumentDefinition; dto: InstrumentDto }> {
  const def = applyOutcomeSettings(shippedQuestionnaire(id), await clinicOutcomeSettings(db, clinicId));
  const [wording] = await db
    .select()
    .from(clinicInstrumentWordings)
    .where(and(eq(clinicInstrumentWordings.clinicId, clinicId), eq(clinicInstrumentWordings.instrumentId, id)));
  return withWording(def, wording);
}

/** A shipped questionnaire by id; NPRS is a single score, not one, and an unknown id is not found. */
export function shippedQuestionnaire(id: string): InstrumentDefinition {
  const shipped = getInstrument(id);
  if (!shipped || id === "nprs") throw notFound("That questionnaire");
  return shipped;
}

type Wording = typeof clinicInstrumentWordings.$inferSelect;

/** Merges the clinic's licensed wording (if any) into a shipped definition. */
export function withWording(
  def: InstrumentDefinition,
  wording: Wording | undefined,
): { def: InstrumentDefinition; dto: InstrumentDto } {
  const items = def.items.map((item) => {
    if (item.promptSource !== "clinic") return item;
    const w = wording?.items[item.id];
    if (!w) return item;
    const answer =
      item.answer.kind === "options"
        ? {
            ...item.answer,
            options: item.answer.options.map((o) => ({ ...o, label: w.options[String(o.value)] ?? o.label })),
          }
        : item.answer;
    return { ...item, prompt: w.prompt, answer };
  });
  const needsClinicWording = items.some((i) => i.promptSource === "clinic" && !i.prompt);
  return {
    def,
    dto: {
      id: def.id,
      name: def.name,
      version: def.version,
      direction: def.direction,
      range: def.range,
      mcidText: describeMcid(def),
      instructions: def.instructions,
      versionNote: def.versionNote,
      maxSkipped: def.scoring.type === "scaled_sum" ? def.scoring.proRating.maxSkipped : null,
      needsClinicWording,
      licenceNote: wording?.licenceNote ?? null,
      items: items.map((i) => ({
        id: i.id,
        title: i.title,
        prompt: i.prompt,
        promptSource: i.promptSource,
        answer: i.answer,
      })),
    },
  };
}

/** The shipped definitions as this clinic scores and judges them. */
export async function clinicInstruments(
  db: Db,
  clinicId: string,
): Promise<(id: string) => InstrumentDefinition | undefined> {
  const settings: OutcomeSettings = await clinicOutcomeSettings(db, clinicId);
  return (id) => {
    const def = getInstrument(id);
    return def ? applyOutcomeSettings(def, settings) : undefined;
  };
}

/**
 * Every questionnaire (NPRS is a single score, not one of them) as this clinic shows it, from one read of its
 * wordings and one of its scoring choices. No permission check: the callers make theirs (clinical staff list
 * them; admins who enter licensed wording need not read clinical records).
 */
export async function clinicInstrumentList(db: Db, clinicId: string): Promise<InstrumentDto[]> {
  const [wordings, settings] = await Promise.all([
    db.select().from(clinicInstrumentWordings).where(eq(clinicInstrumentWordings.clinicId, clinicId)),
    clinicOutcomeSettings(db, clinicId),
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
