import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExercises } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";

const EXT: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** A new key per upload, so a replaced picture never overwrites the bytes a cached row names. */
export const exerciseImageKey = (clinicId: string, exerciseId: string, contentType: string) =>
  `clinics/${clinicId}/exercises/${exerciseId}/${randomUUID()}.${EXT[contentType] ?? "bin"}`;

/** NOT_FOUND unless the exercise is the clinic's own; locks its row when asked. */
export async function exerciseExists(tx: Db, actor: Actor, id: string, forUpdate = false) {
  const q = tx
    .select({ id: clinicExercises.id })
    .from(clinicExercises)
    .where(and(clinicScope(actor, clinicExercises), eq(clinicExercises.id, id)));
  const [row] = forUpdate ? await q.for("update") : await q;
  if (!row) throw notFound("That exercise");
}
