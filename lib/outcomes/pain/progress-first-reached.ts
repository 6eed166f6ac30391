import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/identity/actor";
import { NPRS } from "@/lib/outcomes/rules/instruments";
import { mcidCriterionMet } from "@/lib/outcomes/rules/change";
import { visitDay } from "./progress-sql";

/** One score that first met the MCID; src 0 = a visit (before treatment), 1 = the diary. */
export interface ReachedRow {
  complaintId: string;
  src: number;
  day: string;
  score: number;
  visitId: string | null;
}

/** The highest NPRS that counts as a meaningful change from this baseline, or null when none can. */
function meaningfulAtMost(baseline: number): number | null {
  for (let s = 10; s >= 0; s--) if (mcidCriterionMet(NPRS, baseline, s) !== null) return s;
  return null;
}

/**
 * The MCID rule as a table for SQL, one row per possible baseline (NPRS 0–10, as the scores' CHECKs allow):
 * the rule stays in lib/outcomes/rules and SQL only looks it up.
 */
const AT_MOST: SQL = sql.join(
  Array.from({ length: 11 }, (_, i) => i).map(
    (b) => sql`(${sql.raw(String(b))}, ${sql.raw(String(meaningfulAtMost(b) ?? "null"))}::int)`,
  ),
  sql`, `,
);

/**
 * Per complaint, the earliest score (visit or diary) at or below the MCID threshold of its baseline: the date the
 * change first became meaningful. Reads the ends of the history from the CTE `ends` (progress-queries' endsQuery)
 * in the same statement, so the progress page and the portal home pay one round trip for both (issue 16).
 * Baseline is the earliest end, latest the newest (by day, then visit before diary, as progress.ts orders them);
 * a complaint whose baseline is also its latest has no change to date and reads nothing.
 */
export function firstReachedQuery(actor: Actor): SQL {
  const tz = actor.clinicTimezone;
  return sql`
    select w."complaintId", x.src, x.day, x.score, x.visit_id as "visitId"
    from (
      select b."complaintId", m.at_most
      from (select distinct on ("complaintId") "complaintId", src, day, score, "visitId" from ends
            where which = 'first' order by "complaintId", day, src) b
      join (select distinct on ("complaintId") "complaintId", src, day, "visitId" from ends
            where which = 'last' order by "complaintId", day desc, src desc) l on l."complaintId" = b."complaintId"
      join (values ${AT_MOST}) as m(baseline, at_most) on m.baseline = b.score
      where m.at_most is not null
        and (b.src, coalesce(b."visitId"::text, b.day)) is distinct from (l.src, coalesce(l."visitId"::text, l.day))
    ) w
    cross join lateral (
      select 0 as src, f.* from (select ${visitDay(tz)} as day, visit_pain_scores.before as score, visits.id as visit_id
        from visit_pain_scores join visits on visits.clinic_id = visit_pain_scores.clinic_id and visits.id = visit_pain_scores.visit_id
        where visit_pain_scores.clinic_id = ${actor.clinicId} and visit_pain_scores.complaint_id = w."complaintId"
          and visit_pain_scores.before <= w.at_most
        order by visits.started_at asc limit 1) f
      union all
      select 1, d.* from (select diary_entries.entry_date::text as day, diary_entries.score, null::uuid as visit_id
        from diary_entries
        where diary_entries.clinic_id = ${actor.clinicId} and diary_entries.complaint_id = w."complaintId"
          and diary_entries.score <= w.at_most
        order by diary_entries.entry_date asc limit 1) d
    ) x`;
}
