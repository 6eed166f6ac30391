import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
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

async function painAttention(db: Db, actor: Actor): Promise<AttentionEntry[]> {
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
  const tz = actor.clinicTimezone;
  const since = clinicDay(new Date(Date.now() - 60 * 86_400_000), tz);
  const [scores, diary] = await Promise.all([
    db
      .select({
        complaintId: visitPainScores.complaintId,
        startedAt: visits.startedAt,
        before: visitPainScores.before,
        after: visitPainScores.after,
      })
      .from(visitPainScores)
      .innerJoin(visits, and(eq(visits.clinicId, visitPainScores.clinicId), eq(visits.id, visitPainScores.visitId)))
      .where(and(clinicScope(actor, visitPainScores), inArray(visitPainScores.complaintId, ids))),
    db
      .select({ complaintId: diaryEntries.complaintId, date: diaryEntries.entryDate, score: diaryEntries.score })
      .from(diaryEntries)
      .where(
        and(
          clinicScope(actor, diaryEntries),
          inArray(diaryEntries.complaintId, ids),
          gte(diaryEntries.entryDate, since),
        ),
      ),
  ]);
  const byClient = new Map<string, AttentionInput>();
  for (const c of open) {
    const input = byClient.get(c.clientId) ?? {
      clientId: c.clientId,
      clientName: displayName(c),
      complaints: [],
      selfReports: [],
    };
    const v = scores.filter((s) => s.complaintId === c.id);
    input.complaints.push({
      id: c.id,
      label: c.title,
      visitCount: v.length,
      visits: v.map((s) => ({ date: clinicDay(s.startedAt, tz), before: s.before, after: s.after })),
      selfReports: diary
        .filter((d) => d.complaintId === c.id)
        .map((d) => ({ date: d.date, score: d.score, source: "diary" as const })),
    });
    byClient.set(c.clientId, input);
  }
  return needsAttention([...byClient.values()], { asOf: clinicDay(new Date(), tz) });
}
