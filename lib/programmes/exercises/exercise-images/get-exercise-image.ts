import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExerciseImages } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { can, clinicScope } from "@/lib/identity/scopes";
import { AppError, notFound } from "@/lib/errors";
import { readFile, storage, type ObjectStore } from "@/lib/storage";

/**
 * The picture's bytes. Readable by staff who read the library AND by the clinic's own clients,
 * whose portal shows the exercises they were given: no single permission says both, so the
 * operation only requires a signed-in actor and this function decides. The query is scoped to
 * the actor's clinic either way, so another clinic's picture is NOT_FOUND. Archived exercises
 * keep their picture readable because programmes prescribed earlier still show them.
 */
export async function getExerciseImage(
  db: Db,
  actor: Actor,
  id: string,
  store: ObjectStore = storage(),
): Promise<{ contentType: string; data: Buffer; uploadedAt: Date }> {
  if (!can(actor, "muscles.read") && !actor.clientId)
    throw new AppError("FORBIDDEN", "Your role in this clinic does not allow this.");
  const [row] = await db
    .select({
      contentType: clinicExerciseImages.contentType,
      data: clinicExerciseImages.data,
      storageKey: clinicExerciseImages.storageKey,
      sha256: clinicExerciseImages.sha256,
      uploadedAt: clinicExerciseImages.uploadedAt,
    })
    .from(clinicExerciseImages)
    .where(and(clinicScope(actor, clinicExerciseImages), eq(clinicExerciseImages.exerciseId, id)));
  if (!row) throw notFound("That picture");
  // Until the start-up move has run, an old picture is still in the row.
  const data = row.storageKey ? await readFile(store, { key: row.storageKey, sha256: row.sha256! }) : row.data;
  if (!data) throw notFound("That picture");
  return { contentType: row.contentType, data, uploadedAt: row.uploadedAt };
}
