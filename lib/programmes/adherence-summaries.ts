import "server-only";
import { and, asc, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adherenceSummaries, clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { displayName } from "@/lib/clients/format";
import { addLocalDays } from "@/lib/format/zoned";
import { dueSummaries, writeSummaries } from "@/lib/system/client-summaries";
import { combineAdherence } from "./adherence";
import { groupBy, loadCompletions, mondayOf, reportFor } from "./adherence-report";
import { clinicToday, loadProgrammes, programmeSettings, type LoadedProgramme } from "./load";
import type { ClockOptions } from "./clock";
import type { LowAdherenceEntry } from "./schemas";
import { programmeStatus } from "./versions";

/**
 * Clients with a running programme whose last full ISO week (Monday to Sunday before this week) fell below the
 * clinic's adherence threshold, lowest first, then by name; weeks with nothing prescribed are skipped.
 * The dashboard's low-adherence list from stored per-client rows (issue 16; table and triggers in
 * db/migrations/0031_adherence_summaries.sql). A row holds until a write marks it stale, or until the date
 * leaves [computed_on, valid_until]: the last full week moves on Monday, and a programme's status changes on its
 * first start date and the day after its end date. The report itself (reportFor, combineAdherence) is unchanged.
 */
export async function pageLowAdherence(
  db: Db,
  actor: Actor,
  limit: number | null,
  opts: ClockOptions = {},
): Promise<{ entries: LowAdherenceEntry[]; total: number }> {
  assertCan(actor, "programmes.read");
  await refreshLowAdherence(db, actor, opts);
  const low = and(clinicScope(actor, adherenceSummaries), sql`${adherenceSummaries.low}`);
  const q = db
    .select({ clientName: adherenceSummaries.clientName, entry: adherenceSummaries.entry })
    .from(adherenceSummaries)
    .where(low)
    .orderBy(
      asc(adherenceSummaries.ratio),
      sql`lower(${adherenceSummaries.clientName})`,
      asc(adherenceSummaries.clientId),
    );
  const [rows, [count]] = await Promise.all([
    limit === null ? q : q.limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(adherenceSummaries)
      .where(low),
  ]);
  return {
    entries: rows.map((r) => ({ ...(r.entry as Omit<LowAdherenceEntry, "clientName">), clientName: r.clientName })),
    total: count?.n ?? 0,
  };
}

async function refreshLowAdherence(db: Db, actor: Actor, opts: ClockOptions): Promise<void> {
  const today = clinicToday(actor, opts.now);
  const due = await dueSummaries(db, actor, adherenceSummaries, today);
  if (due.length === 0) return;
  const ids = due.map((d) => d.clientId);
  const thisMonday = mondayOf(today);
  const weekStart = addLocalDays(thisMonday, -7);
  const weekEnd = addLocalDays(weekStart, 6);
  const [settings, people, all] = await Promise.all([
    programmeSettings(db, actor),
    db
      .select({
        id: clients.id,
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
        archivedAt: clients.archivedAt,
      })
      .from(clients)
      .where(and(clinicScope(actor, clients), inArray(clients.id, ids))),
    loadProgrammes(db, actor, { clientIds: ids }),
  ]);
  const completions = groupBy(
    await loadCompletions(
      db,
      actor,
      all.map((p) => p.id),
      weekStart,
      weekEnd,
    ),
    (c) => c.programmeId,
  );
  const programmesOf = groupBy(all, (p) => p.clientId);
  const personOf = new Map(people.map((p) => [p.id, p]));
  const range = {
    timeZone: actor.clinicTimezone,
    from: weekStart,
    to: weekEnd,
    lowThreshold: settings.thresholdPct / 100,
  };
  const rows = due.map((d) => {
    const person = personOf.get(d.clientId);
    const mine = programmesOf.get(d.clientId) ?? [];
    const clientName = person ? displayName(person) : "";
    const validUntil = [addLocalDays(thisMonday, 6), ...mine.flatMap((p) => statusChangesAfter(p, today))].sort()[0]!;
    const base = { ...d, clientName, validUntil, low: false, ratio: null as number | null, entry: null as unknown };
    // Who may be listed: not archived, with a programme not ended by hand, and one running today.
    if (!person || person.archivedAt !== null || !mine.some((p) => p.endedAt === null)) return base;
    if (!mine.some((p) => programmeStatus(p.versions, p.endedAt, today) === "active")) return base;
    const reports = mine
      .map((p) => ({ p, r: reportFor(p, completions.get(p.id) ?? [], range) }))
      .filter((x) => x.r && x.r.prescribed > 0);
    const total = combineAdherence(reports.map((x) => x.r!));
    if (total.ratio === null) return base;
    const entry: Omit<LowAdherenceEntry, "clientName"> = {
      clientId: d.clientId,
      weekStart,
      isoWeek: total.weeks[0]?.isoWeek ?? "",
      prescribed: total.prescribed,
      completed: total.completed,
      ratio: total.ratio,
      programmes: reports.map((x) => ({ id: x.p.id, title: x.p.title })),
    };
    return { ...base, low: total.ratio * 100 < settings.thresholdPct, ratio: total.ratio, entry };
  });
  await writeSummaries(
    db,
    adherenceSummaries,
    rows.map((r) => ({
      clinicId: actor.clinicId,
      clientId: r.clientId,
      generation: r.generation,
      computedOn: today,
      validUntil: r.validUntil,
      low: r.low,
      ratio: r.ratio,
      clientName: r.clientName,
      entry: r.entry as Record<string, unknown> | null,
    })),
    ["low", "ratio", "clientName", "entry"],
  );
}

/** The last days before a programme's status can change with the date alone (programmeStatus). */
function statusChangesAfter(p: LoadedProgramme, today: string): string[] {
  if (p.endedAt || p.versions.length === 0) return [];
  const out: string[] = [];
  const first = [...p.versions].sort((a, b) => a.startDate.localeCompare(b.startDate))[0]!;
  if (first.startDate > today) out.push(addLocalDays(first.startDate, -1));
  const latest = [...p.versions].sort((a, b) => b.version - a.version)[0]!;
  if (latest.endDate !== null && latest.endDate >= today) out.push(latest.endDate);
  return out;
}
