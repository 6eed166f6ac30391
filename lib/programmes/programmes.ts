import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { programmeItems, programmes, programmeVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { getClientOrThrow } from "@/lib/clients/clients";
import { displayName } from "@/lib/clients/format";
import { conflict, invalid, notFound } from "@/lib/errors";
import {
  clientFacts,
  clinicToday,
  loadProgrammes,
  programmeSettings,
  toVersionDto,
  triggerPointLabels,
  type LoadedProgramme,
} from "./load";
import { prepareItems, type PreparedItem } from "./prescribe";
import type {
  ClientProgrammes,
  createProgrammeBody,
  endProgrammeBody,
  ProgrammeDetail,
  reviseProgrammeBody,
} from "./schemas";
import { programmeStatus, versionInForce } from "./versions";
import { flagsNow } from "./rescreen";
import type { ClientPrecaution } from "./precautions";

/** The card shows what the screen says now, so a precaution added after prescribing is seen. */
function withFlagsNow<T extends { items: { id: string; flags: { precaution: string; message: string }[] }[] }>(
  dto: T,
  version: LoadedProgramme["versions"][number],
  precautions: readonly ClientPrecaution[],
): T {
  const byId = new Map(version.items.map((i) => [i.id, i]));
  return {
    ...dto,
    items: dto.items.map((i) => {
      const loaded = byId.get(i.id);
      return loaded ? { ...i, flags: flagsNow(loaded, precautions) } : i;
    }),
  };
}

export interface ClockOptions {
  /** The current instant; tests pass a fixed one. */
  now?: Date;
}

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

/** One programme with every version (newest first) and its items; another clinic's is NOT_FOUND. */
export async function getProgramme(
  db: Db,
  actor: Actor,
  programmeId: string,
  opts: ClockOptions = {},
): Promise<ProgrammeDetail> {
  assertCan(actor, "programmes.read");
  const [p] = await loadProgrammes(db, actor, { programmeId });
  if (!p) throw notFound("That programme");
  const [client, labels, settings] = await Promise.all([
    getClientOrThrow(db, actor, p.clientId),
    triggerPointLabels(
      db,
      actor,
      p.versions.flatMap((v) => v.items.map((i) => i.triggerPointId ?? "")).filter(Boolean),
    ),
    programmeSettings(db, actor),
  ]);
  return {
    id: p.id,
    clientId: p.clientId,
    clientName: displayName(client),
    title: p.title,
    currentVersion: p.currentVersion,
    status: programmeStatus(p.versions, p.endedAt, clinicToday(actor, opts.now)),
    endedAt: p.endedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    wording: settings.wording,
    versions: [...p.versions].reverse().map((v) => toVersionDto(p, v, labels)),
  };
}

/** The version a summary shows: the one in force today, else the newest (scheduled or ended). */
export function currentVersionOf(p: LoadedProgramme, today: string) {
  return versionInForce(p.versions, today) ?? p.versions[p.versions.length - 1]!;
}

/** A client's programmes: running and scheduled first, then ended ones, newest first. */
export async function listClientProgrammes(
  db: Db,
  actor: Actor,
  clientId: string,
  opts: ClockOptions = {},
): Promise<ClientProgrammes> {
  assertCan(actor, "programmes.read");
  await getClientOrThrow(db, actor, clientId);
  const [all, settings, facts] = await Promise.all([
    loadProgrammes(db, actor, { clientIds: [clientId] }),
    programmeSettings(db, actor),
    clientFacts(db, actor, clientId),
  ]);
  const today = clinicToday(actor, opts.now);
  const labels = await triggerPointLabels(
    db,
    actor,
    all.flatMap((p) => p.versions.flatMap((v) => v.items.map((i) => i.triggerPointId ?? ""))).filter(Boolean),
  );
  const rank = { active: 0, scheduled: 1, ended: 2 } as const;
  const summaries = all.map((p) => ({
    id: p.id,
    title: p.title,
    status: programmeStatus(p.versions, p.endedAt, today),
    currentVersion: p.currentVersion,
    firstStartDate: p.versions[0]!.startDate,
    current: withFlagsNow(
      toVersionDto(p, currentVersionOf(p, today), labels),
      currentVersionOf(p, today),
      facts.precautions,
    ),
    endedAt: p.endedAt?.toISOString() ?? null,
    createdAt: p.createdAt,
  }));
  summaries.sort((a, b) => rank[a.status] - rank[b.status] || b.createdAt.getTime() - a.createdAt.getTime());
  return { wording: settings.wording, today, programmes: summaries.map(({ createdAt: _c, ...s }) => s) };
}
