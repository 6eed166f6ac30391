import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExerciseImages } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid } from "@/lib/errors";
import { putFile, storage, type ObjectStore } from "@/lib/storage";
import { withoutMetadata } from "@/lib/images/without-metadata";
import { imageUrlFor } from "../catalogue";
import { MAX_IMAGE_BYTES, type ImageDto, type ImageType } from "../schemas";
import { exerciseExists, exerciseImageKey } from "./image-files";

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
