import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { programmeItems, programmes, programmeVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid } from "@/lib/errors";
import { clinicToday } from "../load";
import type { endProgrammeBody, ProgrammeDetail } from "../schemas";
import type { ClockOptions } from "../clock";
import { lockForChange } from "./programme-writes";
import { getProgramme } from "./get-programme";

/**
 * Ends a programme now: its last day (inclusive) is today unless an earlier day is given. A later
 * end is a revision with an end date, not an ending — otherwise staff would see "ended" while the
 * client still has exercises. Versions planned to start after the last day were never in force
 * (no tick-off can point at them), so they are dropped rather than kept as history.
 */
export async function endProgramme(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: z.output<typeof endProgrammeBody>,
  opts: ClockOptions = {},
): Promise<ProgrammeDetail> {
  assertCan(actor, "programmes.write");
  const today = clinicToday(actor, opts.now);
  const endDate = input.endDate ?? today;
  if (endDate > today) {
    const message = "A programme ends today at the latest. To stop it on a later day, revise it and set an end date.";
    throw invalid(message, { endDate: [message] });
  }
  await db.transaction(async (tx) => {
    const p = await lockForChange(tx, actor, programmeId, input.version);
    const versions = await tx
      .select({
        version: programmeVersions.version,
        startDate: programmeVersions.startDate,
        endDate: programmeVersions.endDate,
      })
      .from(programmeVersions)
      .where(and(clinicScope(actor, programmeVersions), eq(programmeVersions.programmeId, programmeId)));
    const kept = versions.filter((v) => v.startDate <= endDate).sort((a, b) => a.version - b.version);
    const last = kept.at(-1);
    if (!last) {
      const message = `It has not started yet (first day ${versions.map((v) => v.startDate).sort()[0]}). Revise its start date instead.`;
      throw invalid(message, { endDate: [message] });
    }
    const dropped = versions.filter((v) => v.startDate > endDate).map((v) => v.version);
    if (dropped.length) {
      await tx
        .delete(programmeItems)
        .where(
          and(
            clinicScope(actor, programmeItems),
            eq(programmeItems.programmeId, programmeId),
            inArray(programmeItems.version, dropped),
          ),
        );
      await tx
        .delete(programmeVersions)
        .where(
          and(
            clinicScope(actor, programmeVersions),
            eq(programmeVersions.programmeId, programmeId),
            inArray(programmeVersions.version, dropped),
          ),
        );
    }
    // An earlier planned end stays: ending never lengthens a programme.
    const lastDay = last.endDate && last.endDate < endDate ? last.endDate : endDate;
    await tx
      .update(programmeVersions)
      .set({ endDate: lastDay })
      .where(
        and(
          clinicScope(actor, programmeVersions),
          eq(programmeVersions.programmeId, programmeId),
          eq(programmeVersions.version, last.version),
        ),
      );
    await tx
      .update(programmes)
      .set({ endedAt: opts.now ?? new Date(), currentVersion: last.version })
      .where(and(clinicScope(actor, programmes), eq(programmes.id, programmeId)));
    await recordEvent(tx, actor, {
      action: "programme.ended",
      entityType: "programme",
      entityId: programmeId,
      details: { clientId: p.clientId, endDate: lastDay, droppedVersions: dropped },
    });
  });
  return getProgramme(db, actor, programmeId, opts);
}
