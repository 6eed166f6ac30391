import "server-only";
import { and, gte, inArray, lte } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { programmeCompletions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { addLocalDays, isoWeekdayOf } from "@/lib/format/zoned";
import {
  combineAdherence,
  programmeAdherence,
  type AdherenceReport,
  type CompletionRecord,
  type WeekAdherence,
} from "./adherence";
import { clinicToday, loadProgrammes, programmeSettings, type LoadedProgramme } from "./load";
import type { ClockOptions } from "./clock";
import type { AdherenceReportDto, AdherenceWeek, adherenceQuery } from "./schemas";
import { programmeStatus } from "./versions";

/** Monday of the ISO week holding a clinic-local date. */
export const mondayOf = (date: string) => addLocalDays(date, 1 - isoWeekdayOf(date));

export interface ProgrammeCompletion extends CompletionRecord {
  programmeId: string;
}

/** Tick-offs of some programmes from a clinic-local date on (exerciseId = the exercise key). */
export async function loadCompletions(
  db: Db,
  actor: Actor,
  programmeIds: string[],
  from: string,
  to?: string,
): Promise<ProgrammeCompletion[]> {
  if (programmeIds.length === 0) return [];
  return db
    .select({
      programmeId: programmeCompletions.programmeId,
      exerciseId: programmeCompletions.exerciseKey,
      completedAt: programmeCompletions.completedAt,
    })
    .from(programmeCompletions)
    .where(
      and(
        clinicScope(actor, programmeCompletions),
        inArray(programmeCompletions.programmeId, programmeIds),
        gte(programmeCompletions.localDate, from),
        to ? lte(programmeCompletions.localDate, to) : undefined,
      ),
    );
}

/**
 * One programme's adherence over [from, to] (clinic-local, inclusive), clipped to the days it ran;
 * null when it did not run at all in that range.
 */
export function reportFor(
  p: LoadedProgramme,
  completions: readonly ProgrammeCompletion[],
  o: { timeZone: string; from: string; to: string; lowThreshold: number },
): AdherenceReport | null {
  const first = p.versions[0]?.startDate;
  const latest = p.versions[p.versions.length - 1];
  if (!first || !latest) return null;
  const from = first > o.from ? first : o.from;
  if (from > o.to || (latest.endDate && latest.endDate < from)) return null;
  const versions = p.versions.map((v) => ({
    version: v.version,
    startDate: v.startDate,
    endDate: v.endDate,
    items: v.items.map((i) => ({
      exerciseId: i.exerciseKey,
      sessionsPerDay: i.dosage.sessionsPerDay,
      daysOfWeek: i.dosage.daysOfWeek,
    })),
  }));
  return programmeAdherence(
    versions,
    completions.filter((c) => c.programmeId === p.id),
    { ...o, from },
  );
}

/** Lists keyed by one field, built in one pass (filtering per key would be quadratic in a big clinic). */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

const week = (w: WeekAdherence): AdherenceWeek => ({
  weekStart: w.weekStart,
  isoWeek: w.isoWeek,
  firstDay: w.firstDay,
  lastDay: w.lastDay,
  partial: w.partial,
  prescribed: w.prescribed,
  completed: w.completed,
  ratio: w.ratio,
  low: w.low,
});

/**
 * A client's adherence for the last `weeks` ISO weeks up to today: per programme (and per exercise)
 * and overall, week by week, in the clinic's time zone. Today counts as a partial day.
 */
export async function clientAdherence(
  db: Db,
  actor: Actor,
  clientId: string,
  q: z.output<typeof adherenceQuery>,
  opts: ClockOptions = {},
): Promise<AdherenceReportDto> {
  assertCan(actor, "programmes.read");
  await getClientOrThrow(db, actor, clientId);
  const today = clinicToday(actor, opts.now);
  const from = addLocalDays(mondayOf(today), -7 * (q.weeks - 1));
  const [all, settings] = await Promise.all([
    loadProgrammes(db, actor, { clientIds: [clientId] }),
    programmeSettings(db, actor),
  ]);
  const completions = await loadCompletions(
    db,
    actor,
    all.map((p) => p.id),
    from,
  );
  const range = { timeZone: actor.clinicTimezone, from, to: today, lowThreshold: settings.thresholdPct / 100 };
  const reports = all.map((p) => ({ p, report: reportFor(p, completions, range) })).filter((r) => r.report !== null);
  const overall = combineAdherence(
    reports.map((r) => r.report!),
    range.lowThreshold,
  );
  return {
    clientId,
    today,
    timeZone: actor.clinicTimezone,
    thresholdPct: settings.thresholdPct,
    overall: {
      prescribed: overall.prescribed,
      completed: overall.completed,
      ratio: overall.ratio,
      weeks: overall.weeks.map(week),
    },
    programmes: reports.map(({ p, report: r }) => {
      const names = new Map(p.versions.flatMap((v) => v.items.map((i) => [i.exerciseKey, i.snapshot.name] as const)));
      return {
        id: p.id,
        title: p.title,
        status: programmeStatus(p.versions, p.endedAt, today),
        prescribed: r!.prescribed,
        completed: r!.completed,
        ratio: r!.ratio,
        weeks: r!.weeks.map(week),
        byExercise: Object.entries(r!.byExercise).map(([key, t]) => ({
          exerciseKey: key,
          name: names.get(key) ?? key,
          ...t,
        })),
      };
    }),
  };
}
