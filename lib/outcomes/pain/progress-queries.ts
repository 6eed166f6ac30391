import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { zonedInstant } from "@/lib/format/zoned";
import { firstReachedQuery, type ReachedRow } from "./progress-first-reached";
import { visitDay } from "./progress-sql";

/**
 * The SQL behind the progress pages (issue 16 item 3). Every statement is bounded: the ends of a
 * complaint's history are read with ORDER BY … LIMIT 1 on the indexes, everything else only inside the
 * window [from, before) of weeks — visits through visits_client_started_idx, diary entries through
 * diary_entries_one_per_day_key, pain scores and findings by their visit.
 */

/** A clinic-local window: `from` (a Monday) up to, not including, `before` (null = no end). */
export interface ProgressWindow {
  /** null = the whole history (the CSV export only). */
  from: string | null;
  before: string | null;
}

/** One score at an end of the history; src 0 = a visit (before treatment), 1 = the diary. */
export interface EndRow {
  complaintId: string;
  which: "first" | "last" | "prev";
  src: number;
  day: string;
  score: number;
  visitId: string | null;
}

const idList = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/** Conditions on visits.started_at for the window, as instants at the clinic's local midnights. */
function visitWindow(w: ProgressWindow, tz: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (w.from) parts.push(sql`visits.started_at >= ${zonedInstant(w.from, 0, tz).toISOString()}::timestamptz`);
  if (w.before) parts.push(sql`visits.started_at < ${zonedInstant(w.before, 0, tz).toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

function diaryWindow(w: ProgressWindow): SQL {
  const parts: SQL[] = [sql`true`];
  if (w.from) parts.push(sql`diary_entries.entry_date >= ${w.from}::date`);
  if (w.before) parts.push(sql`diary_entries.entry_date < ${w.before}::date`);
  return sql.join(parts, sql` and `);
}

/**
 * Per complaint: the first and last before-treatment visit score and diary entry of the whole history
 * (baseline and latest are picked from these), and the last diary entry before the window (for "show earlier").
 */
const toEnds = (rows: EndRow[]): EndRow[] => rows.map((r) => ({ ...r, src: Number(r.src), score: Number(r.score) }));

function endsQuery(actor: Actor, ids: string[], from: string | null): SQL {
  const tz = actor.clinicTimezone;
  const visit = (
    dir: SQL,
  ) => sql`(select ${visitDay(tz)} as day, visit_pain_scores.before as score, visits.id as visit_id
      from visit_pain_scores join visits on visits.clinic_id = visit_pain_scores.clinic_id and visits.id = visit_pain_scores.visit_id
      where visit_pain_scores.clinic_id = ${actor.clinicId} and visit_pain_scores.complaint_id = c.id
        and visit_pain_scores.before is not null
      order by visits.started_at ${dir} limit 1)`;
  const diary = (
    dir: SQL,
    cond: SQL,
  ) => sql`(select diary_entries.entry_date::text as day, diary_entries.score, null::uuid as visit_id
      from diary_entries where diary_entries.clinic_id = ${actor.clinicId} and diary_entries.complaint_id = c.id and ${cond}
      order by diary_entries.entry_date ${dir} limit 1)`;
  const prev = from ? sql`diary_entries.entry_date < ${from}::date` : sql`false`;
  return sql`
    select c.id as "complaintId", e.which, e.src, e.day, e.score, e.visit_id as "visitId"
    from unnest(${idList(ids)}) as c(id)
    cross join lateral (
      select 'first' as which, 0 as src, f.* from ${visit(sql`asc`)} f
      union all select 'last', 0, l.* from ${visit(sql`desc`)} l
      union all select 'first', 1, fd.* from ${diary(sql`asc`, sql`true`)} fd
      union all select 'last', 1, ld.* from ${diary(sql`desc`, sql`true`)} ld
      union all select 'prev', 1, pd.* from ${diary(sql`desc`, prev)} pd
    ) e`;
}

export interface PointRow {
  kind: "visit" | "diary" | "earlier_visit";
  complaintId: string | null;
  visitId: string | null;
  day: string;
  before: number | null;
  after: number | null;
  score: number | null;
  note: string | null;
}

/**
 * The scores inside the window (visit before/after and diary), oldest first, and the client's last visit
 * before the window (kind "earlier_visit"), so the page knows where "show earlier" should jump to.
 */
const toPoints = (rows: (PointRow & { src?: unknown; started?: unknown })[]): PointRow[] =>
  rows.map(({ src: _s, started: _t, ...r }) => ({
    ...r,
    before: r.before === null ? null : Number(r.before),
    after: r.after === null ? null : Number(r.after),
    score: r.score === null ? null : Number(r.score),
  }));

/** The points in the window, unordered: the caller orders by src, started, day. */
function pointsQuery(actor: Actor, clientId: string, ids: string[], w: ProgressWindow): SQL {
  const tz = actor.clinicTimezone;
  const earlier = w.from
    ? sql`union all select 'earlier_visit', null, e.id, e.day, null, null, null, null, e.started_at, 2 from (
        select visits.id, ${visitDay(tz)} as day, visits.started_at from visits
        where visits.clinic_id = ${actor.clinicId} and visits.client_id = ${clientId}
          and visits.started_at < ${zonedInstant(w.from, 0, tz).toISOString()}::timestamptz
        order by visits.started_at desc limit 1) e`
    : sql``;
  return sql`
    select kind, "complaintId", "visitId", day, before, after, score, note, src, started from (
      select 'visit' as kind, visit_pain_scores.complaint_id as "complaintId", visits.id as "visitId", ${visitDay(tz)} as day,
        visit_pain_scores.before, visit_pain_scores.after, null::int as score, null::text as note, visits.started_at as started, 0 as src
      from visits join visit_pain_scores on visit_pain_scores.clinic_id = visits.clinic_id and visit_pain_scores.visit_id = visits.id
      where visits.clinic_id = ${actor.clinicId} and visits.client_id = ${clientId} and ${visitWindow(w, tz)}
        and visit_pain_scores.complaint_id = any(${idList(ids)})
      union all
      select 'diary', diary_entries.complaint_id, null, diary_entries.entry_date::text, null, null, diary_entries.score,
        diary_entries.note, null, 1
      from diary_entries
      where diary_entries.clinic_id = ${actor.clinicId} and diary_entries.complaint_id = any(${idList(ids)}) and ${diaryWindow(w)}
      ${earlier}
    ) p`;
}

export interface WeekRow {
  complaintId: string;
  weekStart: string;
  n: number;
  total: number;
  min: number;
  max: number;
}

/**
 * Pain per complaint per clinic-local week (Monday to Sunday) inside the window: before-treatment visit
 * scores and diary entries, as the weekly means beside adherence were computed in the browser before.
 * The sum is returned rather than the mean so the mean is the same float the browser computed.
 */
const toWeeks = (rows: WeekRow[]): WeekRow[] =>
  rows.map((r) => ({ ...r, n: Number(r.n), total: Number(r.total), min: Number(r.min), max: Number(r.max) }));

function weeksQuery(actor: Actor, clientId: string, ids: string[], w: ProgressWindow): SQL {
  const tz = actor.clinicTimezone;
  return sql`
    select s.complaint_id as "complaintId", s.week as "weekStart", count(*)::int as n, sum(s.score)::int as total,
      min(s.score)::int as min, max(s.score)::int as max
    from (
      select visit_pain_scores.complaint_id, (date_trunc('week', visits.started_at at time zone ${tz})::date)::text as week,
        visit_pain_scores.before as score
      from visits join visit_pain_scores on visit_pain_scores.clinic_id = visits.clinic_id and visit_pain_scores.visit_id = visits.id
      where visits.clinic_id = ${actor.clinicId} and visits.client_id = ${clientId} and ${visitWindow(w, tz)}
        and visit_pain_scores.complaint_id = any(${idList(ids)}) and visit_pain_scores.before is not null
      union all
      select diary_entries.complaint_id, (date_trunc('week', diary_entries.entry_date::timestamp)::date)::text, diary_entries.score
      from diary_entries
      where diary_entries.clinic_id = ${actor.clinicId} and diary_entries.complaint_id = any(${idList(ids)}) and ${diaryWindow(w)}
    ) s
    group by s.complaint_id, s.week`;
}

export interface TendernessRow {
  visitId: string;
  day: string;
  mean: number | null;
  active: number;
}

/** Mean tenderness and active trigger points per visit inside the window, oldest first. */
const toTenderness = (rows: (TendernessRow & { started?: unknown })[]): TendernessRow[] =>
  rows.map(({ started: _t, ...r }) => ({
    ...r,
    mean: r.mean === null ? null : Number(r.mean),
    active: Number(r.active),
  }));

function tendernessQuery(actor: Actor, clientId: string, w: ProgressWindow): SQL {
  const tz = actor.clinicTimezone;
  return sql`
    select visits.id as "visitId", visits.started_at as started, ${visitDay(tz)} as day, avg(findings.tenderness)::float as mean,
      (count(*) filter (where findings.type = 'active' and findings.status is distinct from 'resolved'))::int as active
    from visits left join findings on findings.clinic_id = visits.clinic_id and findings.visit_id = visits.id
    where visits.clinic_id = ${actor.clinicId} and visits.client_id = ${clientId} and ${visitWindow(w, tz)}
    group by visits.id, visits.started_at`;
}

/** Which of the window's reads a request needs (the others come back empty). */
export interface WindowReads {
  ends: boolean;
  points: boolean;
  weeks: boolean;
  tenderness: boolean;
  /** The first score that met the MCID per complaint; needs `ends`, whose rows it reads. */
  reached: boolean;
}

export interface WindowRows {
  ends: EndRow[];
  points: PointRow[];
  weeks: WeekRow[];
  tenderness: TendernessRow[];
  reached: ReachedRow[];
}

/**
 * The window's reads (ends, points, weeks, tenderness, and the first score that met the MCID, which depends on
 * the ends) in one statement, each as a json array in its own order (issue 16: five statements on every
 * progress request and portal home became one). json keeps the rows' names, numbers and text (days are text).
 */
export async function readWindow(
  db: Db,
  actor: Actor,
  clientId: string,
  ids: string[],
  w: ProgressWindow,
  want: WindowReads,
): Promise<WindowRows> {
  const empty = { ends: [], points: [], weeks: [], tenderness: [], reached: [] };
  if (!want.ends && !want.points && !want.weeks && !want.tenderness) return empty;
  const agg = (on: boolean, query: () => SQL, order: SQL) =>
    on ? sql`(select coalesce(json_agg(q order by ${order}), '[]'::json) from (${query()}) q)` : sql`'[]'::json`;
  const reached = want.reached && want.ends;
  const [row] = rowsOf<WindowRows>(
    await db.execute(sql`${want.ends ? sql`with ends as (${endsQuery(actor, ids, w.from)}) ` : sql``}select
      ${agg(want.ends, () => sql`select * from ends`, sql`true`)} as ends,
      ${agg(want.points, () => pointsQuery(actor, clientId, ids, w), sql`q.src, q.started, q.day`)} as points,
      ${agg(want.weeks, () => weeksQuery(actor, clientId, ids, w), sql`q."weekStart"`)} as weeks,
      ${agg(want.tenderness, () => tendernessQuery(actor, clientId, w), sql`q.started`)} as tenderness,
      ${agg(reached, () => firstReachedQuery(actor), sql`true`)} as reached`),
  );
  return {
    ends: toEnds(row!.ends),
    points: toPoints(row!.points),
    weeks: toWeeks(row!.weeks),
    tenderness: toTenderness(row!.tenderness),
    reached: row!.reached.map((r) => ({ ...r, src: Number(r.src), score: Number(r.score) })),
  };
}
