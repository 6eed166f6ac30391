import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { waitlistEntries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { WaitlistEntryDto } from "./schemas";
import { entryRows, toEntryDtos } from "./entry-lookups";

export async function getWaitlistEntry(db: Db, actor: Actor, entryId: string): Promise<WaitlistEntryDto> {
  assertCan(actor, "schedule.manage");
  const [row] = await entryRows(db, actor, eq(waitlistEntries.id, entryId));
  if (!row) throw notFound("That waitlist entry");
  return (await toEntryDtos(db, actor, [row]))[0]!;
}
