import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExerciseImages } from "@/db/schema";
import { putFile, type ObjectStore } from "@/lib/storage";
import { exerciseImageKey } from "./exercise-images/image-files";

/**
 * The data migration that goes with 0022: exercise pictures stored in the database before
 * lib/storage existed are copied to the store and their bytes cleared, a batch at a time.
 * Run at start-up after the schema migrations; idempotent (only rows still holding bytes are
 * taken, and each is cleared only if nobody replaced the picture meanwhile; timestamps are not
 * compared, since a JavaScript Date drops PostgreSQL's microseconds). A crash between
 * the copy and the update leaves an unreferenced file, never a picture without bytes.
 */
export async function moveExerciseImagesToStorage(db: Db, store: ObjectStore, batch = 50): Promise<number> {
  let moved = 0;
  for (;;) {
    const rows = await db
      .select({
        clinicId: clinicExerciseImages.clinicId,
        exerciseId: clinicExerciseImages.exerciseId,
        contentType: clinicExerciseImages.contentType,
        data: clinicExerciseImages.data,
      })
      .from(clinicExerciseImages)
      .where(and(isNotNull(clinicExerciseImages.data), isNull(clinicExerciseImages.storageKey)))
      .limit(batch);
    if (!rows.length) return moved;
    for (const row of rows) {
      const file = await putFile(
        store,
        exerciseImageKey(row.clinicId, row.exerciseId, row.contentType),
        row.data!,
        row.contentType,
      );
      await db
        .update(clinicExerciseImages)
        .set({ storageKey: file.key, sha256: file.sha256, byteSize: file.byteSize, data: null })
        .where(
          and(
            eq(clinicExerciseImages.clinicId, row.clinicId),
            eq(clinicExerciseImages.exerciseId, row.exerciseId),
            // Still the old picture: a replacement meanwhile has a storage key already.
            isNull(clinicExerciseImages.storageKey),
            isNotNull(clinicExerciseImages.data),
          ),
        );
      moved++;
    }
  }
}
