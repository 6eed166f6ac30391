import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { READ_KINDS } from "./read-kinds";

export interface RecentRead {
  at: string;
  action: string;
  label: string;
  personName: string | null;
}

// Opening a page reads several lists behind it (visits, complaints, precautions); the card
// names what a person opened, so it shows the page-level reads and exports only.
const OPENED = [
  READ_KINDS.client,
  READ_KINDS.chart,
  READ_KINDS.visit,
  READ_KINDS.progress,
  READ_KINDS.progress_export,
  READ_KINDS.programme,
  READ_KINDS.programme_print,
  READ_KINDS.questionnaires,
];
const LABEL = new Map<string, string>(OPENED.map((k) => [k.action, k.label]));

/** "Who opened this record": the latest reads of one client's record, newest first (admins). */
export async function listRecentReads(db: Db, actor: Actor, clientId: string, limit = 10): Promise<RecentRead[]> {
  assertCan(actor, "audit.read");
  const rows = await db
    .select({ at: auditEvents.at, action: auditEvents.action, personName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        clinicScope(actor, auditEvents),
        eq(auditEvents.clientId, clientId),
        inArray(
          auditEvents.action,
          OPENED.map((k) => k.action),
        ),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.seq))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), label: LABEL.get(r.action) ?? r.action }));
}
