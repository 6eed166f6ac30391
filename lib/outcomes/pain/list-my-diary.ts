import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { diaryEntries } from "@/db/schema";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { clinicDay } from "./dates";
import { toDiaryEntryDto } from "./diary-rows";
import type { DiaryEntryDto } from "./schemas";

/** The client's own diary, newest first (last 120 days). */
export async function listMyDiary(db: Db, actor: Actor): Promise<DiaryEntryDto[]> {
  assertCan(actor, "portal.self");
  const clientId = requireClientId(actor);
  const since = clinicDay(new Date(Date.now() - 120 * 86_400_000), actor.clinicTimezone);
  const rows = await db
    .select()
    .from(diaryEntries)
    .where(
      and(clinicScope(actor, diaryEntries), eq(diaryEntries.clientId, clientId), gte(diaryEntries.entryDate, since)),
    )
    .orderBy(desc(diaryEntries.entryDate));
  return rows.map(toDiaryEntryDto);
}
