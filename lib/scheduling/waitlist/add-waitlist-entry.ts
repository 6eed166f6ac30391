import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, waitlistEntries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import type { WaitlistEntryDto, WaitlistEntryInput } from "./schemas";
import { assertPreferences, entryRows } from "./entry-lookups";
import { getWaitlistEntry } from "./get-waitlist-entry";

/** Puts a client on the waitlist. One open entry per client and type: a second would only double the calls. */
export async function addWaitlistEntry(db: Db, actor: Actor, input: WaitlistEntryInput): Promise<WaitlistEntryDto> {
  assertCan(actor, "schedule.manage");
  const [client] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(clinicScope(actor, clients), eq(clients.id, input.clientId), isNull(clients.archivedAt)));
  if (!client) throw notFound("That client");
  await assertPreferences(db, actor, input);
  const open = await entryRows(
    db,
    actor,
    and(eq(waitlistEntries.clientId, input.clientId), inArray(waitlistEntries.status, ["waiting", "offered"])),
  );
  if (open.some((e) => e.typeId === input.typeId))
    throw conflict("This client is already on the waitlist for that appointment type. Edit that entry instead.");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(waitlistEntries)
      .values({ clinicId: actor.clinicId, ...input, createdBy: actor.userId })
      .returning({ id: waitlistEntries.id });
    await recordEvent(tx, actor, {
      action: "waitlist.added",
      entityType: "waitlist_entry",
      entityId: row!.id,
      details: { clientId: input.clientId },
    });
    return row!.id;
  });
  return getWaitlistEntry(db, actor, id);
}
