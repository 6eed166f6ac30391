import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import {
  clientPrecautions,
  clientTools,
  clinicMuscles,
  muscles,
  programmeItems,
  programmes,
  programmeVersions,
  triggerPoints,
  users,
  type ExerciseSnapshot,
} from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { clinicRow } from "@/lib/clinic-row";
import { localDateOf } from "@/lib/format/zoned";
import type { PortalDosage } from "./portal-schemas";
import type { ClientPrecaution } from "./precautions";
import { TOOL_IDS, type ToolId } from "./reference";
import type { ProgrammeItemDto, ProgrammeVersionDto } from "./schemas";
import { lastDayOf } from "./versions";

/*
 * Scoped loaders shared by the programme use-cases. Every query is limited to the actor's clinic;
 * callers decide which client (their own, for a client actor) before calling.
 */

export interface LoadedItem {
  id: string;
  programmeId: string;
  version: number;
  position: number;
  exerciseKey: string;
  snapshot: ExerciseSnapshot;
  dosage: PortalDosage;
  overrideReason: string | null;
  flags: { precaution: string; message: string }[];
  note: string;
  triggerPointId: string | null;
}

export interface LoadedVersion {
  version: number;
  startDate: string;
  endDate: string | null;
  notes: string;
  changeNote: string;
  createdAt: Date;
  createdByName: string;
  items: LoadedItem[];
}

export interface LoadedProgramme {
  id: string;
  clientId: string;
  title: string;
  currentVersion: number;
  endedAt: Date | null;
  createdAt: Date;
  versions: LoadedVersion[];
}

/** Today in the clinic's time zone (YYYY-MM-DD). */
export const clinicToday = (actor: Actor, now = new Date()) => localDateOf(now, actor.clinicTimezone);

type VersionJson = Omit<LoadedVersion, "createdAt"> & { createdAt: string };

/**
 * A programme's versions (by number) with their items (by position) as json, in the programme's own row: the
 * programmes, their versions and items in one statement instead of three (issue 16: the portal home and the
 * programme pages read them on every request). Each level reads its own index range in the actor's clinic.
 * The outer programme is named in full: drizzle leaves a single-table select's columns unqualified.
 */
function versionsWithItems(actor: Actor) {
  return sql<VersionJson[]>`coalesce((
    select json_agg(json_build_object(
      'version', pv.version, 'startDate', pv.start_date, 'endDate', pv.end_date, 'notes', pv.notes,
      'changeNote', pv.change_note, 'createdAt', pv.created_at, 'createdByName', u.name,
      'items', coalesce((
        select json_agg(json_build_object(
          'id', pi.id, 'programmeId', pi.programme_id, 'version', pi.version, 'position', pi.position,
          'exerciseKey', pi.exercise_key, 'snapshot', pi.snapshot, 'dosage', pi.dosage,
          'overrideReason', pi.override_reason, 'flags', pi.flags, 'note', pi.note,
          'triggerPointId', pi.trigger_point_id
        ) order by pi.position)
        from ${programmeItems} pi
        where pi.clinic_id = ${actor.clinicId} and pi.programme_id = pv.programme_id and pi.version = pv.version
      ), '[]'::json)
    ) order by pv.version)
    from ${programmeVersions} pv join ${users} u on u.id = pv.created_by
    where pv.clinic_id = ${actor.clinicId} and pv.programme_id = ${programmes}.id
  ), '[]'::json)`;
}

/** Programmes of the actor's clinic with all versions and items, oldest first. */
export async function loadProgrammes(
  db: Db,
  actor: Actor,
  filter: { clientIds?: string[]; programmeId?: string },
): Promise<LoadedProgramme[]> {
  if (filter.clientIds && filter.clientIds.length === 0) return [];
  const rows = await db
    .select({
      id: programmes.id,
      clientId: programmes.clientId,
      title: programmes.title,
      currentVersion: programmes.currentVersion,
      endedAt: programmes.endedAt,
      createdAt: programmes.createdAt,
      versions: versionsWithItems(actor),
    })
    .from(programmes)
    .where(
      and(
        clinicScope(actor, programmes),
        filter.clientIds ? inArray(programmes.clientId, filter.clientIds) : undefined,
        filter.programmeId ? eq(programmes.id, filter.programmeId) : undefined,
      ),
    )
    .orderBy(asc(programmes.createdAt), asc(programmes.id));
  return rows.map(({ versions, ...p }) => ({
    ...p,
    // json carries the version's timestamp as text (PostgreSQL's ISO form, which Date reads).
    versions: versions.map((v) => ({ ...v, createdAt: new Date(v.createdAt) })),
  }));
}

/** "Upper trapezius (right) · UT-1" for each trigger point id of the actor's clinic. */
export async function triggerPointLabels(db: Db, actor: Actor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: triggerPoints.id,
      side: triggerPoints.side,
      label: triggerPoints.label,
      muscle: sql<string>`coalesce(${muscles.name}, ${clinicMuscles.name}, 'Unknown muscle')`,
    })
    .from(triggerPoints)
    .leftJoin(muscles, eq(muscles.id, triggerPoints.muscleId))
    .leftJoin(
      clinicMuscles,
      and(eq(clinicMuscles.clinicId, triggerPoints.clinicId), eq(clinicMuscles.id, triggerPoints.clinicMuscleId)),
    )
    .where(and(clinicScope(actor, triggerPoints), inArray(triggerPoints.id, unique)));
  return new Map(rows.map((r) => [r.id, pointLabel(r)]));
}

export function pointLabel(p: { muscle: string; side: string; label: string }): string {
  const side = p.side === "midline" ? "" : ` (${p.side})`;
  return `${p.muscle}${side}${p.label ? ` · ${p.label}` : ""}`;
}

export function toVersionDto(p: LoadedProgramme, v: LoadedVersion, labels: Map<string, string>): ProgrammeVersionDto {
  return {
    version: v.version,
    startDate: v.startDate,
    endDate: v.endDate,
    lastDay: lastDayOf(p.versions, v.version),
    notes: v.notes,
    changeNote: v.changeNote,
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName,
    items: v.items.map((i): ProgrammeItemDto => ({
      id: i.id,
      position: i.position,
      exerciseKey: i.exerciseKey,
      snapshot: i.snapshot,
      dosage: i.dosage,
      overrideReason: i.overrideReason,
      flags: i.flags,
      note: i.note,
      triggerPointId: i.triggerPointId,
      triggerPointLabel: i.triggerPointId ? (labels.get(i.triggerPointId) ?? null) : null,
    })),
  };
}

/** The client's precautions screen and owned tools, as the programme rules take them. */
export async function clientFacts(
  db: Db,
  actor: Actor,
  clientId: string,
): Promise<{ precautions: ClientPrecaution[]; tools: ToolId[] }> {
  // Precautions and tools in one statement (the portal programme reads them on every visit).
  const rows = rowsOf<{ precaution: string | null; areas: string[] | null; tool: string | null }>(
    await db.execute(sql`
      select ${clientPrecautions.precautionId} as precaution, ${clientPrecautions.areas} as areas, null as tool
      from ${clientPrecautions}
      where ${clinicScope(actor, clientPrecautions)} and ${clientPrecautions.clientId} = ${clientId}
      union all
      select null, null, ${clientTools.tool} from ${clientTools}
      where ${clinicScope(actor, clientTools)} and ${clientTools.clientId} = ${clientId}`),
  );
  const precautions = rows.flatMap((r) => (r.precaution ? [{ id: r.precaution, areas: r.areas ?? [] }] : []));
  const tools = rows.flatMap((r) => (r.tool ? [{ tool: r.tool }] : []));
  const known = new Set<string>(TOOL_IDS);
  return {
    // An empty area list means "not recorded", which the screen treats cautiously.
    precautions: precautions.map(
      (p) => ({ id: p.id, areas: p.areas.length ? p.areas : undefined }) as ClientPrecaution,
    ),
    tools: tools.map((t) => t.tool).filter((t): t is ToolId => known.has(t)),
  };
}

export interface ProgrammeSettings {
  wording: "self_care" | "home_exercise";
  thresholdPct: number;
}

/** The clinic's programme wording and adherence threshold, from its row (memoised per server render). */
export async function programmeSettings(db: Db, actor: Actor): Promise<ProgrammeSettings> {
  const c = await clinicRow(db, actor);
  return { wording: c?.scopeWording ?? "self_care", thresholdPct: c?.adherenceThresholdPct ?? 50 };
}
