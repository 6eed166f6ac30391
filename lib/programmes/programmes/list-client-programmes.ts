import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import {
  clientFacts,
  clinicToday,
  loadProgrammes,
  programmeSettings,
  toVersionDto,
  triggerPointLabels,
  type LoadedProgramme,
} from "../load";
import type { ClientProgrammes } from "../schemas";
import { programmeStatus, versionInForce } from "../versions";
import { flagsNow } from "../rescreen";
import type { ClientPrecaution } from "../precautions";
import type { ClockOptions } from "../clock";

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
