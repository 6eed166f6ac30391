import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programmeItems, programmes, programmeVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { conflict, notFound } from "@/lib/errors";
import type { PreparedItem } from "../prescribe";

// What prescribing, revising and ending a programme share: writing a version with its items, and
// locking the programme for a change.

/** Inserts one version of a programme and its items. */
export async function insertVersion(
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

/** Locks the programme row for a change and checks the editor saw the newest version. */
export async function lockForChange(tx: Db, actor: Actor, programmeId: string, seenVersion: number) {
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
