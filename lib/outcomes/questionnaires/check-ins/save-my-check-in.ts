import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { checkIns } from "@/db/schema";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { CheckInDto, checkInBody } from "../schemas";
import { toCheckInDto, weekStartOf } from "./check-in-rows";

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
  return toCheckInDto(row!);
}
