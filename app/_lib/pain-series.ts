import type { ComplaintProgress, ProgressDto } from "@/lib/outcomes/pain/schemas";

/** One plotted moment: a visit (before/after) or a diary entry. `t` is the day at 00:00 UTC. */
export interface PainRow {
  t: number;
  date: string;
  before: number | null;
  after: number | null;
  diary: number | null;
  /** The client's diary note that day, if any. */
  note: string;
}

export const dayToTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Visit and diary scores of one complaint, one row per day in date order, so a visit and a diary
 * entry on the same day share a tooltip. Two visits on one day are rare; the later one's scores win.
 */
export function painRows(c: Pick<ComplaintProgress, "visits" | "diary">): PainRow[] {
  const byDay = new Map<string, PainRow>();
  const row = (date: string) =>
    byDay.get(date) ?? { t: dayToTime(date), date, before: null, after: null, diary: null, note: "" };
  for (const v of c.visits) {
    if (v.before === null && v.after === null) continue; // scored, then cleared: nothing to plot
    const r = row(v.date);
    byDay.set(v.date, { ...r, before: v.before ?? r.before, after: v.after ?? r.after });
  }
  for (const d of c.diary) byDay.set(d.date, { ...row(d.date), diary: d.score, note: d.note });
  return [...byDay.values()].sort((a, b) => a.t - b.t);
}

/**
 * The "usual pain" series the baseline and MCID are computed from (lib/outcomes/pain/progress.ts):
 * before-treatment visit scores and diary entries. After-treatment scores are left out because
 * the dip straight after treatment is not the client's everyday pain.
 */
export function usualPain(c: Pick<ComplaintProgress, "visits" | "diary">): { t: number; score: number }[] {
  const points = [
    ...c.visits.flatMap((v) => (v.before === null ? [] : [{ t: dayToTime(v.date), score: v.before }])),
    ...c.diary.map((d) => ({ t: dayToTime(d.date), score: d.score })),
  ];
  return points.sort((a, b) => a.t - b.t);
}

/** "4 points better (57%)", "1 point worse", "no change". */
export function describeChange(improvement: number | null, percent: number | null): string {
  if (improvement === null) return "no change yet";
  if (improvement === 0) return "no change";
  const n = Math.abs(improvement);
  const pts = `${n} point${n === 1 ? "" : "s"}`;
  if (improvement > 0) return `${pts} better${percent !== null ? ` (${Math.round(percent)}%)` : ""}`;
  return `${pts} worse`;
}

/**
 * The windows a progress page has loaded (newest first) as one report: the newest window's complaints,
 * baseline and MCID (those cover the whole history), with every window's scores, weeks and visits in
 * date order. The window runs from the oldest page's start; `earlier` is where the next page would end.
 */
export function mergeProgressPages(pages: ProgressDto[]): ProgressDto {
  const newest = pages[0]!;
  if (pages.length === 1) return newest;
  const oldestFirst = [...pages].reverse();
  const of = (id: string) => oldestFirst.map((p) => p.complaints.find((c) => c.id === id));
  return {
    ...newest,
    complaints: newest.complaints.map((c) => ({
      ...c,
      visits: of(c.id).flatMap((x) => x?.visits ?? []),
      diary: of(c.id).flatMap((x) => x?.diary ?? []),
      weeks: of(c.id).flatMap((x) => x?.weeks ?? []),
    })),
    tenderness: oldestFirst.flatMap((p) => p.tenderness),
    window: { ...newest.window, from: pages.at(-1)!.window.from, earlier: pages.at(-1)!.window.earlier },
  };
}
