import "server-only";
import { TZDate } from "@date-fns/tz";
import { format, startOfISOWeek } from "date-fns";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { checkIns } from "@/db/schema";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/clients";
import type { CheckInDto, checkInBody } from "./schemas";

/** Monday of this ISO week in the clinic's time zone. */
export function weekStartOf(instant: Date, timeZone: string): string {
  return format(startOfISOWeek(new TZDate(instant.getTime(), timeZone)), "yyyy-MM-dd");
}

const toDto = (r: typeof checkIns.$inferSelect): CheckInDto => ({
  id: r.id,
  weekStart: r.weekStart,
  regions: r.regions,
  updatedAt: r.updatedAt.toISOString(),
});

/** The client's map for this week; a second check-in the same week updates it. */
export async function saveMyCheckIn(db: Db, actor: Actor, input: z.output<typeof checkInBody>): Promise<CheckInDto> {
  assertCan(actor, "portal.self");
  const clientId = requireClientId(actor);
  const weekStart = weekStartOf(new Date(), actor.clinicTimezone);
  const [row] = await db
    .insert(checkIns)
    .values({ clinicId: actor.clinicId, clientId, weekStart, regions: input.regions })
    .onConflictDoUpdate({
      target: [checkIns.clinicId, checkIns.clientId, checkIns.weekStart],
      set: { regions: input.regions, updatedAt: new Date() },
    })
    .returning();
  return toDto(row!);
}

/** Recent check-ins, newest first: the portal's "this week" card and the therapist's symptom layer. */
export async function listCheckIns(db: Db, actor: Actor, clientId: string, limit = 12): Promise<CheckInDto[]> {
  if (actor.clientId !== clientId) assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await db
    .select()
    .from(checkIns)
    .where(and(clinicScope(actor, checkIns), eq(checkIns.clientId, clientId)))
    .orderBy(desc(checkIns.weekStart))
    .limit(limit);
  return rows.map(toDto);
}

export async function listMyCheckIns(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  const list = await listCheckIns(db, actor, requireClientId(actor));
  return { thisWeek: weekStartOf(new Date(), actor.clinicTimezone), checkIns: list };
}
