import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clinicMuscles } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { createClinicMuscleBody } from "./schemas";

/** Adds a muscle to the clinic's own library; the shared library is never changed. */
export async function createClinicMuscle(db: Db, actor: Actor, input: z.output<typeof createClinicMuscleBody>) {
  assertCan(actor, "muscles.write");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clinicMuscles)
      .values({ clinicId: actor.clinicId, ...input })
      .returning({ id: clinicMuscles.id });
    await recordEvent(tx, actor, { action: "muscle.created", entityType: "clinic_muscle", entityId: row!.id });
    return { id: row!.id };
  });
}
