import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExerciseImages, clinicExercises } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, invalid, notFound } from "@/lib/errors";
import { putFile, readFile, storage, type ObjectStore } from "@/lib/storage";
import { withoutMetadata } from "@/lib/images/without-metadata";
import { imageUrlFor } from "./catalogue";
import { MAX_IMAGE_BYTES, type ImageDto, type ImageType } from "./schemas";

/** The file signatures of the accepted types: the declared type must match the bytes. */
export function matchesSignature(type: ImageType, b: Uint8Array): boolean {
  const starts = (sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
  switch (type) {
    case "image/png":
      return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/jpeg":
      return starts([0xff, 0xd8, 0xff]);
    // RIFF....WEBP
    case "image/webp":
      return starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8);
  }
}

const EXT: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** A new key per upload, so a replaced picture never overwrites the bytes a cached row names. */
export const exerciseImageKey = (clinicId: string, exerciseId: string, contentType: string) =>
  `clinics/${clinicId}/exercises/${exerciseId}/${randomUUID()}.${EXT[contentType] ?? "bin"}`;

async function exerciseExists(tx: Db, actor: Actor, id: string, forUpdate = false) {
  const q = tx
    .select({ id: clinicExercises.id })
    .from(clinicExercises)
    .where(and(clinicScope(actor, clinicExercises), eq(clinicExercises.id, id)));
  const [row] = forUpdate ? await q.for("update") : await q;
  if (!row) throw notFound("That exercise");
}

/** Sets (or replaces) the exercise's picture, at most 2 MB, PNG, JPEG or WebP by its actual bytes. */
export async function putExerciseImage(
  db: Db,
  actor: Actor,
  id: string,
  input: { contentType: ImageType; dataBase64: string },
  store: ObjectStore = storage(),
): Promise<ImageDto> {
  assertCan(actor, "exercises.write");
  const data = Buffer.from(input.dataBase64, "base64");
  if (data.byteLength === 0) throw invalid("Choose a picture.", { dataBase64: ["Choose a picture."] });
  if (data.byteLength > MAX_IMAGE_BYTES)
    throw invalid("The picture is larger than 2 MB.", { dataBase64: ["The picture is larger than 2 MB."] });
  if (!matchesSignature(input.contentType, data)) {
    const message = "The file is not the kind of picture it claims to be. Use a PNG, JPEG or WebP picture.";
    throw invalid(message, { dataBase64: [message] });
  }
  await exerciseExists(db, actor, id);
  // Clients see these pictures: no GPS position or camera details go with them (lib/images).
  const kept = await withoutMetadata(data, input.contentType).catch(() => {
    const message = "The picture could not be read; it may be damaged. Try exporting it again.";
    throw invalid(message, { dataBase64: [message] });
  });
  const file = await putFile(store, exerciseImageKey(actor.clinicId, id, input.contentType), kept, input.contentType);
  let replaced: string | null = null;
  try {
    const dto = await db.transaction(async (tx) => {
      await exerciseExists(tx, actor, id, true);
      const [old] = await tx
        .select({ key: clinicExerciseImages.storageKey })
        .from(clinicExerciseImages)
        .where(and(clinicScope(actor, clinicExerciseImages), eq(clinicExerciseImages.exerciseId, id)));
      replaced = old?.key ?? null;
      const values = {
        contentType: input.contentType,
        data: null,
        storageKey: file.key,
        sha256: file.sha256,
        byteSize: file.byteSize,
        uploadedAt: new Date(),
      };
      await tx
        .insert(clinicExerciseImages)
        .values({ clinicId: actor.clinicId, exerciseId: id, ...values })
        .onConflictDoUpdate({ target: [clinicExerciseImages.clinicId, clinicExerciseImages.exerciseId], set: values });
      await recordEvent(tx, actor, {
        action: "exercise.image_set",
        entityType: "clinic_exercise",
        entityId: id,
        details: { contentType: input.contentType, byteSize: kept.byteLength },
      });
      return {
        contentType: input.contentType,
        byteSize: kept.byteLength,
        imageUrl: imageUrlFor(id, values.uploadedAt),
      };
    });
    // The replaced picture's bytes are no longer named by any row.
    if (replaced) await store.delete(replaced).catch(() => undefined);
    return dto;
  } catch (err) {
    await store.delete(file.key).catch(() => undefined);
    throw err;
  }
}

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
