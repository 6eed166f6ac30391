import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { displayName } from "@/lib/clients/format";
import { NPRS } from "@/lib/outcomes/rules/instruments";
import { changeFromBaseline, describeMcid } from "@/lib/outcomes/rules/change";
import { addLocalDays, isoWeekdayOf } from "@/lib/format/zoned";
import { spreadsheetCsv, type CsvCell } from "@/lib/export/spreadsheet-csv";
import { clinicDay } from "./dates";
import { formatFor, type ClinicFormat } from "@/lib/format/clinic-format";
import { readComplaints } from "./complaints/complaint-rows";
import {
  PROGRESS_WEEKS,
  type ComplaintDto,
  type ComplaintProgress,
  type ProgressDto,
  type ProgressQuery,
} from "./schemas";
import { readWindow, type ProgressWindow } from "./progress-queries";

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

/** The window a request reads: the PROGRESS_WEEKS weeks before `before` (default: up to this week's end). */
export function progressWindow(timeZone: string, query: ProgressQuery | "all"): ProgressWindow {
  if (query === "all") return { from: null, before: null };
  const before = query.before ?? null;
  const end = before ?? addLocalDays(mondayOf(clinicDay(new Date(), timeZone)), 7);
  return { from: addLocalDays(end, -7 * PROGRESS_WEEKS), before };
}

const mondayOf = (day: string) => addLocalDays(day, 1 - isoWeekdayOf(day));
type Ordered = { day: string; src: number };
const order = (a: Ordered, b: Ordered) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.src - b.src);
const identity = (r: { src: number; day: string; visitId: string | null }) => `${r.src}:${r.visitId ?? r.day}`;

/**
 * Pain over time per complaint (visit NPRS before/after and diary), change from baseline
 * with the MCID (NPRS: a fall of ≥ 2 points or ≥ 30 %), and for staff the trigger point
 * tenderness trend. Baseline is the earliest score, whether from a visit or the diary.
 *
 * Scores, weekly pain and tenderness cover one window of PROGRESS_WEEKS weeks (`query.before` pages back;
 * "all" is the CSV export's whole history), so a request does the same work after years of daily diary
 * entries (issue 16). Baseline, latest and the MCID's first date still describe the whole history: they
 * are read from the ends of the indexes, and fed to the same rule as a three-point series.
 */
export async function getProgress(
  db: Db,
  actor: Actor,
  clientId: string,
  query: ProgressQuery | "all" = {},
): Promise<ProgressDto> {
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
  const w = progressWindow(tz, query);
  const {
    ends,
    points,
    weeks,
    tenderness: tendernessRows,
    reached,
  } = await readWindow(db, actor, clientId, ids, w, {
    ends: ids.length > 0,
    points: ids.length > 0 || (clinical && w.from !== null),
    weeks: ids.length > 0,
    tenderness: clinical,
    reached: ids.length > 0,
  });
  const ofComplaint = (id: string) => ends.filter((e) => e.complaintId === id);
  const span = new Map(
    ids.map((id) => {
      const mine = ofComplaint(id);
      const baseline = mine.filter((e) => e.which === "first").sort(order)[0];
      const latest = mine
        .filter((e) => e.which === "last")
        .sort(order)
        .at(-1);
      return [id, { baseline, latest }] as const;
    }),
  );

  const complaints: ComplaintProgress[] = list.map((c: ComplaintDto) => {
    const { baseline, latest } = span.get(c.id)!;
    const first = reached.filter((r) => r.complaintId === c.id).sort(order)[0];
    // Baseline, the first score that met the MCID and the latest give the rule all it reads of the series.
    const series: { date: string; score: number }[] = [];
    const seen = new Set<string>();
    for (const r of [baseline, first, latest]) {
      if (!r || seen.has(identity(r))) continue;
      seen.add(identity(r));
      series.push({ date: r.day, score: r.score });
    }
    const change = series.length ? changeFromBaseline(NPRS, series) : null;
    return {
      ...c,
      visits: points
        .filter((p) => p.kind === "visit" && p.complaintId === c.id)
        .map((p) => ({ visitId: p.visitId!, date: p.day, before: p.before, after: p.after })),
      diary: points
        .filter((p) => p.kind === "diary" && p.complaintId === c.id)
        .map((p) => ({ date: p.day, score: p.score!, note: p.note ?? "" })),
      weeks: weeks
        .filter((k) => k.complaintId === c.id)
        .map((k) => ({ weekStart: k.weekStart, n: k.n, mean: k.total / k.n, min: k.min, max: k.max })),
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
  const tenderness = tendernessRows.map((r) => ({
    visitId: r.visitId,
    date: r.day,
    meanTenderness: r.mean === null ? null : Math.round(r.mean * 10) / 10,
    activePoints: r.active,
  }));
  // The next window ends after the newest thing before this one, skipping empty weeks.
  const older = [
    ...ends.filter((e) => e.which === "prev").map((e) => e.day),
    ...(clinical ? points.filter((p) => p.kind === "earlier_visit").map((p) => p.day) : []),
    ...[...span.values()].flatMap(({ baseline }) =>
      baseline && w.from && baseline.day < w.from ? [baseline.day] : [],
    ),
  ].sort();
  const newest = older.at(-1);
  const earlier = newest ? addLocalDays(mondayOf(newest), 7) : null;
  return { clientId, clientName: displayName(client), complaints, tenderness, window: { ...w, earlier } };
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
