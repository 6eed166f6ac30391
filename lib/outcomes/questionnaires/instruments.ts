import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicInstrumentWordings } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { getInstrument, INSTRUMENTS } from "@/lib/outcomes/rules/instruments";
import type { InstrumentDefinition } from "@/lib/outcomes/rules/instrument-schema";
import { describeMcid } from "@/lib/outcomes/rules/change";
import { applyOutcomeSettings, type OutcomeSettings } from "@/lib/outcomes/rules/outcome-settings";
import { clinicOutcomeSettings } from "./outcome-settings";
import { invalid, notFound } from "@/lib/errors";
import type { InstrumentDto } from "./schemas";
import type { z } from "zod";
import type { wordingBody } from "./schemas";

/**
 * An instrument as this clinic shows it: licensed item wording (NDI/ODI) comes from the
 * clinic's own copy; without it the questionnaire cannot be filled in yet.
 */
export async function instrumentForClinic(
  db: Db,
  clinicId: string,
  id: string,
): Promise<{ def: InstrumentDefinition; dto: InstrumentDto }> {
  const shipped = getInstrument(id);
  if (!shipped || id === "nprs") throw notFound("That questionnaire");
  const def = applyOutcomeSettings(shipped, await clinicOutcomeSettings(db, clinicId));
  const [wording] = await db
    .select()
    .from(clinicInstrumentWordings)
    .where(and(eq(clinicInstrumentWordings.clinicId, clinicId), eq(clinicInstrumentWordings.instrumentId, id)));
  return withWording(def, wording);
}

type Wording = typeof clinicInstrumentWordings.$inferSelect;

/** Merges the clinic's licensed wording (if any) into a shipped definition. */
function withWording(
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

/** Stores the clinic's licensed wording for an instrument (NDI, ODI, EARS). */
export async function setInstrumentWording(db: Db, actor: Actor, id: string, input: z.output<typeof wordingBody>) {
  assertCan(actor, "instruments.configure");
  const { def } = await instrumentForClinic(db, actor.clinicId, id);
  const clinicItems = new Set(def.items.filter((i) => i.promptSource === "clinic").map((i) => i.id));
  const unknown = Object.keys(input.items).filter((k) => !clinicItems.has(k));
  if (unknown.length) {
    throw invalid(
      `Only ${def.name}'s licensed items take clinic wording.`,
      Object.fromEntries(
        unknown.map((k) => [`items.${k}`, ["Not an item of this questionnaire that takes clinic wording."]]),
      ),
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(clinicInstrumentWordings)
      .values({
        clinicId: actor.clinicId,
        instrumentId: id,
        items: input.items,
        licenceNote: input.licenceNote,
        updatedBy: actor.userId,
      })
      .onConflictDoUpdate({
        target: [clinicInstrumentWordings.clinicId, clinicInstrumentWordings.instrumentId],
        set: { items: input.items, licenceNote: input.licenceNote, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await recordEvent(tx, actor, {
      action: "instrument.wording_set",
      entityType: "instrument",
      details: { instrumentId: id, items: Object.keys(input.items).length },
    });
  });
  return (await instrumentForClinic(db, actor.clinicId, id)).dto;
}
