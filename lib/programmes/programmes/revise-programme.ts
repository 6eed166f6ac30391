import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { programmes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid } from "@/lib/errors";
import { clinicToday } from "../load";
import { prepareItems } from "../prescribe";
import type { ProgrammeDetail, reviseProgrammeBody } from "../schemas";
import type { ClockOptions } from "../clock";
import { insertVersion, lockForChange } from "./programme-writes";
import { getProgramme } from "./get-programme";

/**
 * Edits an active programme by adding a version: what the client was asked to do before stays
 * as it was. The previous version's end is implied by the new start date.
 */
export async function reviseProgramme(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: z.output<typeof reviseProgrammeBody>,
  opts: ClockOptions = {},
): Promise<ProgrammeDetail> {
  assertCan(actor, "programmes.write");
  await db.transaction(async (tx) => {
    const p = await lockForChange(tx, actor, programmeId, input.version);
    const startDate = input.startDate ?? clinicToday(actor, opts.now);
    if (startDate < p.latest.startDate) {
      throw invalid(`The new version cannot start before the current one (${p.latest.startDate}).`, {
        startDate: [`Start on or after ${p.latest.startDate}.`],
      });
    }
    if (input.endDate && input.endDate < startDate)
      throw invalid("The end date cannot be before the start date.", {
        endDate: ["The end date cannot be before the start date."],
      });
    const items = await prepareItems(tx, actor, p.clientId, input.items);
    const version = p.currentVersion + 1;
    await insertVersion(
      tx,
      actor,
      programmeId,
      version,
      { startDate, endDate: input.endDate ?? null, notes: input.notes, changeNote: input.changeNote },
      items,
    );
    await tx
      .update(programmes)
      .set({ currentVersion: version, ...(input.title ? { title: input.title } : {}) })
      .where(and(clinicScope(actor, programmes), eq(programmes.id, programmeId)));
    await recordEvent(tx, actor, {
      action: "programme.revised",
      entityType: "programme",
      entityId: programmeId,
      details: { clientId: p.clientId, version, items: items.length },
    });
  });
  return getProgramme(db, actor, programmeId, opts);
}
