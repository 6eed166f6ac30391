import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { waitlistEntries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { WaitlistEntryDto, waitlistQuery } from "./schemas";
import { toEntryDtos, entryRows } from "./entry-lookups";

export async function listWaitlist(
  db: Db,
  actor: Actor,
  q: z.output<typeof waitlistQuery>,
): Promise<WaitlistEntryDto[]> {
  assertCan(actor, "schedule.manage");
  const status =
    q.status === "all"
      ? undefined
      : q.status === "open"
        ? inArray(waitlistEntries.status, ["waiting", "offered"])
        : eq(waitlistEntries.status, q.status);
  return toEntryDtos(db, actor, await entryRows(db, actor, status));
}
