import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { and, asc, eq } from "drizzle-orm";
import { diaryEntries, visitPainScores, visits } from "@/db/schema";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createVisit } from "@/lib/clinical/visits/create-visit";
import { addLocalDays, zonedInstant } from "@/lib/format/zoned";
import { NPRS } from "@/lib/outcomes/rules/instruments";
import { changeFromBaseline } from "@/lib/outcomes/rules/change";
import { mergeProgressPages } from "@/app/_lib/pain-series";
import { weeklyPain } from "@/app/(staff)/clients/[clientId]/progress/_components/adherence-beside-pain";
import { createComplaint } from "./complaints/create-complaint";
import { setVisitPain } from "./set-visit-pain";
import { getProgress } from "./progress";
import { clinicDay } from "./dates";
import { PROGRESS_WEEKS, progressQuery, type ProgressDto } from "./schemas";
import pg from "pg";
import { explainSeqScans, installRecorder, record } from "@/scripts/bench/query-recorder";

// Issue 16 item 3: progress reads a window of weeks with server-side weekly aggregates. These tests hold
// it to what the page showed when it loaded every score and computed in the browser (the old code below).

let t: TestDb;
let therapist: Actor;
let portal: Actor;
let casey: string;
let neck: string;
let dstSunday: string;
let emptyWeek: string;
const tz = "Europe/London";

const offsetAtNoon = (day: string) => new TZDate(zonedInstant(day, "12:00", tz).getTime(), tz).getTimezoneOffset();

/** What getProgress read and computed before the window: every score of every complaint. */
async function oldScores(db: TestDb["db"], actor: Actor, complaintId: string) {
  const v = await db
    .select({
      visitId: visits.id,
      startedAt: visits.startedAt,
      before: visitPainScores.before,
      after: visitPainScores.after,
    })
    .from(visitPainScores)
    .innerJoin(visits, and(eq(visits.clinicId, visitPainScores.clinicId), eq(visits.id, visitPainScores.visitId)))
    .where(eq(visitPainScores.complaintId, complaintId))
    .orderBy(asc(visits.startedAt));
  const d = await db
    .select()
    .from(diaryEntries)
    .where(eq(diaryEntries.complaintId, complaintId))
    .orderBy(asc(diaryEntries.entryDate));
  const vis = v.map((s) => ({
    visitId: s.visitId,
    date: clinicDay(s.startedAt, actor.clinicTimezone),
    before: s.before,
    after: s.after,
  }));
  const diary = d.map((e) => ({ date: e.entryDate, score: e.score, note: e.note }));
  const series = [
    ...vis.filter((x) => x.before !== null).map((x) => ({ date: x.date, score: x.before! })),
    ...diary.map((x) => ({ date: x.date, score: x.score })),
  ];
  return { visits: vis, diary, change: changeFromBaseline(NPRS, series) };
}

/** The browser's weekly mean before: every score of the week, from the full lists. */
function oldWeeklyMean(all: Awaited<ReturnType<typeof oldScores>>, start: string) {
  const end = addLocalDays(start, 6);
  const inWeek = (d: string) => d >= start && d <= end;
  const scores = [
    ...all.visits.filter((v) => inWeek(v.date) && v.before !== null).map((v) => v.before!),
    ...all.diary.filter((d) => inWeek(d.date)).map((d) => d.score),
  ];
  return scores.length ? { mean: scores.reduce((s, x) => s + x, 0) / scores.length, n: scores.length } : null;
}

beforeAll(async () => {
  // Before the first connection: db/pool.ts binds each connection's query when it connects, so a recorder
  // installed later never sees the pooled connections' statements (the ceiling below counted 0).
  installRecorder();
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  portal = await actorFor(t.db, "client@demo.test");
  expect(therapist.clinicTimezone).toBe(tz);
  casey = await clientIdByName(t.db, "Casey", "Client");
  neck = (await createComplaint(t.db, therapist, casey, { title: "Long neck pain", regions: [], onsetDate: null })).id;
  const today = clinicDay(new Date(), tz);
  // Three years of daily diary entries, except one empty week about two months ago.
  const first = addLocalDays(today, -3 * 365);
  emptyWeek = addLocalDays(today, -60);
  emptyWeek = addLocalDays(emptyWeek, 1 - (new Date(`${emptyWeek}T00:00:00Z`).getUTCDay() || 7));
  const rows = [];
  for (let i = 0, day = first; day <= today; i++, day = addLocalDays(day, 1)) {
    if (day >= emptyWeek && day <= addLocalDays(emptyWeek, 6)) continue;
    rows.push({
      clinicId: therapist.clinicId,
      clientId: casey,
      complaintId: neck,
      entryDate: day,
      score: Math.max(0, Math.min(10, 9 - Math.floor(i / 150) + ((i * 7) % 3) - 1)),
      note: i % 50 === 0 ? `note ${i}` : "",
    });
  }
  for (let i = 0; i < rows.length; i += 500) await t.db.insert(diaryEntries).values(rows.slice(i, i + 500));
  // The latest change to summer time in the window: a visit late on the Sunday and one just after midnight
  // on the Monday (in summer time that is still Sunday in UTC), so the week must be the clinic's, not UTC's.
  // The clocks go forward in the small hours of a Sunday: Saturday noon and Sunday noon differ.
  // The last change with its Monday before today (so both visits are in the past): changes come 364 or 371 days
  // apart, so 380 days back always hold one, on every day of the year.
  dstSunday = "";
  for (let day = addLocalDays(today, -380); addLocalDays(day, 2) < today; day = addLocalDays(day, 1))
    if (offsetAtNoon(addLocalDays(day, 1)) < offsetAtNoon(day)) dstSunday = addLocalDays(day, 1);
  expect(dstSunday).not.toBe("");
  const when = [
    zonedInstant(dstSunday, "23:30", tz),
    zonedInstant(addLocalDays(dstSunday, 1), "00:30", tz),
    zonedInstant(addLocalDays(dstSunday, -7), "00:30", tz),
    zonedInstant(addLocalDays(dstSunday, 8), "00:30", tz),
    // Visits every four weeks through the history, two on one day.
    ...Array.from({ length: 40 }, (_, k) => addLocalDays(first, 3 + k * 28))
      .filter((day) => day < emptyWeek || day > addLocalDays(emptyWeek, 6))
      .map((day) => zonedInstant(day, "09:00", tz)),
    zonedInstant(addLocalDays(first, 3 + 10 * 28), "17:00", tz),
  ];
  for (const [k, at] of when.entries()) {
    const v = await createVisit(t.db, therapist, casey, { startedAt: at.toISOString() });
    await setVisitPain(t.db, therapist, v.id, {
      scores: [{ complaintId: neck, before: k % 9 === 5 ? null : (k * 3) % 11, after: k % 4 === 0 ? null : 2 }],
    });
  }
}, 240_000);
afterAll(() => t.close());

describe("progress in windows of weeks", () => {
  it("gives the same baseline, latest, MCID, scores and weekly means as the browser computed from every score", async () => {
    const page = await getProgress(t.db, therapist, casey);
    expect(page.window.before).toBeNull();
    expect(page.window.from! > addLocalDays(clinicDay(new Date(), tz), -7 * PROGRESS_WEEKS)).toBe(true);
    expect(new Date(`${page.window.from}T00:00:00Z`).getUTCDay()).toBe(1);
    // The first date the change became meaningful is read in SQL beside the window: some complaint must have one.
    expect(page.complaints.some((c) => c.mcidFirstReachedOn !== null)).toBe(true);
    for (const c of page.complaints) {
      const all = await oldScores(t.db, therapist, c.id);
      expect(c.baseline).toEqual(all.change?.baseline ?? null);
      expect(c.latest).toEqual(all.change?.latest ?? null);
      expect(c.improvement).toBe(all.change?.improvement ?? null);
      expect(c.percentImprovement).toBe(all.change?.percentImprovement ?? null);
      expect(c.mcidReached).toBe(all.change?.mcid?.reachedNow ?? false);
      expect(c.mcidFirstReachedOn).toBe(all.change?.mcid?.firstReachedOn ?? null);
      expect(c.mcidRealChangeOnly).toBe(all.change?.mcid?.realChangeOnly ?? false);
      // Same points, only those inside the window.
      expect(c.visits).toEqual(all.visits.filter((v) => v.date >= page.window.from!));
      expect(c.diary).toEqual(all.diary.filter((d) => d.date >= page.window.from!));
      // Same weekly means, week by week, including a week without scores.
      const mondays = Array.from({ length: PROGRESS_WEEKS }, (_, k) => addLocalDays(page.window.from!, 7 * k));
      const server = weeklyPain({ ...page, complaints: [c] }, mondays);
      mondays.forEach((m, k) => {
        const old = oldWeeklyMean(all, m);
        expect(server[k]).toEqual(c.status === "open" && old ? [{ label: c.title, mean: old.mean, n: old.n }] : []);
      });
    }
    const neckOnPage = page.complaints.find((c) => c.id === neck)!;
    expect(neckOnPage.baseline!.date < page.window.from!).toBe(true);
    expect(neckOnPage.weeks.find((w) => w.weekStart === emptyWeek)).toBeUndefined();
    // The DST week: Monday 00:30 summer time belongs to the Monday's week, Sunday 23:30 to the week before. In the
    // days before the clocks go forward the last change is just older than this window: read a window that ends
    // the week after it.
    const monday = addLocalDays(dstSunday, 1);
    const dstPage =
      dstSunday >= page.window.from!
        ? page
        : await getProgress(t.db, therapist, casey, progressQuery.parse({ before: addLocalDays(monday, 7) }));
    const long = dstPage.complaints.find((c) => c.id === neck)!;
    expect(dstSunday >= dstPage.window.from!).toBe(true);
    expect(new Date(`${dstSunday}T00:00:00Z`).getUTCDay()).toBe(0);
    expect(zonedInstant(monday, "00:30", tz).toISOString().slice(0, 10)).toBe(dstSunday);
    expect(long.visits.map((v) => v.date)).toEqual(expect.arrayContaining([dstSunday, monday]));
    const dstWeek = long.weeks.find((w) => w.weekStart === monday)!;
    const all = await oldScores(t.db, therapist, neck);
    expect({ mean: dstWeek.mean, n: dstWeek.n }).toEqual(oldWeeklyMean(all, monday));
    const inWeek = [
      ...all.visits.filter((v) => v.date >= monday && v.date <= addLocalDays(monday, 6) && v.before !== null),
    ].map((v) => v.before!);
    const diaryInWeek = all.diary
      .filter((d) => d.date >= monday && d.date <= addLocalDays(monday, 6))
      .map((d) => d.score);
    expect(dstWeek.min).toBe(Math.min(...inWeek, ...diaryInWeek));
    expect(dstWeek.max).toBe(Math.max(...inWeek, ...diaryInWeek));
  });

  it("bounds a page and pages back a window at a time to the first score, skipping nothing", async () => {
    const pages: ProgressDto[] = [await getProgress(t.db, therapist, casey)];
    while (pages.at(-1)!.window.earlier && pages.length < 10)
      pages.push(
        await getProgress(t.db, therapist, casey, progressQuery.parse({ before: pages.at(-1)!.window.earlier })),
      );
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.at(-1)!.window.earlier).toBeNull();
    for (const [k, p] of pages.entries()) {
      const long = p.complaints.find((c) => c.id === neck)!;
      expect(long.diary.length).toBeLessThanOrEqual(7 * PROGRESS_WEEKS);
      expect(long.weeks.length).toBeLessThanOrEqual(PROGRESS_WEEKS);
      if (k > 0) expect(p.window.before).toBe(pages[k - 1]!.window.earlier);
      for (const d of long.diary) expect(d.date >= p.window.from! && (!p.window.before || d.date < p.window.before));
      // Baseline and latest are the whole history's on every page.
      expect(long.baseline).toEqual(pages[0]!.complaints.find((c) => c.id === neck)!.baseline);
    }
    // All the pages together are every score and visit, in order, as the old page had them.
    const merged = mergeProgressPages(pages);
    const all = await oldScores(t.db, therapist, neck);
    const long = merged.complaints.find((c) => c.id === neck)!;
    expect(long.diary).toEqual(all.diary);
    expect(long.visits).toEqual(all.visits);
    const everything = await getProgress(t.db, therapist, casey, "all");
    expect(merged.tenderness).toEqual(everything.tenderness);
    expect(everything.complaints.find((c) => c.id === neck)!.diary).toEqual(all.diary);
  });

  it("refuses a `before` that is not a Monday, and gives the client the same window of their own scores", async () => {
    expect(progressQuery.safeParse({ before: "2026-12-01" }).success).toBe(false);
    const staff = await getProgress(t.db, therapist, casey);
    const mine = await getProgress(t.db, portal, casey);
    expect(mine.tenderness).toEqual([]);
    expect(mine.window).toEqual(staff.window);
    expect(mine.complaints.map((c) => [c.id, c.diary.length, c.weeks, c.summary])).toEqual(
      staff.complaints.map((c) => [c.id, c.diary.length, c.weeks, c.summary]),
    );
  });

  it("sends at most 8 statements per request however long the history (PostgreSQL; plans printed)", async () => {
    if (t.kind !== "postgres") return;
    for (const [actor, query] of [
      [therapist, {}],
      [therapist, progressQuery.parse({ before: (await getProgress(t.db, therapist, casey)).window.earlier })],
      [portal, {}],
    ] as const) {
      const statements = await record(() => getProgress(t.db, actor, casey, query));
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.length).toBeLessThanOrEqual(8);
      // Informational: on a few thousand rows the planner may still prefer a scan of a small table.
      const pool = new pg.Pool({ connectionString: t.url });
      console.log(`progress: ${statements.length} statements; seq scans:`, [
        ...(await explainSeqScans(pool, statements)),
      ]);
      await pool.end();
    }
  });
});
