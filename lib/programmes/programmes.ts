import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { programmeItems, programmes, programmeVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { conflict, invalid, notFound } from "@/lib/errors";
import { clinicToday } from "./load";
import { prepareItems, type PreparedItem } from "./prescribe";
import type { createProgrammeBody, endProgrammeBody, ProgrammeDetail, reviseProgrammeBody } from "./schemas";
import { getProgramme, type ClockOptions } from "./read-programmes";

// Prescribing, revising and ending a programme; reading is in read-programmes.ts.

async function insertVersion(
  tx: Db,
  actor: Actor,
  programmeId: string,
  version: number,
  v: { startDate: string; endDate: string | null; notes: string; changeNote: string },
  items: PreparedItem[],
) {
  await tx
    .insert(programmeVersions)
    .values({ clinicId: actor.clinicId, programmeId, version, ...v, createdBy: actor.userId });
  await tx.insert(programmeItems).values(
    items.map((item, position) => ({
      clinicId: actor.clinicId,
      programmeId,
      version,
      position,
      ...item,
      dosage: item.dosage as unknown as Record<string, unknown>,
    })),
  );
}

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

/** Locks the programme row for a change and checks the editor saw the newest version. */
async function lockForChange(tx: Db, actor: Actor, programmeId: string, seenVersion: number) {
  const [p] = await tx
    .select({
      id: programmes.id,
      clientId: programmes.clientId,
      currentVersion: programmes.currentVersion,
      endedAt: programmes.endedAt,
    })
    .from(programmes)
    .where(and(clinicScope(actor, programmes), eq(programmes.id, programmeId)))
    .for("update");
  if (!p) throw notFound("That programme");
  if (p.endedAt) throw conflict("This programme has ended. Start a new programme instead.");
  if (p.currentVersion !== seenVersion) {
    throw conflict(
      `This programme was changed since you opened it (it is now version ${p.currentVersion}). Reload to see the latest.`,
      { currentVersion: p.currentVersion },
    );
  }
  const [latest] = await tx
    .select({ startDate: programmeVersions.startDate, endDate: programmeVersions.endDate })
    .from(programmeVersions)
    .where(
      and(
        clinicScope(actor, programmeVersions),
        eq(programmeVersions.programmeId, programmeId),
        eq(programmeVersions.version, p.currentVersion),
      ),
    );
  return { ...p, latest: latest! };
}

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
