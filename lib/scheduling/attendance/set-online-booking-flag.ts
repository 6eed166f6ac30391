import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { OnlineBookingFlag, onlineBookingFlagBody } from "./schemas";
import { clientRow, flagText, parseFlag } from "./online-booking-flag";

/** Blocks online booking for a client (staff can still book them), with the reason. */
export async function setOnlineBookingFlag(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof onlineBookingFlagBody>,
): Promise<OnlineBookingFlag> {
  assertCan(actor, "schedule.manage");
  await clientRow(db, actor, clientId);
  const reason = flagText(input.kind, input.note);
  await db.transaction(async (tx) => {
    await tx
      .update(clients)
      .set({ doNotBookOnlineReason: reason })
      .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
    // The kind only: the note is free text.
    await recordEvent(tx, actor, {
      action: "client.online_booking_blocked",
      entityType: "client",
      entityId: clientId,
      details: { kind: input.kind },
    });
  });
  return parseFlag(reason);
}
