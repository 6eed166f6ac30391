import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { availabilityExceptions, therapistHours } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import type { AvailabilityDto } from "./schemas";
import { therapistsOf } from "./diary-lookups";

export async function getAvailability(db: Db, actor: Actor, therapistId: string): Promise<AvailabilityDto> {
  assertCan(actor, "schedule.manage");
  const [therapist] = await therapistsOf(db, actor, therapistId);
  const [hours] = await db
    .select()
    .from(therapistHours)
    .where(and(clinicScope(actor, therapistHours), eq(therapistHours.therapistUserId, therapistId)));
  const exceptions = await db
    .select()
    .from(availabilityExceptions)
    .where(and(clinicScope(actor, availabilityExceptions), eq(availabilityExceptions.therapistUserId, therapistId)))
    .orderBy(availabilityExceptions.createdAt);
  return {
    therapistId,
    therapistName: therapist!.name,
    blocks: hours?.blocks ?? [],
    version: hours?.version ?? 0,
    exceptions: exceptions.map((e) => ({ id: e.id, exception: e.exception })),
  };
}
