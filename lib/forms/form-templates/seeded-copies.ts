import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, formTemplates, formVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import type { FormDefinition } from "../definition";
import { SEEDED_FORMS, type SeededFormKey } from "../templates";

/** Whether the clinic offers dry needling, which decides whether its consent form is offered. */
export async function offersDryNeedling(db: Db, actor: Actor): Promise<boolean> {
  const [row] = await db.select({ v: clinics.offersDryNeedling }).from(clinics).where(eq(clinics.id, actor.clinicId));
  return row?.v ?? false;
}

async function createTemplate(
  tx: Db,
  actor: { clinicId: string; userId: string },
  seedKey: string | null,
  def: FormDefinition,
) {
  const [row] = await tx
    .insert(formTemplates)
    .values({ clinicId: actor.clinicId, seedKey, title: def.title, kind: def.kind, createdBy: actor.userId })
    .returning({ id: formTemplates.id });
  await tx
    .insert(formVersions)
    .values({ clinicId: actor.clinicId, templateId: row!.id, version: 1, definition: def, createdBy: actor.userId });
  return row!.id;
}

/**
 * The clinic's copy of a seeded form, made on first use (copying it, or a new client's first
 * booking sending it). Idempotent: a second call returns the same copy.
 */
export async function ensureSeededCopy(
  tx: Db,
  actor: { clinicId: string; userId: string },
  seedKey: SeededFormKey,
): Promise<string> {
  const [existing] = await tx
    .select({ id: formTemplates.id })
    .from(formTemplates)
    .where(
      and(
        eq(formTemplates.clinicId, actor.clinicId),
        eq(formTemplates.seedKey, seedKey),
        isNull(formTemplates.archivedAt),
      ),
    );
  return existing?.id ?? createTemplate(tx, actor, seedKey, SEEDED_FORMS[seedKey]);
}
