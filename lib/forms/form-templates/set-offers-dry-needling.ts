import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";

/** Turns the dry needling consent on or off for the clinic (admins; a scope-of-practice decision). */
export async function setOffersDryNeedling(
  db: Db,
  actor: Actor,
  value: boolean,
): Promise<{ offersDryNeedling: boolean }> {
  assertCan(actor, "clinic.settings");
  await db.transaction(async (tx) => {
    await tx
      .update(clinics)
      .set({ offersDryNeedling: value, settingsVersion: sql`${clinics.settingsVersion} + 1` })
      .where(eq(clinics.id, actor.clinicId));
    await recordEvent(tx, actor, {
      action: "clinic.settings_updated",
      entityType: "clinic",
      entityId: actor.clinicId,
      details: { fields: ["offersDryNeedling"] },
    });
  });
  return { offersDryNeedling: value };
}
