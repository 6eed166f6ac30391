import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, formTemplates, formVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import type { FormDefinition } from "./definition";
import { SEEDED_FORMS, seededFormsFor, type SeededFormKey } from "./templates";
import type { NewFormBody, TemplateDetailDto, TemplateDto } from "./schemas";

const columns = {
  id: formTemplates.id,
  seedKey: formTemplates.seedKey,
  title: formTemplates.title,
  kind: formTemplates.kind,
  currentVersion: formTemplates.currentVersion,
};
const toDto = (r: { id: string; seedKey: string | null; title: string; kind: string; currentVersion: number }) =>
  ({ ...r, seedKey: r.seedKey as TemplateDto["seedKey"], kind: r.kind as TemplateDto["kind"] }) satisfies TemplateDto;

async function offersDryNeedling(db: Db, actor: Actor): Promise<boolean> {
  const [row] = await db.select({ v: clinics.offersDryNeedling }).from(clinics).where(eq(clinics.id, actor.clinicId));
  return row?.v ?? false;
}

/** The clinic's forms, and the seeded ones it can still copy (dry needling only within its scope). */
export async function listTemplates(db: Db, actor: Actor) {
  assertCan(actor, "forms.configure");
  const rows = await db
    .select(columns)
    .from(formTemplates)
    .where(and(clinicScope(actor, formTemplates), isNull(formTemplates.archivedAt)))
    .orderBy(asc(formTemplates.title));
  const copied = new Set(rows.map((r) => r.seedKey));
  const available = seededFormsFor(await offersDryNeedling(db, actor))
    .filter((k) => !copied.has(k))
    .map((seedKey) => ({ seedKey, title: SEEDED_FORMS[seedKey].title }));
  return { templates: rows.map(toDto), available };
}

/** A template with the text of its current version (none yet for a new blank form: version 0). */
export async function getTemplate(db: Db, actor: Actor, templateId: string): Promise<TemplateDetailDto> {
  assertCan(actor, "forms.configure");
  const [row] = await db
    .select({ ...columns, definition: formVersions.definition })
    .from(formTemplates)
    .leftJoin(
      formVersions,
      and(
        eq(formVersions.clinicId, formTemplates.clinicId),
        eq(formVersions.templateId, formTemplates.id),
        eq(formVersions.version, formTemplates.currentVersion),
      ),
    )
    .where(and(clinicScope(actor, formTemplates), eq(formTemplates.id, templateId), isNull(formTemplates.archivedAt)));
  if (!row) throw notFound("That form");
  return { ...toDto(row), definition: row.definition };
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

/** Copies a seeded form into the clinic's own templates (dry needling only where offered). */
export async function copySeededForm(db: Db, actor: Actor, seedKey: SeededFormKey): Promise<TemplateDetailDto> {
  assertCan(actor, "forms.configure");
  if (!seededFormsFor(await offersDryNeedling(db, actor)).includes(seedKey))
    throw conflict(
      "Dry needling is not within this clinic's scope of practice (a clinic setting), so its consent form is not offered.",
    );
  const id = await db.transaction(async (tx) => {
    const templateId = await ensureSeededCopy(tx, actor, seedKey);
    await recordEvent(tx, actor, {
      action: "form.template_copied",
      entityType: "form_template",
      entityId: templateId,
      details: { seedKey },
    });
    return templateId;
  });
  return getTemplate(db, actor, id);
}

/**
 * Starts a blank form of the clinic's own: a title and kind, no version yet (current version 0).
 * It opens in the editor; the first save makes version 1, and until then it cannot be sent
 * (createFormRequests refuses it), so a client never receives an empty form.
 */
export async function createBlankTemplate(db: Db, actor: Actor, input: NewFormBody): Promise<TemplateDetailDto> {
  assertCan(actor, "forms.configure");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(formTemplates)
      .values({
        clinicId: actor.clinicId,
        title: input.title,
        kind: input.kind,
        currentVersion: 0,
        createdBy: actor.userId,
      })
      .returning({ id: formTemplates.id });
    await recordEvent(tx, actor, {
      action: "form.template_created",
      entityType: "form_template",
      entityId: row!.id,
      details: { kind: input.kind },
    });
    return row!.id;
  });
  return getTemplate(db, actor, id);
}

/**
 * Saves new text as the next version. Earlier versions stay exactly as they were (a trigger
 * refuses changes), so forms already sent or signed keep their wording.
 */
export async function saveTemplateVersion(
  db: Db,
  actor: Actor,
  templateId: string,
  input: { baseVersion: number; definition: FormDefinition },
): Promise<TemplateDetailDto> {
  assertCan(actor, "forms.configure");
  await db.transaction(async (tx) => {
    const current = await getTemplate(tx, actor, templateId);
    const next = current.currentVersion + 1;
    const updated = await tx
      .update(formTemplates)
      .set({ currentVersion: next, title: input.definition.title, kind: input.definition.kind })
      .where(
        and(
          clinicScope(actor, formTemplates),
          eq(formTemplates.id, templateId),
          eq(formTemplates.currentVersion, input.baseVersion),
        ),
      )
      .returning({ id: formTemplates.id });
    if (!updated.length)
      throw conflict(
        `Someone saved this form since you opened it (now version ${current.currentVersion}). Reload and edit again.`,
        {
          currentVersion: current.currentVersion,
        },
      );
    await tx.insert(formVersions).values({
      clinicId: actor.clinicId,
      templateId,
      version: next,
      definition: input.definition,
      createdBy: actor.userId,
    });
    await recordEvent(tx, actor, {
      action: "form.template_saved",
      entityType: "form_template",
      entityId: templateId,
      details: { version: next },
    });
  });
  return getTemplate(db, actor, templateId);
}

/** Turns the dry needling consent on or off for the clinic (admins; a scope-of-practice decision). */
export async function setOffersDryNeedling(
  db: Db,
  actor: Actor,
  value: boolean,
): Promise<{ offersDryNeedling: boolean }> {
  assertCan(actor, "clinic.settings");
  await db.transaction(async (tx) => {
    await tx
      .update(clinics)
      .set({ offersDryNeedling: value, settingsVersion: sql`${clinics.settingsVersion} + 1` })
      .where(eq(clinics.id, actor.clinicId));
    await recordEvent(tx, actor, {
      action: "clinic.settings_updated",
      entityType: "clinic",
      entityId: actor.clinicId,
      details: { fields: ["offersDryNeedling"] },
    });
  });
  return { offersDryNeedling: value };
}
