import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExerciseImages } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { storage, type ObjectStore } from "@/lib/storage";
import { exerciseExists } from "./image-files";

/** Removes the exercise's picture; removing a picture that is not there is a no-op. */
export async function deleteExerciseImage(
  db: Db,
  actor: Actor,
  id: string,
  store: ObjectStore = storage(),
): Promise<void> {
  assertCan(actor, "exercises.write");
  const gone = await db.transaction(async (tx) => {
    await exerciseExists(tx, actor, id, true);
    const rows = await tx
      .delete(clinicExerciseImages)
      .where(and(clinicScope(actor, clinicExerciseImages), eq(clinicExerciseImages.exerciseId, id)))
      .returning({ key: clinicExerciseImages.storageKey });
    if (rows.length)
      await recordEvent(tx, actor, { action: "exercise.image_removed", entityType: "clinic_exercise", entityId: id });
    return rows;
  });
  // After the commit: a rolled-back removal must still find its bytes.
  for (const r of gone) if (r.key) await store.delete(r.key).catch(() => undefined);
}
