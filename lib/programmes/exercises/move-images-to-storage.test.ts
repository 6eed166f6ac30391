import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicExerciseImages } from "@/db/schema";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import { fileStore } from "@/lib/storage/file-store";
import { sha256Hex } from "@/lib/storage";
import { createClinicExercise } from "./clinic-exercises/create-clinic-exercise";
import { getExerciseImage } from "./exercise-images/get-exercise-image";
import { putExerciseImage } from "./exercise-images/put-exercise-image";
import { moveExerciseImagesToStorage } from "./move-images-to-storage";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "knotwork-move-"));
const store = fileStore(root);
let t: TestDb;

beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("moving exercise pictures out of the database (migration 0022's data step)", () => {
  it("copies pictures stored in rows to storage, clears the bytes, keeps them readable, and is idempotent", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const make = (name: string) =>
      createClinicExercise(t.db, therapist, {
        name,
        tool: "massage_ball",
        targetMuscles: ["gastrocnemius"],
        instructions: "Sit with the ball under the calf.\nPress gently.",
        dosage: { hold_seconds: 60, sets: 2, frequency_per_week: 5 },
        cautions: [],
      });
    const old = (await make("Old picture press")).clinicExerciseId!;
    const fresh = (await make("New picture press")).clinicExerciseId!;
    // A picture as the app stored it before lib/storage: bytes in the row.
    await t.db.insert(clinicExerciseImages).values({
      clinicId: therapist.clinicId,
      exerciseId: old,
      contentType: "image/png",
      data: PNG,
      byteSize: PNG.byteLength,
    });
    await putExerciseImage(
      t.db,
      therapist,
      fresh,
      { contentType: "image/png", dataBase64: PNG.toString("base64") },
      store,
    );

    expect(await moveExerciseImagesToStorage(t.db, store, 1)).toBe(1);
    const [row] = await t.db.select().from(clinicExerciseImages).where(eq(clinicExerciseImages.exerciseId, old));
    expect(row!.data).toBeNull();
    expect(row!.sha256).toBe(sha256Hex(PNG));
    expect(row!.storageKey).toMatch(new RegExp(`^clinics/${therapist.clinicId}/exercises/${old}/[0-9a-f-]{36}\\.png$`));
    expect((await getExerciseImage(t.db, therapist, old, store)).data.equals(PNG)).toBe(true);
    // A new upload is kept re-encoded without metadata (lib/images): the same picture, other bytes.
    const kept = (await getExerciseImage(t.db, therapist, fresh, store)).data;
    expect(await sharp(kept).metadata()).toMatchObject({ format: "png", width: 1, height: 1 });
    expect(await moveExerciseImagesToStorage(t.db, store)).toBe(0);
  });

  it("the database refuses a picture with its bytes in both places or in none", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const [row] = await t.db.select().from(clinicExerciseImages).limit(1);
    await expect(
      t.db.update(clinicExerciseImages).set({ data: PNG }).where(eq(clinicExerciseImages.exerciseId, row!.exerciseId)),
    ).rejects.toThrow();
    await expect(
      t.db
        .update(clinicExerciseImages)
        .set({ storageKey: null, sha256: null })
        .where(eq(clinicExerciseImages.exerciseId, row!.exerciseId)),
    ).rejects.toThrow();
    expect(therapist.clinicId).toBe(row!.clinicId);
  });
});
