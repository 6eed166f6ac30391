import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { attentionSummaries, clients, complaints, diaryEntries, visitPainScores, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { displayName } from "@/lib/clients/format";
import { needsAttention, type AttentionInput, type AttentionReason } from "@/lib/outcomes/rules/attention";
import { dueSummaries, writeSummaries } from "@/lib/system/client-summaries";
import { clinicDay } from "./dates";

/**
 * The pain half of "needs attention", kept per client in attention_summaries (issue 16: the dashboard re-ran the
 * rules over every open complaint of the clinic on each request). Triggers mark a client's row stale in the
 * transaction of any write the rules read (db/migrations/0030_attention_summaries.sql); `refreshAttention`
 * recomputes only stale rows, and rows whose reasons depend on the date once per clinic day (valid_until). The rules
 * (lib/outcomes/rules/attention.ts) are unchanged, so the list is what they say over the same bounded inputs.
 */

/** Recent readings (rules 3 and 4 look back recentDays + flareWindowDays = 14 days) make a result date-bound. */
const WINDOW_DAYS = 14;
/** The rules read diary scores of the last 60 days only, so a client with one is date-bound too. */
const DIARY_DAYS = 60;

/** valid_until of a result that only a write can change. */
const FOREVER = "9999-12-31";

/** Recomputes the clinic's stale and date-bound summaries; a no-op in the steady state of a clinic day. */
export async function refreshAttention(db: Db, actor: Actor, now = new Date()): Promise<void> {
  const today = clinicDay(now, actor.clinicTimezone);
  const due = await dueSummaries(db, actor, attentionSummaries, today);
  if (due.length === 0) return;
  const computed = await computeFor(
    db,
    actor,
    due.map((d) => d.clientId),
    now,
  );
  await writeSummaries(
    db,
    attentionSummaries,
    due.map((d) => {
      const c = computed.get(d.clientId) ?? { reasons: [], volatile: false };
      const latestOn = c.reasons.reduce<string | null>((m, r) => (m === null || r.date > m ? r.date : m), null);
      return {
        clinicId: actor.clinicId,
        clientId: d.clientId,
        generation: d.generation,
        computedOn: today,
        validUntil: c.volatile ? today : FOREVER,
        reasons: c.reasons,
        reasonCount: c.reasons.length,
        latestOn,
      };
    }),
    ["reasons", "reasonCount", "latestOn"],
  );
}

/**
 * The rules' inputs for some clients, per open complaint: the visit count, the first and latest pre-treatment
 * scores up to today, the latest diary score of the last 60 days, and every reading of the last 14 days (and
 * any later than today, which the rules ignore until their day comes) — picked by window functions over the
 * complaint indexes. `volatile`: the result can change with the date alone.
 */
async function computeFor(db: Db, actor: Actor, clientIds: string[], now: Date) {
  const tz = actor.clinicTimezone;
  const today = clinicDay(now, tz);
  const since60 = clinicDay(new Date(now.getTime() - DIARY_DAYS * 86_400_000), tz);
  const since14 = clinicDay(new Date(now.getTime() - WINDOW_DAYS * 86_400_000), tz);
  const open = await db
    .select({
      id: complaints.id,
      clientId: complaints.clientId,
      title: complaints.title,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
    })
    .from(complaints)
    .innerJoin(clients, and(eq(clients.clinicId, complaints.clinicId), eq(clients.id, complaints.clientId)))
    .where(
      and(
        clinicScope(actor, complaints),
        inArray(complaints.clientId, clientIds),
        eq(complaints.status, "open"),
        sql`${clients.archivedAt} is null`,
      ),
    );
  const out = new Map<string, { reasons: AttentionReason[]; volatile: boolean }>();
  if (open.length === 0) return out;
  const idList = sql`array[${sql.join(
    open.map((c) => sql`${c.id}`),
    sql`, `,
  )}]::uuid[]`;
  const [scores, diary] = await Promise.all([
    db.execute(sql`
      select complaint_id as "complaintId", day, before, after, visit_count::int as "visitCount" from (
        select s.complaint_id, s.before, s.after, d.day,
          count(*) over (partition by s.complaint_id) as visit_count,
          row_number() over (partition by s.complaint_id, s.before is not null and d.day <= ${today}
                             order by v.started_at, s.id) as first_n,
          row_number() over (partition by s.complaint_id, s.before is not null and d.day <= ${today}
                             order by v.started_at desc, s.id desc) as last_n
        from ${visitPainScores} s
        join ${visits} v on v.clinic_id = s.clinic_id and v.id = s.visit_id
        cross join lateral (select to_char(v.started_at at time zone ${tz}, 'YYYY-MM-DD') as day) d
        where s.clinic_id = ${actor.clinicId} and s.complaint_id = any(${idList})
      ) x
      where (before is not null and day <= ${today} and (first_n = 1 or last_n = 1)) or day >= ${since14}
      order by day`),
    db.execute(sql`
      select complaint_id as "complaintId", to_char(entry_date, 'YYYY-MM-DD') as date, score from (
        select e.complaint_id, e.entry_date, e.score,
          row_number() over (partition by e.complaint_id, e.entry_date <= ${today}
                             order by e.entry_date desc) as last_n
        from ${diaryEntries} e
        where e.clinic_id = ${actor.clinicId} and e.complaint_id = any(${idList}) and e.entry_date >= ${since60}
      ) x
      where (entry_date <= ${today} and last_n = 1) or entry_date >= ${since14}
      order by entry_date`),
  ]);
  type Score = { complaintId: string; day: string; before: number | null; after: number | null; visitCount: number };
  type Diary = { complaintId: string; date: string; score: number };
  const scoresOf = groupBy(rowsOf<Score>(scores), (s) => s.complaintId);
  const diaryOf = groupBy(rowsOf<Diary>(diary), (d) => d.complaintId);
  const inputs = new Map<string, AttentionInput>();
  const volatile = new Set<string>();
  for (const c of open) {
    const input = inputs.get(c.clientId) ?? {
      clientId: c.clientId,
      clientName: displayName(c),
      complaints: [],
      selfReports: [],
    };
    const v = scoresOf.get(c.id) ?? [];
    const d = diaryOf.get(c.id) ?? [];
    // Any diary score here is within 60 days, so it leaves the rules' view on a later day.
    if (d.length > 0 || v.some((s) => s.day >= since14)) volatile.add(c.clientId);
    input.complaints.push({
      id: c.id,
      label: c.title,
      visitCount: v[0]?.visitCount ?? 0,
      visits: v.map((s) => ({ date: s.day, before: s.before, after: s.after })),
      selfReports: d.map((e) => ({ date: e.date, score: e.score, source: "diary" as const })),
    });
    inputs.set(c.clientId, input);
  }
  for (const id of inputs.keys()) out.set(id, { reasons: [], volatile: volatile.has(id) });
  for (const e of needsAttention([...inputs.values()], { asOf: today })) out.get(e.clientId)!.reasons = e.reasons;
  return out;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}
