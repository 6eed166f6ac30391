import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { displayName } from "@/lib/clients/format";
import { notFound } from "@/lib/errors";
import { clinicToday, loadProgrammes, programmeSettings, toVersionDto, triggerPointLabels } from "../load";
import type { ProgrammeDetail } from "../schemas";
import { programmeStatus } from "../versions";
import type { ClockOptions } from "../clock";

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
