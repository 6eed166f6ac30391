import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { OnlineBookingFlag } from "./schemas";
import { clientRow, parseFlag } from "./online-booking-flag";

export async function clearOnlineBookingFlag(db: Db, actor: Actor, clientId: string): Promise<OnlineBookingFlag> {
  assertCan(actor, "schedule.manage");
  const client = await clientRow(db, actor, clientId);
  if (client.reason === null) return parseFlag(null);
  await db.transaction(async (tx) => {
    await tx
      .update(clients)
      .set({ doNotBookOnlineReason: null })
      .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
    await recordEvent(tx, actor, {
      action: "client.online_booking_allowed",
      entityType: "client",
      entityId: clientId,
      details: { previousKind: parseFlag(client.reason).kind },
    });
  });
  return parseFlag(null);
}
