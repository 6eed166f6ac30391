import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import type { WaitlistEntryDto } from "./schemas";
import { updateWaitlistEntry } from "./update-waitlist-entry";

export async function removeWaitlistEntry(db: Db, actor: Actor, entryId: string): Promise<WaitlistEntryDto> {
  return updateWaitlistEntry(db, actor, entryId, { status: "removed" });
}
