import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clinicInstrumentWordings } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid } from "@/lib/errors";
import { instrumentForClinic } from "./instruments";
import type { wordingBody } from "./schemas";

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
