import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { programmes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { conflict, invalid } from "@/lib/errors";
import { clinicToday } from "../load";
import { prepareItems } from "../prescribe";
import type { createProgrammeBody, ProgrammeDetail } from "../schemas";
import type { ClockOptions } from "../clock";
import { insertVersion } from "./programme-writes";
import { getProgramme } from "./get-programme";

/** Prescribes a new programme (version 1) for a client, in one transaction with its audit event. */
export async function createProgramme(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof createProgrammeBody>,
  opts: ClockOptions = {},
): Promise<ProgrammeDetail> {
  assertCan(actor, "programmes.write");
  const id = await db.transaction(async (tx) => {
    const client = await getClientOrThrow(tx, actor, clientId);
    if (client.archivedAt) throw conflict("This client is archived; restore them before prescribing.");
    const startDate = input.startDate ?? clinicToday(actor, opts.now);
    if (input.endDate && input.endDate < startDate)
      throw invalid("The end date cannot be before the start date.", {
        endDate: ["The end date cannot be before the start date."],
      });
    const items = await prepareItems(tx, actor, clientId, input.items);
    const [row] = await tx
      .insert(programmes)
      .values({ clinicId: actor.clinicId, clientId, title: input.title, createdBy: actor.userId })
      .returning({ id: programmes.id });
    await insertVersion(
      tx,
      actor,
      row!.id,
      1,
      { startDate, endDate: input.endDate ?? null, notes: input.notes, changeNote: "" },
      items,
    );
    await recordEvent(tx, actor, {
      action: "programme.created",
      entityType: "programme",
      entityId: row!.id,
      details: { clientId, version: 1, items: items.length },
    });
    return row!.id;
  });
  return getProgramme(db, actor, id, opts);
}
