import "server-only";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { diaryEntries, findings, visitPainScores, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/clients";
import { displayName } from "@/lib/clients/format";
import { NPRS } from "@/lib/outcomes/rules/instruments";
import { changeFromBaseline, describeMcid } from "@/lib/outcomes/rules/change";
import { spreadsheetCsv, type CsvCell } from "@/lib/export/spreadsheet-csv";
import { clinicDay } from "./dates";
import { formatFor, type ClinicFormat } from "@/lib/format/clinic-format";
import { readComplaints } from "./complaints";
import type { ComplaintDto, ComplaintProgress, ProgressDto } from "./schemas";

/** "Your neck pain is down from 7 to 3 since 2 March" ("… since March 2" for an en-US clinic). Plain words for the portal. */
export function progressSentence(
  title: string,
  baseline: { date: string; score: number } | null,
  latest: { date: string; score: number } | null,
  fmt: ClinicFormat,
) {
  const longDate = (day: string) => fmt.day(day, "dayMonthLong");
  const what = title.charAt(0).toLowerCase() + title.slice(1);
  if (!baseline || !latest) return `No scores yet for your ${what}.`;
  if (latest.date === baseline.date && latest.score === baseline.score)
    return `Your ${what} was ${baseline.score} out of 10 on ${longDate(baseline.date)}.`;
  if (latest.score < baseline.score)
    return `Your ${what} is down from ${baseline.score} to ${latest.score} since ${longDate(baseline.date)}.`;
  if (latest.score > baseline.score)
    return `Your ${what} is up from ${baseline.score} to ${latest.score} since ${longDate(baseline.date)}.`;
  return `Your ${what} is unchanged at ${latest.score} out of 10 since ${longDate(baseline.date)}.`;
}

/**
 * Pain over time per complaint (visit NPRS before/after and diary), change from baseline
 * with the MCID (NPRS: a fall of ≥ 2 points or ≥ 30 %), and for staff the trigger point
 * tenderness trend. Baseline is the earliest score, whether from a visit or the diary.
 */
export async function getProgress(db: Db, actor: Actor, clientId: string): Promise<ProgressDto> {
  const clinical = actor.clientId !== clientId;
  if (clinical) assertCan(actor, "clinical.read");
  // The client check and the complaints side by side (the complaints query is scoped on its own; a refused
  // client throws NOT_FOUND and its rows are dropped). listComplaints would read the client a second time.
  const [client, list] = await Promise.all([
    getClientOrThrow(db, actor, clientId),
    readComplaints(db, actor, clientId),
  ]);
  const ids = list.map((c) => c.id);
  const tz = actor.clinicTimezone;
  const [scores, diary] = ids.length
    ? await Promise.all([
        db
          .select({
            complaintId: visitPainScores.complaintId,
            visitId: visits.id,
            startedAt: visits.startedAt,
            before: visitPainScores.before,
            after: visitPainScores.after,
          })
          .from(visitPainScores)
          .innerJoin(visits, and(eq(visits.clinicId, visitPainScores.clinicId), eq(visits.id, visitPainScores.visitId)))
          .where(and(clinicScope(actor, visitPainScores), inArray(visitPainScores.complaintId, ids)))
          .orderBy(asc(visits.startedAt)),
        db
          .select()
          .from(diaryEntries)
          .where(and(clinicScope(actor, diaryEntries), inArray(diaryEntries.complaintId, ids)))
          .orderBy(asc(diaryEntries.entryDate)),
      ])
    : [[], []];
  const complaints: ComplaintProgress[] = list.map((c: ComplaintDto) => {
    const v = scores
      .filter((s) => s.complaintId === c.id)
      .map((s) => ({ visitId: s.visitId, date: clinicDay(s.startedAt, tz), before: s.before, after: s.after }));
    const d = diary
      .filter((e) => e.complaintId === c.id)
      .map((e) => ({ date: e.entryDate, score: e.score, note: e.note }));
    // Before-treatment scores and diary entries describe the usual pain; after-treatment ones do not.
    const series = [
      ...v.filter((x) => x.before !== null).map((x) => ({ date: x.date, score: x.before! })),
      ...d.map((x) => ({ date: x.date, score: x.score })),
    ];
    const change = series.length ? changeFromBaseline(NPRS, series) : null;
    return {
      ...c,
      visits: v,
      diary: d,
      baseline: change?.baseline ?? null,
      latest: change?.latest ?? null,
      improvement: change?.improvement ?? null,
      percentImprovement: change?.percentImprovement ?? null,
      mcidReached: change?.mcid?.reachedNow ?? false,
      mcidFirstReachedOn: change?.mcid?.firstReachedOn ?? null,
      mcidRule: describeMcid(NPRS) ?? "",
      mcidExplanation: change?.mcid && series.length > 1 ? change.mcid.explanation : null,
      mcidRealChangeOnly: change?.mcid?.realChangeOnly ?? false,
      summary: progressSentence(c.title, change?.baseline ?? null, change?.latest ?? null, formatFor(actor)),
    };
  });
  let tenderness: ProgressDto["tenderness"] = [];
  if (clinical) {
    const rows = await db
      .select({
        visitId: visits.id,
        startedAt: visits.startedAt,
        mean: sql<number | null>`avg(${findings.tenderness})::float`,
        active: sql<number>`count(*) filter (where ${findings.type} = 'active' and ${findings.status} is distinct from 'resolved')::int`,
      })
      .from(visits)
      .leftJoin(findings, and(eq(findings.clinicId, visits.clinicId), eq(findings.visitId, visits.id)))
      .where(and(clinicScope(actor, visits), eq(visits.clientId, clientId), isNotNull(visits.startedAt)))
      .groupBy(visits.id, visits.startedAt)
      .orderBy(asc(visits.startedAt));
    tenderness = rows.map((r) => ({
      visitId: r.visitId,
      date: clinicDay(r.startedAt, tz),
      meanTenderness: r.mean === null ? null : Math.round(r.mean * 10) / 10,
      activePoints: r.active,
    }));
  }
  return { clientId, clientName: displayName(client), complaints, tenderness };
}

export const PROGRESS_CSV_HEADER = [
  "client",
  "complaint_or_questionnaire",
  "date",
  "source",
  "nprs_before",
  "nprs_after",
  "score",
  "note",
] as const;

export interface QuestionnaireScoreRow {
  name: string;
  date: string;
  score: number;
  range: { min: number; max: number };
}

/** The client's scores as CSV (one row per score), for their records or a referring doctor. */
export function progressCsv(p: ProgressDto, questionnaires: QuestionnaireScoreRow[] = []): string {
  const rows: CsvCell[][] = [];
  for (const c of p.complaints) {
    for (const v of c.visits) rows.push([p.clientName, c.title, v.date, "visit", v.before, v.after, null, null]);
    for (const d of c.diary) rows.push([p.clientName, c.title, d.date, "diary", null, null, d.score, d.note]);
  }
  for (const q of questionnaires)
    rows.push([
      p.clientName,
      q.name,
      q.date,
      "questionnaire",
      null,
      null,
      q.score,
      `range ${q.range.min}-${q.range.max}`,
    ]);
  return spreadsheetCsv(PROGRESS_CSV_HEADER, rows);
}
