import "server-only";
import { format, parseISO } from "date-fns";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, programmeCompletions, programmeItems } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { displayName } from "@/lib/clients/format";
import type { AttentionEntry } from "@/lib/outcomes/rules/attention";

// The needs-attention list is outcomes' (lib/outcomes/pain/attention.ts); it reads the home programmes' tick-offs
// here rather than through lib/programmes, which keeps the two areas depending one way (README).
/** Clients with adverse tick-offs no therapist has marked as seen, one reason per report. */
export async function adverseAttention(db: Db, actor: Actor): Promise<AttentionEntry[]> {
  assertCan(actor, "programmes.read");
  const rows = await db
    .select({
      id: programmeCompletions.id,
      clientId: programmeCompletions.clientId,
      localDate: programmeCompletions.localDate,
      snapshot: programmeItems.snapshot,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
    })
    .from(programmeCompletions)
    .innerJoin(
      programmeItems,
      and(
        eq(programmeItems.clinicId, programmeCompletions.clinicId),
        eq(programmeItems.id, programmeCompletions.itemId),
      ),
    )
    .innerJoin(
      clients,
      and(eq(clients.clinicId, programmeCompletions.clinicId), eq(clients.id, programmeCompletions.clientId)),
    )
    .where(
      and(
        clinicScope(actor, programmeCompletions),
        eq(programmeCompletions.adverse, true),
        isNull(programmeCompletions.reviewedAt),
        isNull(clients.archivedAt),
      ),
    )
    .orderBy(asc(programmeCompletions.completedAt));
  const byClient = new Map<string, AttentionEntry>();
  for (const r of rows) {
    const entry = byClient.get(r.clientId) ?? { clientId: r.clientId, clientName: displayName(r), reasons: [] };
    entry.reasons.push({
      rule: "adverse_reaction",
      complaintId: null,
      date: r.localDate,
      completionId: r.id,
      reason: `Reported numbness, tingling or shooting pain during ${r.snapshot.name} on ${format(parseISO(r.localDate), "d MMM yyyy")}.`,
    });
    byClient.set(r.clientId, entry);
  }
  return [...byClient.values()];
}
