import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clientScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import { FLAG_LABELS, onlineBookingFlagKinds, type OnlineBookingFlag } from "./schemas";

/** "Repeated no-shows: 3 in March" ⇄ { kind: "no_shows", note: "3 in March" }. Unknown text reads as "other". */
export function parseFlag(reason: string | null): OnlineBookingFlag {
  if (reason === null) return { blocked: false, kind: null, note: "", reason: null };
  for (const kind of onlineBookingFlagKinds) {
    const label = FLAG_LABELS[kind];
    if (reason === label) return { blocked: true, kind, note: "", reason };
    if (reason.startsWith(`${label}: `)) return { blocked: true, kind, note: reason.slice(label.length + 2), reason };
  }
  return { blocked: true, kind: "other", note: reason, reason };
}

export function flagText(kind: keyof typeof FLAG_LABELS, note: string): string {
  return note ? `${FLAG_LABELS[kind]}: ${note}` : FLAG_LABELS[kind];
}

export async function clientRow(db: Db, actor: Actor, clientId: string) {
  // Archived clients too: their history and flag still matter if they come back.
  const [row] = await db
    .select({ id: clients.id, reason: clients.doNotBookOnlineReason })
    .from(clients)
    .where(and(clientScope(actor), eq(clients.id, clientId)));
  if (!row) throw notFound("That client");
  return row;
}
