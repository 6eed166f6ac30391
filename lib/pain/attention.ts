import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { clients, complaints, diaryEntries, visitPainScores, visits } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, clinicScope } from "@/lib/auth/scopes";
import { displayName } from "@/lib/clients/format";
import { needsAttention, type AttentionEntry, type AttentionInput } from "@/lib/outcomes/attention";
import { adverseAttention } from "@/lib/programmes/completions";
import { clinicDay } from "./dates";

/**
 * The dashboard's "needs attention" list for the clinic, each entry with its reasons: pain rules,
 * and unreviewed reports of numbness, tingling or shooting pain during home exercises (listed first).
 */
export async function listNeedsAttention(db: Db, actor: Actor): Promise<AttentionEntry[]> {
  assertCan(actor, "clinical.read");
  const [pain, adverse] = await Promise.all([
    painAttention(db, actor),
    can(actor, "programmes.read") ? adverseAttention(db, actor) : [],
  ]);
  const merged = new Map(adverse.map((e) => [e.clientId, { ...e, reasons: [...e.reasons] }]));
  for (const e of pain) {
    const prev = merged.get(e.clientId);
    if (prev) prev.reasons.push(...e.reasons);
    else merged.set(e.clientId, e);
  }
  return [...merged.values()];
}

/**
 * The pain rules need, per open complaint, only: the visit count, the baseline (first pre-treatment score),
 * the latest pre-treatment score, the latest diary score (last 60 days) and the readings of the last
 * recentDays + flareWindowDays (14) days. SQL picks exactly those rows with window functions over the
 * complaint indexes, so the rules (lib/outcomes/attention.ts, unchanged) see a bounded input per complaint
 * instead of every score the clinic ever recorded, and inputs are grouped by complaint in one pass.
 */
const WINDOW_DAYS = 14;

async function painAttention(db: Db, actor: Actor): Promise<AttentionEntry[]> {
  const tz = actor.clinicTimezone;
  const today = clinicDay(new Date(), tz);
  const since60 = clinicDay(new Date(Date.now() - 60 * 86_400_000), tz);
  const since14 = clinicDay(new Date(Date.now() - WINDOW_DAYS * 86_400_000), tz);
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
    .where(and(clinicScope(actor, complaints), eq(complaints.status, "open"), sql`${clients.archivedAt} is null`));
  if (open.length === 0) return [];
  const ids = open.map((c) => c.id);
  const idList = sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
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
          row_number() over (partition by e.complaint_id order by e.entry_date desc) as last_n
        from ${diaryEntries} e
        where e.clinic_id = ${actor.clinicId} and e.complaint_id = any(${idList})
          and e.entry_date >= ${since60} and e.entry_date <= ${today}
      ) x
      where last_n = 1 or entry_date >= ${since14}
      order by entry_date`),
  ]);
  type Score = { complaintId: string; day: string; before: number | null; after: number | null; visitCount: number };
  type Diary = { complaintId: string; date: string; score: number };
  const scoresOf = groupBy(rowsOf<Score>(scores), (s) => s.complaintId);
  const diaryOf = groupBy(rowsOf<Diary>(diary), (d) => d.complaintId);
  const byClient = new Map<string, AttentionInput>();
  for (const c of open) {
    const input = byClient.get(c.clientId) ?? {
      clientId: c.clientId,
      clientName: displayName(c),
      complaints: [],
      selfReports: [],
    };
    const v = scoresOf.get(c.id) ?? [];
    input.complaints.push({
      id: c.id,
      label: c.title,
      visitCount: v[0]?.visitCount ?? 0,
      visits: v.map((s) => ({ date: s.day, before: s.before, after: s.after })),
      selfReports: (diaryOf.get(c.id) ?? []).map((d) => ({ date: d.date, score: d.score, source: "diary" as const })),
    });
    byClient.set(c.clientId, input);
  }
  return needsAttention([...byClient.values()], { asOf: today });
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
